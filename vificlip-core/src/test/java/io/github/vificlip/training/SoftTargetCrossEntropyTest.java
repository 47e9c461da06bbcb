/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SoftTargetCrossEntropyTest {

    @Test
    void matchesTheReferenceFormula() {
        JsonNode golden = TrainingReference.get("soft_ce");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits =
                    manager.create(
                            TrainingReference.flatten(golden.get("logits")), new Shape(4, 6));
            NDArray targets =
                    manager.create(
                            TrainingReference.flatten(golden.get("targets")), new Shape(4, 6));

            float loss =
                    new SoftTargetCrossEntropy()
                            .evaluate(new NDList(targets), new NDList(logits))
                            .getFloat();

            assertThat(loss).isCloseTo((float) golden.get("loss").asDouble(), within(1e-5f));
        }
    }

    @Test
    void oneHotTargetsGiveOrdinaryCrossEntropy() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(new float[] {2, 0, 0}, new Shape(1, 3));
            NDArray targets = manager.create(new float[] {1, 0, 0}, new Shape(1, 3));
            double expected = -Math.log(Math.exp(2) / (Math.exp(2) + 2));

            assertThat(SoftTargetCrossEntropy.compute(logits, targets).getFloat())
                    .isCloseTo((float) expected, within(1e-6f));
        }
    }
}
