/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;

/**
 * Bilinear resizing that reproduces OpenCV's {@code cv2.resize(..., INTER_LINEAR)} on 8-bit images
 * bit for bit (what the reference's {@code mmcv.imresize} calls): pixel centres at half-pixel
 * offsets, borders clamped, no antialiasing when shrinking, and OpenCV's fixed-point arithmetic
 * (11-bit weights rounded half to even, then {@code ((b0*(h0>>4))>>16) + ((b1*(h1>>4))>>16) + 2 >>
 * 2} for the vertical pass).
 *
 * <p>A window of the output can be computed alone: each output pixel depends only on its own
 * coordinates, so "resize, then crop" costs only the cropped pixels.
 */
public final class BilinearResize {

    private static final int COEF_SCALE = 2048; // 1 << INTER_RESIZE_COEF_BITS (11)

    private BilinearResize() {}

    /**
     * Resizes a frame.
     *
     * @param src the frame
     * @param width the new width
     * @param height the new height
     * @return the resized frame
     * @throws IllegalArgumentException if a size is not positive
     */
    public static RgbFrame resize(RgbFrame src, int width, int height) {
        return resize(src, width, height, new CropBox(0, 0, width, height));
    }

    /**
     * Resizes a frame to {@code width x height} and returns only the window {@code box} of the
     * result: the same pixels as resizing and then cropping, at the cost of the window.
     *
     * @param src the frame
     * @param width the width of the whole resized image
     * @param height the height of the whole resized image
     * @param box the window of the resized image to compute
     * @return the window, {@code box.width() x box.height()}
     * @throws IllegalArgumentException if the window does not lie inside the resized image
     */
    public static RgbFrame resize(RgbFrame src, int width, int height, CropBox box) {
        byte[] out = new byte[box.width() * box.height() * 3];
        int rowInts = box.width() * 3;
        resizeRows(
                src,
                width,
                height,
                box,
                (y, h0, h1, beta0, beta1) -> {
                    for (int k = 0, o = y * rowInts; k < rowInts; k++) {
                        out[o + k] = (byte) blend(h0[k], h1[k], beta0, beta1);
                    }
                });
        return new RgbFrame(box.width(), box.height(), out);
    }

    /**
     * Resizes a window like {@link #resize(RgbFrame, int, int, CropBox)} and writes it straight
     * into normalised planes, without an intermediate frame: the values are exactly those of
     * resizing and then {@link Normalization#writeChw}.
     *
     * @param src the frame
     * @param width the width of the whole resized image
     * @param height the height of the whole resized image
     * @param box the window of the resized image to compute
     * @param normalization the statistics
     * @param out the destination
     * @param offset where the window's {@code 3 * box.height() * box.width()} values start
     * @throws IllegalArgumentException if the window does not lie inside the resized image
     */
    public static void resizeNormalized(
            RgbFrame src,
            int width,
            int height,
            CropBox box,
            Normalization normalization,
            float[] out,
            int offset) {
        float[][] table = normalization.table();
        float[] red = table[0];
        float[] green = table[1];
        float[] blue = table[2];
        int outW = box.width();
        int plane = outW * box.height();
        resizeRows(
                src,
                width,
                height,
                box,
                (y, h0, h1, beta0, beta1) -> {
                    int o = offset + y * outW;
                    for (int x = 0, k = 0; x < outW; x++, k += 3) {
                        out[o + x] = red[blend(h0[k], h1[k], beta0, beta1)];
                        out[o + plane + x] = green[blend(h0[k + 1], h1[k + 1], beta0, beta1)];
                        out[o + 2 * plane + x] = blue[blend(h0[k + 2], h1[k + 2], beta0, beta1)];
                    }
                });
    }

    /**
     * Receives the rows of a resized window, top to bottom, as the horizontal passes of the two
     * source rows it blends and their vertical weights (see {@link #blend}; the arrays are reused).
     */
    @FunctionalInterface
    private interface RowSink {
        void row(int y, int[] h0, int[] h1, int beta0, int beta1);
    }

    /**
     * OpenCV's fixed-point vertical pass for one value. Weights sum to at most 2049 in each pass,
     * so the result never exceeds (2049 * (255 * 2049 >> 4) >> 16 + 2) >> 2 = 255: no clamp.
     */
    private static int blend(int top, int bottom, int beta0, int beta1) {
        return (((beta0 * (top >> 4)) >> 16) + ((beta1 * (bottom >> 4)) >> 16) + 2) >> 2;
    }

    private static void resizeRows(RgbFrame src, int width, int height, CropBox box, RowSink sink) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "Resize target must be positive, got " + width + "x" + height);
        }
        box.checkInside(width, height);
        int sw = src.width();
        int sh = src.height();
        int outW = box.width();
        int outH = box.height();
        int rowInts = outW * 3;
        byte[] in = src.data();
        // Horizontal taps: source column and two weights per output column. When the size is
        // unchanged every weight is 2048 or 0 and the passes return the pixels: cv2's plain copy.
        double scaleX = 1.0 / ((double) width / sw);
        int[] xofs = new int[outW];
        int[] xofs1 = new int[outW];
        int[] alpha0 = new int[outW];
        int[] alpha1 = new int[outW];
        for (int i = 0; i < outW; i++) {
            float fx = (float) ((box.x() + i + 0.5) * scaleX - 0.5);
            int sx = (int) Math.floor(fx);
            fx -= sx;
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx >= sw - 1) {
                fx = 0;
                sx = sw - 1;
            }
            xofs[i] = sx * 3;
            xofs1[i] = Math.min(sx + 1, sw - 1) * 3;
            alpha0[i] = (int) Math.rint((1f - fx) * COEF_SCALE);
            alpha1[i] = (int) Math.rint(fx * COEF_SCALE);
        }

        int[][] rows = {new int[rowInts], new int[rowInts]};
        int[] rowOf = {-1, -1};
        double scaleY = 1.0 / ((double) height / sh);
        for (int j = 0; j < outH; j++) {
            float fy = (float) ((box.y() + j + 0.5) * scaleY - 0.5);
            int sy = (int) Math.floor(fy);
            fy -= sy;
            int beta0 = (int) Math.rint((1f - fy) * COEF_SCALE);
            int beta1 = (int) Math.rint(fy * COEF_SCALE);
            int r0 = clamp(sy, sh);
            int r1 = clamp(sy + 1, sh);
            int[] h0 = horizontal(in, sw, r0, rows, rowOf, xofs, xofs1, alpha0, alpha1);
            int[] h1 = horizontal(in, sw, r1, rows, rowOf, xofs, xofs1, alpha0, alpha1);
            sink.row(j, h0, h1, beta0, beta1);
        }
    }

    private static int clamp(int row, int rows) {
        return row < 0 ? 0 : row >= rows ? rows - 1 : row;
    }

    /** The horizontal pass of one source row, kept for the two most recent rows. */
    private static int[] horizontal(
            byte[] in,
            int sw,
            int row,
            int[][] rows,
            int[] rowOf,
            int[] xofs,
            int[] xofs1,
            int[] alpha0,
            int[] alpha1) {
        for (int slot = 0; slot < 2; slot++) {
            if (rowOf[slot] == row) {
                return rows[slot];
            }
        }
        // Replace the slot holding the older row (rows are visited in increasing order).
        int slot = rowOf[0] <= rowOf[1] ? 0 : 1;
        int[] dst = rows[slot];
        rowOf[slot] = row;
        int base = row * sw * 3;
        for (int i = 0, k = 0; i < xofs.length; i++, k += 3) {
            int p0 = base + xofs[i];
            int p1 = base + xofs1[i];
            int a0 = alpha0[i];
            int a1 = alpha1[i];
            dst[k] = (in[p0] & 0xFF) * a0 + (in[p1] & 0xFF) * a1;
            dst[k + 1] = (in[p0 + 1] & 0xFF) * a0 + (in[p1 + 1] & 0xFF) * a1;
            dst[k + 2] = (in[p0 + 2] & 0xFF) * a0 + (in[p1 + 2] & 0xFF) * a1;
        }
        return dst;
    }
}
