/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

/**
 * A rectangle of an image: left, top, width and height in pixels.
 *
 * @param x the left column
 * @param y the top row
 * @param width the width, at least 1
 * @param height the height, at least 1
 */
public record CropBox(int x, int y, int width, int height) {

    /**
     * Validates the box.
     *
     * @param x the left column
     * @param y the top row
     * @param width the width, at least 1
     * @param height the height, at least 1
     * @throws IllegalArgumentException if the origin is negative or a side is not positive
     */
    public CropBox {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Invalid crop box " + this);
        }
    }

    /**
     * Fails unless the box lies inside an image of the given size.
     *
     * @param imageWidth the image width
     * @param imageHeight the image height
     * @throws IllegalArgumentException if the box reaches outside the image
     */
    public void checkInside(int imageWidth, int imageHeight) {
        if (x + width > imageWidth || y + height > imageHeight) {
            throw new IllegalArgumentException(
                    "Crop box "
                            + this
                            + " does not fit a "
                            + imageWidth
                            + "x"
                            + imageHeight
                            + " image");
        }
    }
}
