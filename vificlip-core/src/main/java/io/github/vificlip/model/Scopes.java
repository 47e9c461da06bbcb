/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;

/**
 * Keeps intermediate arrays in the step's scope.
 *
 * <p>An engine operation attaches its result to the manager of its first operand. When that operand
 * is a parameter (or a cached tensor), the result lands in the model's long-lived manager and stays
 * there for the model's lifetime: a leak on every forward pass. Forward code therefore starts
 * operations from activations; where it must compute from a parameter first, it {@link #lift lifts}
 * the parameter into the step's manager. The tests cap the model's manager, so any slip fails them.
 */
final class Scopes {

    private Scopes() {}

    /**
     * Returns {@code parameter}'s value as an array of the step that {@code activation} belongs to:
     * a differentiable copy (zeros + parameter), so gradients still reach the parameter.
     *
     * @param parameter a parameter's array (small: an embedding row, prompts, a scalar)
     * @param activation an array of the current step
     * @return the copy, in {@code activation}'s manager and on its device
     */
    static NDArray lift(NDArray parameter, NDArray activation) {
        return activation
                .getManager()
                .zeros(parameter.getShape(), parameter.getDataType(), activation.getDevice())
                .add(parameter);
    }
}
