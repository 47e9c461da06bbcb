/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CosineWarmupScheduleTest {

    /** 10 epochs of 100 iterations with 5 warm-up epochs at LR 8e-6: the zero-shot recipe. */
    private final CosineWarmupSchedule schedule =
            CosineWarmupSchedule.builder()
                    .setBaseLearningRate(8e-6)
                    .setTotalIterations(1000)
                    .optWarmupIterations(500)
                    .build();

    @Test
    void equalsTheSpecFormulaAtChosenIterations() {
        // Hand-derived from SPEC.md §3.1: warm-up t·LR/500, then LR/100 + ½(LR − LR/100)(1 + cos
        // πt/1000).
        assertThat(schedule.learningRate(0)).isEqualTo(0);
        assertThat(schedule.learningRate(250)).isCloseTo(4e-6, within(1e-18));
        assertThat(schedule.learningRate(499)).isCloseTo(7.984e-6, within(1e-18));
        // No warm-up subtraction: at t = 500 the cosine is already half-way, so the rate drops.
        assertThat(schedule.learningRate(500)).isCloseTo(8e-8 + 0.5 * 7.92e-6, within(1e-18));
        assertThat(schedule.learningRate(750))
                .isCloseTo(8e-8 + 0.5 * 7.92e-6 * (1 - Math.sqrt(0.5)), within(1e-18));
        assertThat(schedule.learningRate(1000)).isEqualTo(8e-8);
        assertThat(schedule.learningRate(123_456)).isEqualTo(8e-8);
    }

    @Test
    void agreesWithTheIndependentReference() {
        JsonNode points = TrainingReference.get("schedule").get("points");
        for (JsonNode point : points) {
            assertThat(schedule.learningRate(point.get(0).asLong()))
                    .as("iteration %d", point.get(0).asLong())
                    .isCloseTo(point.get(1).asDouble(), within(1e-17));
        }
    }

    @Test
    void firstStepUsesZeroOnlyWithWarmup() {
        assertThat(schedule.initialLearningRate()).isZero();
        CosineWarmupSchedule noWarmup =
                CosineWarmupSchedule.builder()
                        .setBaseLearningRate(1e-3)
                        .setTotalIterations(10)
                        .build();
        assertThat(noWarmup.initialLearningRate()).isEqualTo(1e-3);
        assertThat(noWarmup.learningRate(0)).isEqualTo(1e-3);
        assertThat(noWarmup.learningRate(5)).isCloseTo(1e-5 + 0.5 * (1e-3 - 1e-5), within(1e-15));
    }

    @Test
    void buildSaysWhatIsWrong() {
        assertThatThrownBy(() -> CosineWarmupSchedule.builder().setTotalIterations(10).build())
                .hasMessageContaining("base learning rate");
        assertThatThrownBy(() -> CosineWarmupSchedule.builder().setBaseLearningRate(1).build())
                .hasMessageContaining("total number of iterations");
        assertThatThrownBy(
                        () ->
                                CosineWarmupSchedule.builder()
                                        .setBaseLearningRate(1)
                                        .setTotalIterations(10)
                                        .optMinLearningRate(2)
                                        .build())
                .hasMessageContaining("floor");
    }
}
