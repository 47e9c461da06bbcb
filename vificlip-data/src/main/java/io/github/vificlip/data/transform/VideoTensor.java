/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;

/**
 * A prepared clip: {@code frames} normalised RGB frames as a float array in {@code [N, 3, H, W]}
 * order. For multi-view evaluation N is {@code views * T}, crop-major: all frames of crop 0 (clip
 * by clip), then crop 1, and so on, so each run of T frames is one (crop, clip) view.
 *
 * @param data the values, {@code frames * 3 * height * width}
 * @param frames N, the number of frames
 * @param height the frame height
 * @param width the frame width
 */
public record VideoTensor(float[] data, int frames, int height, int width) {

    /**
     * Validates the size.
     *
     * @param data the values, {@code frames * 3 * height * width}
     * @param frames N, the number of frames
     * @param height the frame height
     * @param width the frame width
     * @throws IllegalArgumentException if the array length does not match the shape
     */
    public VideoTensor {
        if ((long) frames * 3 * height * width != data.length) {
            throw new IllegalArgumentException(
                    "A ["
                            + frames
                            + ",3,"
                            + height
                            + ","
                            + width
                            + "] tensor needs "
                            + (long) frames * 3 * height * width
                            + " values, got "
                            + data.length);
        }
    }

    /**
     * Returns the shape {@code [N, 3, H, W]}.
     *
     * @return the shape
     */
    public Shape shape() {
        return new Shape(frames, 3, height, width);
    }

    /**
     * Copies the clip into a float32 NDArray of shape {@code [N, 3, H, W]}.
     *
     * @param manager the manager that owns the array
     * @return the array
     */
    public NDArray toNDArray(NDManager manager) {
        return manager.create(FloatBuffer.wrap(data), shape());
    }
}
