/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;

/**
 * Keeps intermediate arrays in the step's scope.
 *
 * <p>An engine operation attaches its result to the manager of its first operand. When that operand
 * is a parameter (or a cached tensor), the result would land in the model's long-lived manager and
 * stay there for the model's lifetime: a leak on every forward pass. Forward code therefore starts
 * operations from activations where it can, and moves the few results derived from parameters into
 * the activation's manager with {@link #into(NDArray, NDArray)}.
 */
final class Scopes {

    private Scopes() {}

    /**
     * Attaches {@code result} to the manager of {@code activation} and returns it.
     *
     * @param result an intermediate computed from a parameter
     * @param activation an array of the current step
     * @return {@code result}
     */
    static NDArray into(NDArray result, NDArray activation) {
        result.attach(activation.getManager());
        return result;
    }
}
