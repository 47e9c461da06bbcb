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
    private int[] lumaFull = new int[0];
    private int[] lumaHalf = new int[0];
    private int lumaMask;
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
        lumaTables(k, frame.format());
        for (int y = 0; y < frame.height(); y++) {
            readRow(frame, 0, y, width);
            chromaForRow(y);
            if (fullChroma) {
                writeFullChroma(k, out, y * width * 3, width);
            } else {
                writeHalfChroma(k, out, y * width * 3, width);
            }
        }
    }

    /**
     * Fills the per-sample luma terms: the 15-bit sample ({@code sample << (14 - shift)}) as {@code
     * yuv2rgb_write_full} scales it, and as {@code yuv2rgb_X_c_template} rounds it to 8 bits.
     */
    private void lumaTables(YuvCoefficients k, PlanarFormat format) {
        int size = 1 << format.bitDepth();
        if (lumaFull.length != size) {
            lumaFull = new int[size];
            lumaHalf = new int[size];
        }
        int shift = 14 - inputShift(format);
        for (int s = 0; s < size; s++) {
            int luma15 = s << shift;
            lumaFull[s] = (luma15 * 4 - k.fullYOffset) * k.fullY + (1 << 21);
            lumaHalf[s] = (luma15 + 64) >> 7;
        }
        lumaMask = size - 1;
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
     * Leaves the chroma of output row {@code y} in {@link #accU} and {@link #accV}, in the units
     * the output code uses: the vertical filter's sums ({@code yuv2packedX}), or {@code
     * packed_vscale}'s shortcut ({@code yuv2packed1}) for two taps that sum to 4096.
     */
    private void chromaForRow(int y) {
        ScaleFilter f = vChroma;
        int first = f.position[y];
        int c = y * f.size;
        if (f.size == 2
                && f.coeff[c] + f.coeff[c + 1] == 4096
                && Integer.compareUnsigned(f.coeff[c + 1], 4096) <= 0) {
            twoRowShortcut(first, f.coeff[c + 1]);
            return;
        }
        int bias = fullChroma ? (1 << 9) - (128 << 19) : 1 << 18;
        int shift = fullChroma ? 10 : 19;
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
        for (int i = 0; i < chromaWidth; i++) {
            accU[i] >>= shift;
            accV[i] >>= shift;
        }
    }

    /** {@code yuv2rgb_full_1_c_template} and {@code yuv2rgb_1_c_template}'s chroma. */
    private void twoRowShortcut(int first, int alpha) {
        short[] u0 = rowsU[first];
        short[] v0 = rowsV[first];
        if (alpha < 2048) {
            for (int i = 0; i < chromaWidth; i++) {
                accU[i] = fullChroma ? (u0[i] - (128 << 7)) * 4 : (u0[i] + 64) >> 7;
                accV[i] = fullChroma ? (v0[i] - (128 << 7)) * 4 : (v0[i] + 64) >> 7;
            }
            return;
        }
        short[] u1 = rowsU[first + 1];
        short[] v1 = rowsV[first + 1];
        for (int i = 0; i < chromaWidth; i++) {
            accU[i] = fullChroma ? (u0[i] + u1[i] - (128 << 8)) * 2 : (u0[i] + u1[i] + 128) >> 8;
            accV[i] = fullChroma ? (v0[i] + v1[i] - (128 << 8)) * 2 : (v0[i] + v1[i] + 128) >> 8;
        }
    }

    /** {@code yuv2rgb_write_full} for RGB24: one pixel per chroma sample. */
    private void writeFullChroma(YuvCoefficients k, byte[] out, int o, int width) {
        int[] luma = lumaFull;
        int mask = lumaMask;
        for (int i = 0; i < width; i++, o += 3) {
            int u = accU[i];
            int v = accV[i];
            int yy = luma[samples[i] & mask];
            int r = yy + v * k.fullVr;
            int g = yy + v * k.fullVg + u * k.fullUg;
            int b = yy + u * k.fullUb;
            out[o + 2] = (byte) (clip30(b) >> 22);
            out[o] = (byte) (clip30(r) >> 22);
            out[o + 1] = (byte) (clip30(g) >> 22);
        }
    }

    /** {@code yuv2rgb_write} for RGB24 with its lookup tables: two pixels per chroma sample. */
    private void writeHalfChroma(YuvCoefficients k, byte[] out, int o, int width) {
        byte[] table = k.yTable;
        int[] luma = lumaHalf;
        int mask = lumaMask;
        int h = YuvCoefficients.HEADROOM;
        for (int i = 0; i < width >> 1; i++, o += 6) {
            int u = accU[i];
            int v = accV[i];
            int y1 = luma[samples[2 * i] & mask];
            int y2 = luma[samples[2 * i + 1] & mask];
            int r = k.tableRv[v + h];
            int g = k.tableGu[u + h] + k.tableGv[v + h];
            int b = k.tableBu[u + h];
            out[o + 5] = table[b + y2];
            out[o] = table[r + y1];
            out[o + 1] = table[g + y1];
            out[o + 2] = table[b + y1];
            out[o + 3] = table[r + y2];
            out[o + 4] = table[g + y2];
        }
    }

    /** {@code av_clip_uintp2(v, 30)}, without branches (random samples clip half the time). */
    private static int clip30(int v) {
        return Math.min(v & ~(v >> 31), 0x3FFFFFFF);
    }
}
