/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

/** Weights that do not fit a model: missing, unexpected or mis-shaped tensors, each by name. */
public class WeightsMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient TensorMismatch mismatch;

    /**
     * Creates the exception.
     *
     * @param mismatch the differences
     * @param source what the weights were read from
     * @param strict whether missing and unexpected tensors counted as errors
     */
    public WeightsMismatchException(TensorMismatch mismatch, String source, boolean strict) {
        super(
                "Weights from "
                        + source
                        + " do not fit the model ("
                        + (strict ? "strict" : "non-strict")
                        + " loading): "
                        + mismatch.describe());
        this.mismatch = mismatch;
    }

    /**
     * Returns the differences.
     *
     * @return the report
     */
    public TensorMismatch mismatch() {
        return mismatch;
    }
}
