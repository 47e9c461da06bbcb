/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * The YCbCr-to-RGB matrices FFmpeg's swscale knows, with its fixed-point coefficients ({@code
 * ff_yuv2rgb_coeffs} in {@code libswscale/yuv2rgb.c}: red from V, blue from U, green from U and
 * from V, in 1/65536, before range scaling).
 */
public enum YuvMatrix {
    /** ITU-R BT.601 (also BT.470BG and SMPTE 170M), FFmpeg's default. */
    BT601(104597, 132201, 25675, 53279),
    /** ITU-R BT.709. */
    BT709(117489, 138438, 13975, 34925),
    /** FCC (US 1953). */
    FCC(104448, 132798, 24759, 53109),
    /** SMPTE 240M. */
    SMPTE240M(117579, 136230, 16907, 35559),
    /** ITU-R BT.2020 (non-constant and constant luminance use the same coefficients here). */
    BT2020(110013, 140363, 12277, 42626);

    private final int vToRed;
    private final int uToBlue;
    private final int uToGreen;
    private final int vToGreen;

    YuvMatrix(int vToRed, int uToBlue, int uToGreen, int vToGreen) {
        this.vToRed = vToRed;
        this.uToBlue = uToBlue;
        this.uToGreen = uToGreen;
        this.vToGreen = vToGreen;
    }

    /**
     * Returns the matrix the {@code ffmpeg} command line uses for a frame tagged with an FFmpeg
     * {@code AVColorSpace} code: the scale filter's {@code in_color_matrix=auto} maps 1 to BT.709,
     * 4 to FCC, 7 to SMPTE 240M, 9 and 10 to BT.2020, and everything else (unspecified, RGB, YCgCo,
     * unknown codes) to BT.601.
     *
     * @param avColorSpace the code from the decoder ({@code AVCodecContext.colorspace})
     * @return the matrix
     */
    public static YuvMatrix fromAvColorSpace(long avColorSpace) {
        switch ((int) Math.max(-1, Math.min(99, avColorSpace))) {
            case 1:
                return BT709;
            case 4:
                return FCC;
            case 7:
                return SMPTE240M;
            case 9:
            case 10:
                return BT2020;
            default:
                return BT601;
        }
    }

    int vToRed() {
        return vToRed;
    }

    int uToBlue() {
        return uToBlue;
    }

    int uToGreen() {
        return uToGreen;
    }

    int vToGreen() {
        return vToGreen;
    }
}
