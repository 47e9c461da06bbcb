/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void matchesPyTorchsUpdateRuleStepByStep() {
        JsonNode golden = TrainingReference.get("adamw");
        try (NDManager manager = NDManager.newBaseManager();
                AdamW adamw = AdamW.builder().build(manager)) {
            NDArray param =
                    manager.create(TrainingReference.flatten(golden.get("param")), new Shape(3, 4));
            for (int step = 0; step < golden.get("lrs").size(); step++) {
                try (NDArray grad =
                        manager.create(
                                TrainingReference.flatten(golden.get("grads").get(step)),
                                new Shape(3, 4))) {
                    adamw.update("w", param, grad, golden.get("lrs").get(step).asDouble());
                }
                JsonNode expected = golden.get("steps").get(step);
                assertClose(param, expected.get("param"), "param after step " + (step + 1));
                AdamW.State state = adamw.getStates().get("w");
                assertThat(state.step()).isEqualTo(step + 1);
                assertClose(state.expAvg(), expected.get("exp_avg"), "m after step " + (step + 1));
                assertClose(
                        state.expAvgSq(), expected.get("exp_avg_sq"), "v after step " + (step + 1));
            }
        }
    }

    @Test
    void restoredStateContinuesIdentically() {
        try (NDManager manager = NDManager.newBaseManager();
                AdamW first = AdamW.builder().build(manager);
                AdamW second = AdamW.builder().build(manager)) {
            NDArray a = manager.create(new float[] {1, -2, 3});
            NDArray b = a.duplicate();
            NDArray grad = manager.create(new float[] {0.5f, 0.25f, -1});
            first.update("w", a, grad, 0.1);
            second.restore("w", first.getStates().get("w"));
            b.set(new ai.djl.ndarray.index.NDIndex("..."), a);
            first.update("w", a, grad, 0.1);
            second.update("w", b, grad, 0.1);

            assertThat(b.toFloatArray()).containsExactly(a.toFloatArray());
            assertThat(second.getStates().get("w").step()).isEqualTo(2);
        }
    }

    private static void assertClose(NDArray actual, JsonNode expected, String what) {
        float[] values = actual.toFloatArray();
        float[] wanted = TrainingReference.flatten(expected);
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("%s [%d]", what, i).isCloseTo(wanted[i], within(2e-6f));
        }
    }
}
