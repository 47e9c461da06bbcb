/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/** Writes loaded values into parameter arrays: the one way weights and prompts enter a model. */
public final class ParameterValues {

    private ParameterValues() {}

    /**
     * Writes {@code source}'s values into a parameter's array in place, widened to fp32, whether or
     * not the parameter trains. The array stays the same object, so anything holding it (an
     * optimizer, a predictor) sees the new values.
     *
     * @param source the values, of the target's shape (any floating type)
     * @param target the parameter's fp32 array
     */
    public static void assign(NDArray source, NDArray target) {
        NDArray widened = source.toType(DataType.FLOAT32, false);
        NDArray value = widened.toDevice(target.getDevice(), false);
        // An in-place write into a leaf that requires gradients is an autograd error in threads
        // where grad mode is on; the flag comes back afterwards.
        boolean requiresGradient = target.hasGradient();
        try {
            if (requiresGradient) {
                target.setRequiresGradient(false);
            }
            // an indexed copy, not set(Buffer): libtorch warns on stderr that the guard DJL's
            // set(Buffer) takes (AutoNonVariableTypeMode) is deprecated
            target.set(new NDIndex("..."), value);
        } finally {
            if (requiresGradient) {
                target.setRequiresGradient(true);
            }
            if (value != widened) {
                value.close();
            }
            if (widened != source) {
                widened.close();
            }
        }
    }
}
