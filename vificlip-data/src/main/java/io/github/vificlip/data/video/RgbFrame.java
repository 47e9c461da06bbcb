/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * One video frame as packed 8-bit RGB: {@code height} rows of {@code width} pixels, three bytes
 * (red, green, blue) per pixel, no padding between rows.
 *
 * <p>Frames are treated as immutable: a decoder may hand out the same frame for several requested
 * indices, and every transform writes a new frame instead of changing its input. The array behind
 * {@link #data()} is shared for speed; never modify it.
 */
public final class RgbFrame {

    private final int width;
    private final int height;
    private final byte[] data;

    /**
     * Wraps packed RGB bytes as a frame (the array is not copied).
     *
     * @param width the width in pixels, at least 1
     * @param height the height in pixels, at least 1
     * @param data {@code width * height * 3} bytes, row by row, RGB per pixel
     * @throws IllegalArgumentException if a size is not positive or the array has the wrong length
     */
    public RgbFrame(int width, int height, byte[] data) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "Frame size must be positive, got " + width + "x" + height);
        }
        requireLength(width, height, data);
        this.width = width;
        this.height = height;
        this.data = data;
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
     * Returns the packed RGB bytes (shared, not a copy: do not modify).
     *
     * @return {@code width * height * 3} bytes, row by row
     */
    public byte[] data() {
        return data;
    }

    /**
     * Returns one channel of one pixel as an unsigned value.
     *
     * @param x the column, 0 to width - 1
     * @param y the row, 0 to height - 1
     * @param channel 0 for red, 1 for green, 2 for blue
     * @return the value, 0 to 255
     */
    public int get(int x, int y, int channel) {
        return data[(y * width + x) * 3 + channel] & 0xFF;
    }

    @Override
    public String toString() {
        return "RgbFrame[" + width + "x" + height + "]";
    }

    /**
     * Fails unless {@code data} holds exactly one packed RGB frame of this size.
     *
     * @throws IllegalArgumentException naming the size and both lengths
     */
    static void requireLength(int width, int height, byte[] data) {
        if (data.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "A "
                            + width
                            + "x"
                            + height
                            + " RGB frame needs "
                            + width * height * 3
                            + " bytes, got "
                            + data.length);
        }
    }
}
