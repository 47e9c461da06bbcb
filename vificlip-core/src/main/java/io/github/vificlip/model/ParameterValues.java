/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/** Writes loaded values into parameter arrays: the one way weights and prompts enter a model. */
public final class ParameterValues {

    private static final NDIndex ALL = new NDIndex("...");

    private ParameterValues() {}

    /**
     * Writes {@code source}'s values into a parameter's array in place, widened to fp32, whether or
     * not the parameter trains. The array stays the same object, so anything holding it (an
     * optimizer, a predictor) sees the new values.
     *
     * @param source the values, as many as the target holds, read in the target's shape (any
     *     floating type, any device)
     * @param target the parameter's fp32 array
     * @throws IllegalArgumentException if the element counts differ
     */
    public static void assign(NDArray source, NDArray target) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException(
                    "Cannot write values of shape "
                            + source.getShape()
                            + " into a parameter of shape "
                            + target.getShape());
        }
        NDArray value = source;
        if (value.getDataType() != DataType.FLOAT32) {
            value = value.toType(DataType.FLOAT32, false);
        }
        if (!value.getShape().equals(target.getShape())) {
            NDArray reshaped = value.reshape(target.getShape());
            if (value != source) {
                value.close();
            }
            value = reshaped;
        }
        if (!value.getDevice().equals(target.getDevice())) {
            NDArray moved = value.toDevice(target.getDevice(), false);
            if (value != source) {
                value.close();
            }
            value = moved;
        }
        // An in-place write into a leaf that requires gradients is an autograd error in threads
        // where grad mode is on; the flag comes back afterwards.
        boolean requiresGradient = target.hasGradient();
        try {
            if (requiresGradient) {
                target.setRequiresGradient(false);
            }
            // A native copy: no Java array or buffer of the values, whatever their size, so a
            // small heap is never exhausted (DJL's toByteBuffer() path crashed the JVM there).
            target.set(ALL, value);
        } finally {
            if (requiresGradient) {
                target.setRequiresGradient(true);
            }
            if (value != source) {
                value.close();
            }
        }
    }
}
