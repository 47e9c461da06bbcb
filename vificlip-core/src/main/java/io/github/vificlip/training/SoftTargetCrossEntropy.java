/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against soft targets, timm's {@code SoftTargetCrossEntropy}: the batch mean of
 * {@code −Σ target · log_softmax(logits)}. Every reference training run uses it, since Mixup and
 * CutMix targets are soft.
 */
public final class SoftTargetCrossEntropy extends Loss {

    /** Creates the loss under the name "SoftTargetCrossEntropy". */
    public SoftTargetCrossEntropy() {
        super("SoftTargetCrossEntropy");
    }

    /**
     * Computes the loss.
     *
     * @param logits [B, classes]
     * @param targets [B, classes], rows summing to 1
     * @return the scalar mean loss
     */
    public static NDArray compute(NDArray logits, NDArray targets) {
        return targets.mul(logits.logSoftmax(-1)).sum(new int[] {-1}).neg().mean();
    }

    /**
     * Computes the loss from DJL lists: the first label is the targets, the first prediction the
     * logits.
     *
     * @param labels {@code [targets]}
     * @param predictions {@code [logits]}
     * @return the scalar mean loss
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return compute(predictions.singletonOrThrow(), labels.singletonOrThrow());
    }
}
