/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import ai.djl.ndarray.NDArray;

/**
 * Multi-view scoring as the reference validates ({@code validate} in {@code main.py}): a softmax
 * over classes for each view, then the probabilities summed over views. With one view the scores
 * are plain softmax probabilities, so top-k is unchanged.
 */
public final class ViewScores {

    private ViewScores() {}

    /**
     * Sums per-view class probabilities.
     *
     * @param logits [B, V, classes]: the logits of each view of each video
     * @return [B, classes]: the summed probabilities (each row sums to V)
     * @throws IllegalArgumentException if the array is not three-dimensional
     */
    public static NDArray sumOfSoftmax(NDArray logits) {
        if (logits.getShape().dimension() != 3) {
            throw new IllegalArgumentException(
                    "Expected view logits [B, V, classes], got shape " + logits.getShape());
        }
        return logits.softmax(-1).sum(new int[] {1});
    }
}
