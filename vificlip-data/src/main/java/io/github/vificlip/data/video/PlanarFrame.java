/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.nio.ByteBuffer;

/**
 * One decoded picture as a decoder hands it out: three 8-bit planes with their row strides, the
 * layout, and how to read the samples (range and matrix). Any decoder backend can wrap its own
 * memory in one (heap or direct buffers, no copy) and get the same RGB from {@link RgbConverter}.
 *
 * <p>The buffers are read with absolute indices: positions and limits are ignored, and sample
 * {@code (x, y)} of plane {@code p} starts at byte {@code y * lineSize(p) + x *
 * format.bytesPerSample()}. The frame does not own the memory: it is valid only as long as the
 * decoder keeps the picture.
 */
public final class PlanarFrame {

    private final int width;
    private final int height;
    private final PlanarFormat format;
    private final boolean fullRange;
    private final YuvMatrix matrix;
    private final ByteBuffer[] planes;
    private final int[] lineSizes;

    /**
     * Wraps three planes.
     *
     * @param width the width in pixels, at least 1
     * @param height the height in pixels, at least 1
     * @param format the layout
     * @param fullRange true for full-range samples (0-255, FFmpeg's {@code yuvj*} formats or {@code
     *     color_range=pc}), false for limited range (16-235 luma, 16-240 chroma); ignored for
     *     {@link PlanarFormat#GBRP}
     * @param matrix the YCbCr matrix; ignored for {@link PlanarFormat#GBRP}
     * @param planes the three planes in FFmpeg's order (Y, U, V; or G, B, R)
     * @param lineSizes the three row strides in bytes
     * @throws IllegalArgumentException if a size is not positive, a stride is shorter than its row,
     *     or a buffer is too small for its plane
     */
    public PlanarFrame(
            int width,
            int height,
            PlanarFormat format,
            boolean fullRange,
            YuvMatrix matrix,
            ByteBuffer[] planes,
            int[] lineSizes) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "Frame size must be positive, got " + width + "x" + height);
        }
        if (format == null || matrix == null) {
            throw new IllegalArgumentException("The format and the matrix must not be null");
        }
        if (planes.length != 3 || lineSizes.length != 3) {
            throw new IllegalArgumentException(
                    "A "
                            + format
                            + " frame needs 3 planes and 3 line sizes, got "
                            + planes.length
                            + " and "
                            + lineSizes.length);
        }
        for (int p = 0; p < 3; p++) {
            int rowBytes = format.planeWidth(p, width) * format.bytesPerSample();
            int rows = format.planeHeight(p, height);
            long needed = (long) (rows - 1) * lineSizes[p] + rowBytes;
            if (lineSizes[p] < rowBytes || planes[p] == null || planes[p].capacity() < needed) {
                throw new IllegalArgumentException(
                        String.format(
                                "Plane %d of a %dx%d %s frame needs line size >= %d and %d bytes,"
                                        + " got line size %d and %s",
                                p,
                                width,
                                height,
                                format,
                                rowBytes,
                                needed,
                                lineSizes[p],
                                planes[p] == null ? "no buffer" : planes[p].capacity() + " bytes"));
            }
        }
        this.width = width;
        this.height = height;
        this.format = format;
        this.fullRange = fullRange;
        this.matrix = matrix;
        this.planes = planes.clone();
        this.lineSizes = lineSizes.clone();
    }

    /**
     * Returns the width in pixels.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * Returns the height in pixels.
     *
     * @return the height
     */
    public int height() {
        return height;
    }

    /**
     * Returns the layout of the planes.
     *
     * @return the format
     */
    public PlanarFormat format() {
        return format;
    }

    /**
     * Returns whether the samples are full range (0-255) rather than limited range.
     *
     * @return true for full range
     */
    public boolean fullRange() {
        return fullRange;
    }

    /**
     * Returns the YCbCr matrix.
     *
     * @return the matrix
     */
    public YuvMatrix matrix() {
        return matrix;
    }

    /**
     * Returns one plane's buffer (shared, not a copy).
     *
     * @param plane 0, 1 or 2
     * @return the buffer
     */
    public ByteBuffer plane(int plane) {
        return planes[plane];
    }

    /**
     * Returns one plane's row stride in bytes.
     *
     * @param plane 0, 1 or 2
     * @return the line size
     */
    public int lineSize(int plane) {
        return lineSizes[plane];
    }

    @Override
    public String toString() {
        return "PlanarFrame["
                + width
                + "x"
                + height
                + " "
                + format
                + (format == PlanarFormat.GBRP ? "" : (fullRange ? " full " : " limited ") + matrix)
                + "]";
    }
}
