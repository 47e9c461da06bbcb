/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars for products that autograd differentiates. DJL's {@code mul(Number)} and {@code
 * NDManager.create(float)} put the number in a direct buffer that libtorch only borrows; once the
 * array is closed (at once by {@code mul(Number)}, or with a block's scope) the garbage collector
 * frees the buffer, and the product's backward reads freed memory: training then ended in gradients
 * of 1e20 and NaN at random. Arrays made here are allocated by libtorch ({@code full}), whose
 * reference counting keeps the value for the backward.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Returns a scalar as an array that autograd may save.
     *
     * @param value the scalar
     * @param like an array of the current step
     * @return a 0-d array of {@code like}'s type, in its manager and on its device
     */
    public static NDArray like(float value, NDArray like) {
        return like.getManager().full(new Shape(), value, like.getDataType(), like.getDevice());
    }
}
