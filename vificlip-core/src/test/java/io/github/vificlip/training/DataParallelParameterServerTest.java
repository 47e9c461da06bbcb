/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataParallelParameterServerTest {

    @Test
    void updatesWithAdamWAndZeroesTheGradient() {
        try (NDManager manager = NDManager.newBaseManager();
                AdamW optimizer = AdamW.builder().optWeightDecay(0).build(manager);
                AdamW reference = AdamW.builder().optWeightDecay(0).build(manager)) {
            NDArray weight = manager.create(new float[] {1, 2, 3});
            weight.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(weight.square().sum());
            }
            NDArray expected = weight.duplicate();
            reference.update("w", expected, weight.getGradient().duplicate(), 0.1);
            DataParallelParameterServer server =
                    new DataParallelParameterServer(optimizer, Map.of("id-1", "w"));
            server.setLearningRate(0.1);

            server.update("id-1", new NDArray[] {weight});

            assertThat(weight.toFloatArray()).containsExactly(expected.toFloatArray());
            assertThat(weight.getGradient().toFloatArray()).containsOnly(0f);
            assertThat(optimizer.getStates()).containsKey("w");
        }
    }

    @Test
    void zeroClearsNonFiniteValuesToo() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray array = manager.create(new float[] {Float.NaN, Float.POSITIVE_INFINITY, 2});

            DataParallelParameterServer.zero(array);

            assertThat(array.toFloatArray()).containsOnly(0f);
        }
    }

    @Test
    void refusesParametersWithoutAName() {
        try (NDManager manager = NDManager.newBaseManager();
                AdamW optimizer = AdamW.builder().build(manager)) {
            DataParallelParameterServer server =
                    new DataParallelParameterServer(optimizer, Map.of());
            NDArray weight = manager.create(new float[] {1});
            NDArray grad = manager.create(new float[] {1});

            assertThatThrownBy(
                            () -> server.update("x", new NDArray[] {grad}, new NDArray[] {weight}))
                    .hasMessageContaining("Parameter x is trainable but has no name");
        }
    }
}
