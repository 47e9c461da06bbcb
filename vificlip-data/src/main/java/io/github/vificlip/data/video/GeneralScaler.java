/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.util.Arrays;

/**
 * swscale's general path at the same size, for YUV input the special converter does not take (4:4:4
 * at any size, 8-bit 4:2:0 and 4:2:2 at odd heights, 10-bit input at any size): the {@code ffmpeg}
 * command line's scale filter and FFmpeg 5.1's {@code libswscale}, step by step.
 *
 * <ol>
 *   <li>Horizontal pass ({@code hScale8To15}): each plane row to 15-bit samples through a {@link
 *       ScaleFilter}; luma is never resampled (the sample times 128 for 8 bits, times 32 for 10);
 *       chroma is upsampled to the full width when the output uses full chroma (4:4:4 input or an
 *       odd width: {@code SWS_FULL_CHR_H_INT} is forced then), else kept at half width.
 *   <li>Vertical pass: chroma rows through a 12-bit {@link ScaleFilter} (bicubic upsampling of
 *       4:2:0 chroma to every output row), folded into the output sums.
 *   <li>Output ({@code libswscale/output.c}): {@code yuv2rgb_full_X_c_template} (full chroma) or
 *       {@code yuv2rgb_X_c_template} with its lookup tables (half chroma), or the one- and two-row
 *       shortcuts {@code packed_vscale} picks for small filters.
 * </ol>
 */
final class GeneralScaler {

    private int cachedWidth;
    private int cachedHeight;
    private PlanarFormat cachedFormat;
    private boolean fullChroma;
    private int chromaWidth;
    private ScaleFilter hChroma;
    private ScaleFilter vChroma;
    private byte[] srcBytes = new byte[0];
    private int[] samples = new int[0];
    private short[] luma = new short[0];
    private short[][] rowsU = new short[0][];
    private short[][] rowsV = new short[0][];
    private int[] accU = new int[0];
    private int[] accV = new int[0];

    /** Converts one frame; see the class comment. */
    void convert(PlanarFrame frame, byte[] out) {
        prepare(frame);
        YuvCoefficients k = YuvCoefficients.of(frame.matrix(), frame.fullRange());
        int width = frame.width();
        int chromaRows = frame.format().planeHeight(1, frame.height());
        int srcChromaWidth = frame.format().planeWidth(1, width);
        for (int r = 0; r < chromaRows; r++) {
            hScale(frame, 1, r, srcChromaWidth, rowsU[r]);
            hScale(frame, 2, r, srcChromaWidth, rowsV[r]);
        }
        int lumaShift = 14 - inputShift(frame.format());
        for (int y = 0; y < frame.height(); y++) {
            readRow(frame, 0, y, width);
            for (int x = 0; x < width; x++) {
                luma[x] = (short) (samples[x] << lumaShift);
            }
            if (fullChroma) {
                writeFullChroma(k, y, out, y * width * 3, width);
            } else {
                writeHalfChroma(k, y, out, y * width * 3, width);
            }
        }
    }

    private void prepare(PlanarFrame frame) {
        if (frame.width() == cachedWidth
                && frame.height() == cachedHeight
                && frame.format() == cachedFormat) {
            return;
        }
        int width = frame.width();
        PlanarFormat format = frame.format();
        fullChroma = (width & 1) == 1 || format.chromaShiftX() == 0;
        int srcChromaWidth = format.planeWidth(1, width);
        chromaWidth = fullChroma ? width : (width + 1) >> 1;
        int chromaRows = format.planeHeight(1, frame.height());
        // get_local_pos: with the scale filter's defaults every chroma position is 128.
        hChroma = ScaleFilter.bicubic(srcChromaWidth, chromaWidth, 4, 1 << 14, 128, 128);
        vChroma = ScaleFilter.bicubic(chromaRows, frame.height(), 2, 1 << 12, 128, 128);
        srcBytes = new byte[Math.max(width, srcChromaWidth) * format.bytesPerSample()];
        // Where the filter is longer than the source, its last taps are zero but still read.
        samples = new int[Math.max(width, srcChromaWidth) + hChroma.size];
        luma = new short[width];
        rowsU = new short[chromaRows][chromaWidth];
        rowsV = new short[chromaRows][chromaWidth];
        accU = new int[chromaWidth];
        accV = new int[chromaWidth];
        cachedWidth = width;
        cachedHeight = frame.height();
        cachedFormat = format;
    }

    /**
     * The right shift of the horizontal pass's sums ({@code hScale8To15_c}: 7; {@code
     * hScale16To15_c}: bit depth - 1): 14-bit taps on n-bit samples give 15-bit samples.
     */
    private static int inputShift(PlanarFormat format) {
        return format.bitDepth() == 8 ? 7 : format.bitDepth() - 1;
    }

    /** Reads {@code n} samples of one plane row into {@link #samples}. */
    private void readRow(PlanarFrame frame, int plane, int row, int n) {
        int bytes = frame.format().bytesPerSample();
        frame.plane(plane).get(row * frame.lineSize(plane), srcBytes, 0, n * bytes);
        if (bytes == 1) {
            for (int x = 0; x < n; x++) {
                samples[x] = srcBytes[x] & 0xFF;
            }
        } else {
            for (int x = 0; x < n; x++) {
                samples[x] = (srcBytes[2 * x] & 0xFF) | (srcBytes[2 * x + 1] & 0xFF) << 8;
            }
        }
    }

    /** {@code hScale8To15_c} / {@code hScale16To15_c}: one chroma row through the filter. */
    private void hScale(PlanarFrame frame, int plane, int row, int srcWidth, short[] dst) {
        readRow(frame, plane, row, srcWidth);
        int shift = inputShift(frame.format());
        ScaleFilter f = hChroma;
        for (int i = 0; i < dst.length; i++) {
            int base = f.position[i];
            int c = i * f.size;
            int val = 0;
            for (int j = 0; j < f.size; j++) {
                val += samples[base + j] * f.coeff[c + j];
            }
            dst[i] = (short) Math.min(val >> shift, (1 << 15) - 1);
        }
    }

    /**
     * Sums the chroma rows of output row {@code y} with the vertical filter into {@link #accU} and
     * {@link #accV}, starting from {@code bias}. Returns -1 when {@code packed_vscale} takes its
     * two-row shortcut instead, with the second row's weight in the result.
     */
    private int verticalChroma(int y, int bias) {
        ScaleFilter f = vChroma;
        int first = f.position[y];
        int c = y * f.size;
        if (f.size == 2
                && f.coeff[c] + f.coeff[c + 1] == 4096
                && Integer.compareUnsigned(f.coeff[c + 1], 4096) <= 0) {
            return f.coeff[c + 1];
        }
        Arrays.fill(accU, bias);
        Arrays.fill(accV, bias);
        for (int j = 0; j < f.size; j++) {
            int w = f.coeff[c + j];
            int row = Math.min(first + j, rowsU.length - 1); // zero taps past the last row
            short[] u = rowsU[row];
            short[] v = rowsV[row];
            for (int i = 0; i < chromaWidth; i++) {
                accU[i] += u[i] * w;
                accV[i] += v[i] * w;
            }
        }
        return -1;
    }

    /** {@code yuv2rgb_full_X_c_template} (or {@code _1_}) and {@code yuv2rgb_write_full}. */
    private void writeFullChroma(YuvCoefficients k, int y, byte[] out, int o, int width) {
        int alpha = verticalChroma(y, (1 << 9) - (128 << 19));
        int first = vChroma.position[y];
        for (int i = 0; i < width; i++, o += 3) {
            int u;
            int v;
            if (alpha < 0) {
                u = accU[i] >> 10;
                v = accV[i] >> 10;
            } else if (alpha < 2048) {
                u = (rowsU[first][i] - (128 << 7)) * 4;
                v = (rowsV[first][i] - (128 << 7)) * 4;
            } else {
                u = (rowsU[first][i] + rowsU[first + 1][i] - (128 << 8)) * 2;
                v = (rowsV[first][i] + rowsV[first + 1][i] - (128 << 8)) * 2;
            }
            int yy = (luma[i] * 4 - k.fullYOffset) * k.fullY + (1 << 21);
            int r = yy + v * k.fullVr;
            int g = yy + v * k.fullVg + u * k.fullUg;
            int b = yy + u * k.fullUb;
            out[o] = (byte) (clip30(r) >> 22);
            out[o + 1] = (byte) (clip30(g) >> 22);
            out[o + 2] = (byte) (clip30(b) >> 22);
        }
    }

    /** {@code yuv2rgb_X_c_template} (or {@code _1_}) with {@code yuv2rgb_write}'s tables. */
    private void writeHalfChroma(YuvCoefficients k, int y, byte[] out, int o, int width) {
        int alpha = verticalChroma(y, 1 << 18);
        int first = vChroma.position[y];
        byte[] table = k.yTable;
        int h = YuvCoefficients.HEADROOM;
        for (int i = 0; i < width >> 1; i++, o += 6) {
            int u;
            int v;
            if (alpha < 0) {
                u = accU[i] >> 19;
                v = accV[i] >> 19;
            } else if (alpha < 2048) {
                u = (rowsU[first][i] + 64) >> 7;
                v = (rowsV[first][i] + 64) >> 7;
            } else {
                u = (rowsU[first][i] + rowsU[first + 1][i] + 128) >> 8;
                v = (rowsV[first][i] + rowsV[first + 1][i] + 128) >> 8;
            }
            int y1 = (luma[2 * i] + 64) >> 7;
            int y2 = (luma[2 * i + 1] + 64) >> 7;
            int r = k.tableRv[v + h];
            int g = k.tableGu[u + h] + k.tableGv[v + h];
            int b = k.tableBu[u + h];
            out[o] = table[r + y1];
            out[o + 1] = table[g + y1];
            out[o + 2] = table[b + y1];
            out[o + 3] = table[r + y2];
            out[o + 4] = table[g + y2];
            out[o + 5] = table[b + y2];
        }
    }

    /** {@code av_clip_uintp2(v, 30)}, without branches (random samples clip half the time). */
    private static int clip30(int v) {
        return Math.min(v & ~(v >> 31), 0x3FFFFFFF);
    }
}
