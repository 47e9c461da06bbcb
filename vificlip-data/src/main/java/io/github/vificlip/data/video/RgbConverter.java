/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * Converts decoded {@link PlanarFrame}s to packed RGB with exactly the arithmetic of the {@code
 * ffmpeg} 5.1 command line ({@code ffmpeg -i X -f rawvideo -pix_fmt rgb24 -}) on x86-64, so that
 * every decoder backend yields the same bytes as the command line from the same decoded planes.
 *
 * <p>The command line converts through its scale filter and swscale (bicubic, matrix from the
 * frame's colour-space tag, range from its range tag), which takes one of three paths at the same
 * size, reproduced here:
 *
 * <ul>
 *   <li>8-bit {@code yuv420p} and {@code yuv422p} with an even height: the special converter
 *       ({@code libswscale/x86/yuv_2_rgb.asm}, SSSE3): each pair of pixels shares one chroma
 *       sample, 16-bit fixed-point products ({@code pmulhw}) and a final clip;
 *   <li>{@code yuv444p}, 8-bit 4:2:0 and 4:2:2 at odd heights, and all 10-bit input: the general
 *       scaler ({@code GeneralScaler}) with 15-bit intermediates, bicubic chroma upsampling where
 *       chroma is subsampled ({@code libswscale/utils.c} {@code initFilter}) and the output code of
 *       {@code libswscale/output.c} (full chroma for 4:4:4 and odd widths, lookup tables
 *       otherwise);
 *   <li>{@code gbrp}: a copy of the planes.
 * </ul>
 *
 * <p>A converter keeps scratch rows between calls: use one per thread.
 */
public final class RgbConverter {

    private byte[] rowY = new byte[0];
    private byte[] rowU = new byte[0];
    private byte[] rowV = new byte[0];
    private final GeneralScaler general = new GeneralScaler();

    /** Creates a converter. */
    public RgbConverter() {}

    /**
     * Converts one frame into a new {@link RgbFrame}.
     *
     * @param frame the decoded planes
     * @return the packed RGB frame, same size
     */
    public RgbFrame convert(PlanarFrame frame) {
        byte[] out = new byte[frame.width() * frame.height() * 3];
        convert(frame, out);
        return new RgbFrame(frame.width(), frame.height(), out);
    }

    /**
     * Converts one frame into packed RGB bytes, row by row without padding.
     *
     * @param frame the decoded planes
     * @param out {@code width * height * 3} bytes to write
     * @throws IllegalArgumentException if {@code out} has the wrong length
     */
    public void convert(PlanarFrame frame, byte[] out) {
        int width = frame.width();
        int height = frame.height();
        RgbFrame.requireLength(width, height, out);
        PlanarFormat format = frame.format();
        if (format == PlanarFormat.GBRP) {
            copyPlanarRgb(frame, out);
        } else if ((format == PlanarFormat.YUV420P || format == PlanarFormat.YUV422P)
                && (height & 1) == 0) {
            specialConverter(frame, out);
        } else {
            general.convert(frame, out);
        }
    }

    /** swscale's {@code planarRgbToRgbWrapper}: interleaves G, B, R planes as R, G, B. */
    private void copyPlanarRgb(PlanarFrame frame, byte[] out) {
        int width = frame.width();
        ensureRows(width);
        for (int y = 0; y < frame.height(); y++) {
            frame.plane(0).get(y * frame.lineSize(0), rowY, 0, width);
            frame.plane(1).get(y * frame.lineSize(1), rowU, 0, width);
            frame.plane(2).get(y * frame.lineSize(2), rowV, 0, width);
            int o = y * width * 3;
            for (int x = 0; x < width; x++, o += 3) {
                out[o] = rowV[x];
                out[o + 1] = rowY[x];
                out[o + 2] = rowU[x];
            }
        }
    }

    /**
     * The special converter of {@code libswscale/x86/yuv_2_rgb.asm}: samples scaled by 8, minus the
     * offsets, times the 16-bit coefficients keeping the high 16 bits ({@code pmulhw}), summed and
     * clipped to 0-255. Pixel {@code x} uses chroma sample {@code x / 2} of row {@code y / 2}
     * (4:2:0) or {@code y} (4:2:2). The sums cannot reach the 16-bit saturation limits, so plain
     * int arithmetic gives the same values.
     */
    private void specialConverter(PlanarFrame frame, byte[] out) {
        YuvCoefficients k = YuvCoefficients.of(frame.matrix(), frame.fullRange());
        int width = frame.width();
        int chromaWidth = (width + 1) >> 1;
        int vshift = frame.format().chromaShiftY();
        ensureRows(width);
        for (int y = 0; y < frame.height(); y++) {
            int cy = y >> vshift;
            frame.plane(0).get(y * frame.lineSize(0), rowY, 0, width);
            if (y == 0 || cy != (y - 1) >> vshift) {
                frame.plane(1).get(cy * frame.lineSize(1), rowU, 0, chromaWidth);
                frame.plane(2).get(cy * frame.lineSize(2), rowV, 0, chromaWidth);
            }
            specialRow(k, width, out, y * width * 3);
        }
    }

    /**
     * One output row of the special converter, a pair of pixels per chroma sample. The last byte of
     * a pair is written first, which lets the JIT check the array bounds once per pair.
     */
    private void specialRow(YuvCoefficients k, int width, byte[] out, int o) {
        int[] ty = k.simdLuma;
        int[] redV = k.simdRedV;
        int[] greenU = k.simdGreenU;
        int[] greenV = k.simdGreenV;
        int[] blueU = k.simdBlueU;
        byte[] clip = Clip.BYTE;
        byte[] ys = rowY;
        int pairs = width >> 1;
        for (int i = 0; i < pairs; i++, o += 6) {
            int u = rowU[i] & 0xFF;
            int v = rowV[i] & 0xFF;
            int r = redV[v];
            int g = greenU[u] + greenV[v];
            int b = blueU[u];
            int y0 = ty[ys[2 * i] & 0xFF];
            int y1 = ty[ys[2 * i + 1] & 0xFF];
            out[o + 5] = clip[y1 + b];
            out[o] = clip[y0 + r];
            out[o + 1] = clip[y0 + g];
            out[o + 2] = clip[y0 + b];
            out[o + 3] = clip[y1 + r];
            out[o + 4] = clip[y1 + g];
        }
        if ((width & 1) == 1) {
            int u = rowU[pairs] & 0xFF;
            int v = rowV[pairs] & 0xFF;
            int y0 = ty[ys[width - 1] & 0xFF];
            out[o] = clip[y0 + redV[v]];
            out[o + 1] = clip[y0 + greenU[u] + greenV[v]];
            out[o + 2] = clip[y0 + blueU[u]];
        }
    }

    private void ensureRows(int width) {
        if (rowY.length < width) {
            rowY = new byte[width];
            rowU = new byte[width];
            rowV = new byte[width];
        }
    }
}
