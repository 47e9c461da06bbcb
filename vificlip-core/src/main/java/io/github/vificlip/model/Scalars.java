/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays made in the current step's scope, for the forward pass and the loss.
 *
 * <p>Scalars for products that autograd differentiates ({@link #like}). DJL's {@code mul(Number)}
 * and {@code NDManager.create(float)} put the number in a direct buffer that libtorch only borrows;
 * once the array is closed (at once by {@code mul(Number)}, or with a block's scope) the garbage
 * collector frees the buffer, and the product's backward reads freed memory: training then ended in
 * gradients of 1e20 and NaN at random. Arrays made here are allocated by libtorch ({@code full}),
 * whose reference counting keeps the value for the backward.
 *
 * <p>Parameters lifted into the step ({@link #lift}). An engine operation attaches its result to
 * the manager of its first operand. When that operand is a parameter (or a cached tensor), the
 * result lands in the model's long-lived manager and stays there for the model's lifetime: a leak
 * on every forward pass. Forward code therefore starts operations from activations; where it must
 * compute from a parameter first, it lifts the parameter into the step's manager. The tests cap the
 * model's manager, so any slip fails them.
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

    /**
     * Returns {@code parameter}'s value as an array of the step that {@code activation} belongs to:
     * a differentiable copy (zeros + parameter), so gradients still reach the parameter.
     *
     * @param parameter a parameter's array (small: an embedding row, prompts, a scalar)
     * @param activation an array of the current step
     * @return the copy, in {@code activation}'s manager and on its device
     */
    public static NDArray lift(NDArray parameter, NDArray activation) {
        return activation
                .getManager()
                .zeros(parameter.getShape(), parameter.getDataType(), activation.getDevice())
                .add(parameter);
    }
}
