/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;

/**
 * Per-channel normalisation of 0-255 RGB values: {@code (x - mean) * (1 / std)} to float32, with
 * the rounding of mmcv's {@code imnormalize} (see {@link #table()}).
 *
 * @param mean the red, green and blue means on the 0-255 scale
 * @param std the red, green and blue standard deviations on the 0-255 scale
 */
public record Normalization(double[] mean, double[] std) {

    /** ImageNet statistics on the 0-255 scale, as ViFi-CLIP (the reference) uses. */
    public static final Normalization IMAGENET =
            new Normalization(
                    new double[] {123.675, 116.28, 103.53}, new double[] {58.395, 57.12, 57.375});

    /**
     * CLIP's own statistics (0.48145466, 0.4578275, 0.40821073) / (0.26862954, 0.26130258,
     * 0.27577711), scaled to 0-255.
     */
    public static final Normalization CLIP =
            new Normalization(
                    new double[] {0.48145466 * 255, 0.4578275 * 255, 0.40821073 * 255},
                    new double[] {0.26862954 * 255, 0.26130258 * 255, 0.27577711 * 255});

    /**
     * Validates and copies the statistics.
     *
     * @param mean the red, green and blue means on the 0-255 scale
     * @param std the red, green and blue standard deviations on the 0-255 scale
     * @throws IllegalArgumentException if there are not three positive standard deviations
     */
    public Normalization {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("Need three means and three standard deviations");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException(
                        "Standard deviations must be positive, got " + s);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Returns the means (a copy).
     *
     * @return the red, green and blue means on the 0-255 scale
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Returns the standard deviations (a copy).
     *
     * @return the red, green and blue standard deviations on the 0-255 scale
     */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * The normalised value of every byte per channel, {@code table()[c][v] = (float) ((double)
     * ((float) v - (float) mean[c]) * (1 / std[c]))}: mmcv's {@code imnormalize} on a float32
     * image, whose {@code cv2.subtract} rounds the mean to float32 and whose {@code cv2.multiply}
     * multiplies by {@code 1 / std} in double before rounding the product to float32.
     *
     * @return a new {@code [3][256]} table
     */
    public float[][] table() {
        float[][] table = new float[3][256];
        for (int c = 0; c < 3; c++) {
            float m = (float) mean[c];
            double inv = 1.0 / std[c];
            for (int v = 0; v < 256; v++) {
                table[c][v] = (float) ((v - m) * inv);
            }
        }
        return table;
    }

    /**
     * Writes a frame as normalised planes (channel, row, column) into {@code out}.
     *
     * @param frame the frame
     * @param out the destination
     * @param offset where the frame's {@code 3 * height * width} values start
     */
    public void writeChw(RgbFrame frame, float[] out, int offset) {
        float[][] table = table();
        byte[] in = frame.data();
        int plane = frame.width() * frame.height();
        for (int c = 0; c < 3; c++) {
            float[] lut = table[c];
            int o = offset + c * plane;
            for (int p = 0, i = c; p < plane; p++, i += 3) {
                out[o + p] = lut[in[i] & 0xFF];
            }
        }
    }
}
