/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;

/**
 * The colour operations of Pillow that torchvision's {@code ColorJitter} and {@code Grayscale} run
 * on PIL images, reproduced with Pillow's own integer and single-precision arithmetic:
 *
 * <ul>
 *   <li>grayscale ({@code convert("L")}, ITU-R 601-2): {@code (19595 R + 38470 G + 7471 B + 0x8000)
 *       >> 16};
 *   <li>{@code Image.blend(a, b, alpha)}: {@code a + alpha*(b - a)} in float, truncated, clipped to
 *       0-255 when {@code alpha > 1};
 *   <li>brightness: blend with black; contrast: blend with the grey level {@code int(mean(L) +
 *       0.5)}; saturation: blend with the frame's own grayscale;
 *   <li>hue: Pillow's RGB to HSV (8-bit H, S, V), H shifted by {@code (int) (factor*255)} modulo
 *       256, and back.
 * </ul>
 */
public final class PilColor {

    /** {@code (float) a / (float) c} at {@code [a << 8 | c]}: the HSV divisions, bit for bit. */
    private static final float[] QUOTIENT = new float[256 * 256];

    /** Per 8-bit hue: Pillow's sector {@code floor(h*6/255)}, its fraction, and 1 - fraction. */
    private static final int[] SECTOR = new int[256];

    private static final float[] FRACTION = new float[256];
    private static final double[] ONE_MINUS_FRACTION = new double[256];

    /** Per 8-bit saturation: {@code (float) (s / 255.0)} and {@code 1.0 - that}. */
    private static final float[] SATURATION = new float[256];

    private static final double[] ONE_MINUS_SATURATION = new double[256];

    static {
        for (int a = 0; a < 256; a++) {
            for (int c = 1; c < 256; c++) {
                QUOTIENT[a << 8 | c] = (float) a / (float) c;
            }
            double sector = a * 6.0 / 255.0; // a >= 0: the cast is floor()
            SECTOR[a] = (int) sector;
            FRACTION[a] = (float) (sector - SECTOR[a]);
            ONE_MINUS_FRACTION[a] = 1.0 - FRACTION[a];
            SATURATION[a] = (float) (a / 255.0);
            ONE_MINUS_SATURATION[a] = 1.0 - SATURATION[a];
        }
    }

    private PilColor() {}

    /**
     * Pillow's luma of one pixel.
     *
     * @param r red, 0-255
     * @param g green, 0-255
     * @param b blue, 0-255
     * @return the grey level, 0-255
     */
    public static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
    }

    /**
     * Converts a frame to grey and back to three equal channels ({@code convert("L")}, then
     * replicated), as torchvision's {@code Grayscale(num_output_channels=3)}.
     *
     * @param src the frame
     * @return the grey frame
     */
    public static RgbFrame grayscale(RgbFrame src) {
        byte[] in = src.data();
        byte[] out = new byte[in.length];
        for (int p = 0; p < in.length; p += 3) {
            byte l = (byte) luma(in[p] & 0xFF, in[p + 1] & 0xFF, in[p + 2] & 0xFF);
            out[p] = l;
            out[p + 1] = l;
            out[p + 2] = l;
        }
        return new RgbFrame(src.width(), src.height(), out);
    }

    /**
     * {@code ImageEnhance.Brightness(img).enhance(factor)}.
     *
     * @param src the frame
     * @param factor 0 gives black, 1 the original
     * @return the adjusted frame
     */
    public static RgbFrame brightness(RgbFrame src, float factor) {
        byte[] in = src.data();
        byte[] out = new byte[in.length];
        for (int p = 0; p < in.length; p++) {
            out[p] = blend(0, in[p] & 0xFF, factor);
        }
        return new RgbFrame(src.width(), src.height(), out);
    }

    /**
     * {@code ImageEnhance.Contrast(img).enhance(factor)}: blends with a flat image at the rounded
     * mean grey level.
     *
     * @param src the frame
     * @param factor 0 gives flat grey, 1 the original
     * @return the adjusted frame
     */
    public static RgbFrame contrast(RgbFrame src, float factor) {
        byte[] in = src.data();
        long sum = 0;
        for (int p = 0; p < in.length; p += 3) {
            sum += luma(in[p] & 0xFF, in[p + 1] & 0xFF, in[p + 2] & 0xFF);
        }
        int mean = (int) ((double) sum / (in.length / 3) + 0.5);
        byte[] out = new byte[in.length];
        for (int p = 0; p < in.length; p++) {
            out[p] = blend(mean, in[p] & 0xFF, factor);
        }
        return new RgbFrame(src.width(), src.height(), out);
    }

    /**
     * {@code ImageEnhance.Color(img).enhance(factor)}: blends with the frame's grayscale.
     *
     * @param src the frame
     * @param factor 0 gives grey, 1 the original
     * @return the adjusted frame
     */
    public static RgbFrame saturation(RgbFrame src, float factor) {
        byte[] in = src.data();
        byte[] out = new byte[in.length];
        for (int p = 0; p < in.length; p += 3) {
            int l = luma(in[p] & 0xFF, in[p + 1] & 0xFF, in[p + 2] & 0xFF);
            out[p] = blend(l, in[p] & 0xFF, factor);
            out[p + 1] = blend(l, in[p + 1] & 0xFF, factor);
            out[p + 2] = blend(l, in[p + 2] & 0xFF, factor);
        }
        return new RgbFrame(src.width(), src.height(), out);
    }

    /**
     * torchvision's {@code adjust_hue} on a PIL image: to HSV, shift H, back to RGB. Even a zero
     * shift changes some pixels, as in the reference (the 8-bit HSV round trip is lossy).
     *
     * @param src the frame
     * @param factor the hue shift in turns, -0.5 to 0.5
     * @return the adjusted frame
     * @throws IllegalArgumentException if the factor is outside [-0.5, 0.5]
     */
    public static RgbFrame hue(RgbFrame src, float factor) {
        if (!(factor >= -0.5f && factor <= 0.5f)) {
            throw new IllegalArgumentException("Hue factor must be in [-0.5, 0.5], got " + factor);
        }
        int shift = (int) (factor * 255.0); // numpy: int8 cast truncates, then wraps as uint8
        byte[] in = src.data();
        byte[] out = new byte[in.length];
        int[] hsv = new int[3];
        for (int p = 0; p < in.length; p += 3) {
            rgbToHsv(in[p] & 0xFF, in[p + 1] & 0xFF, in[p + 2] & 0xFF, hsv);
            hsvToRgb((hsv[0] + shift) & 0xFF, hsv[1], hsv[2], out, p);
        }
        return new RgbFrame(src.width(), src.height(), out);
    }

    /** Pillow's {@code ImagingBlend} on one value. */
    static byte blend(int a, int b, float alpha) {
        if (alpha == 0f) {
            return (byte) a;
        }
        if (alpha == 1f) {
            return (byte) b;
        }
        float v = a + alpha * (float) (b - a);
        if (alpha >= 0f && alpha <= 1f) {
            return (byte) (int) v;
        }
        return (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) v);
    }

    /** Pillow's {@code rgb2hsv_row} (Convert.c), with its float/double mix. */
    static void rgbToHsv(int r, int g, int b, int[] hsv) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        hsv[2] = max;
        if (min == max) {
            hsv[0] = 0;
            hsv[1] = 0;
            return;
        }
        int cr = max - min;
        float sat = QUOTIENT[cr << 8 | max];
        float h; // Pillow: float quotients, the constant added in double
        if (r == max) {
            h = QUOTIENT[(max - b) << 8 | cr] - QUOTIENT[(max - g) << 8 | cr];
        } else if (g == max) {
            h = (float) (2.0 + QUOTIENT[(max - r) << 8 | cr] - QUOTIENT[(max - b) << 8 | cr]);
        } else {
            h = (float) (4.0 + QUOTIENT[(max - g) << 8 | cr] - QUOTIENT[(max - r) << 8 | cr]);
        }
        double turns = h / 6.0 + 1.0; // in [0.5, 2): fmod(turns, 1) is exact as a subtraction
        h = (float) (turns >= 1.0 ? turns - 1.0 : turns);
        hsv[0] = clip8((int) (h * 255.0));
        hsv[1] = clip8((int) (sat * 255.0));
    }

    /** Pillow's {@code hsv2rgb} (Convert.c). */
    static void hsvToRgb(int h, int s, int v, byte[] out, int p) {
        if (s == 0) {
            out[p] = (byte) v;
            out[p + 1] = (byte) v;
            out[p + 2] = (byte) v;
            return;
        }
        int i = SECTOR[h];
        float fs = SATURATION[s];
        // C's round() of a non-negative value: half away from zero.
        int up = clip8((int) (v * ONE_MINUS_SATURATION[s] + 0.5));
        int uq = clip8((int) (v * (1.0 - fs * FRACTION[h]) + 0.5));
        int ut = clip8((int) (v * (1.0 - fs * ONE_MINUS_FRACTION[h]) + 0.5));
        int r;
        int g;
        int b;
        switch (i % 6) {
            case 0 -> {
                r = v;
                g = ut;
                b = up;
            }
            case 1 -> {
                r = uq;
                g = v;
                b = up;
            }
            case 2 -> {
                r = up;
                g = v;
                b = ut;
            }
            case 3 -> {
                r = up;
                g = uq;
                b = v;
            }
            case 4 -> {
                r = ut;
                g = up;
                b = v;
            }
            default -> {
                r = v;
                g = up;
                b = uq;
            }
        }
        out[p] = (byte) r;
        out[p + 1] = (byte) g;
        out[p + 2] = (byte) b;
    }

    private static int clip8(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
