/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/** Draws the frames of a synthetic clip for {@link SyntheticClipWriter}. */
@FunctionalInterface
public interface FrameGenerator {

    /**
     * Draws one frame into a packed RGB buffer.
     *
     * @param index the frame number, from 0
     * @param width the frame width in pixels
     * @param height the frame height in pixels
     * @param rgb {@code width * height * 3} bytes to fill, row by row, RGB per pixel; it holds the
     *     previous frame's pixels (all zero for frame 0)
     */
    void draw(int index, int width, int height, byte[] rgb);
}
