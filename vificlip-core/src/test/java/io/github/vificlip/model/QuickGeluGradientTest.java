/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QuickGELU's training pass must keep every array its backward reads alive: between forward and
 * backward the garbage collector runs and new scalars reuse freed memory, and the gradient must
 * still be the analytic one. (With DJL's {@code mul(Number)} the backward read a freed scalar and
 * training runs ended in gradients of 1e20 and NaN.)
 */
class QuickGeluGradientTest {

    @Test
    void gradientSurvivesMemoryReuseBetweenForwardAndBackward() {
        int n = 1 << 16;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (8 * Math.sin(i * 0.37));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(values);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y;
                // As in ClipTransformer: a block's intermediates go with its scope.
                try (NDManager scope = manager.newSubManager()) {
                    scope.tempAttachAll(x);
                    y = ClipMlp.quickGelu(x, true);
                    y.attach(manager);
                }
                List<NDArray> garbage = new ArrayList<>();
                for (int round = 0; round < 20; round++) {
                    System.gc();
                    for (int k = 0; k < 200; k++) {
                        garbage.add(manager.create(1e30f));
                    }
                }
                collector.backward(y.sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            double beta = ClipMlp.QUICK_GELU_BETA;
            for (int i = 0; i < n; i++) {
                double v = values[i];
                double s = 1 / (1 + Math.exp(-beta * v));
                double expected = s + beta * v * s * (1 - s);
                assertThat((double) gradient[i])
                        .as("x[%d] = %s", i, v)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }
}
