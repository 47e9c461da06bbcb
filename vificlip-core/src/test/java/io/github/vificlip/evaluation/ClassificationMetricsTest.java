/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.vificlip.loading.UnreadableVideo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final List<String> CLASSES = List.of("a", "b", "c", "d", "e", "f", "g");

    @Test
    void countsTopOneTopFivePerClassAndConfusion() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Video 0 (label 0): rank 1. Video 1 (label 1): rank 3. Video 2 (label 2): rank 7.
            NDArray scores =
                    manager.create(
                            new float[] {
                                9, 1, 2, 3, 4, 5, 6,
                                7, 5, 1, 1, 1, 6, 1,
                                7, 6, 0, 5, 4, 3, 2
                            },
                            new Shape(3, 7));
            ClassificationMetrics metrics = new ClassificationMetrics(CLASSES);
            metrics.add(scores, new long[] {0, 1, 2});

            EvaluationResult result = metrics.result();

            assertThat(result.videos()).isEqualTo(3);
            assertThat(result.top1()).isCloseTo(1 / 3.0, within(1e-12));
            assertThat(result.top5()).isCloseTo(2 / 3.0, within(1e-12));
            assertThat(result.perClassAccuracy()[0]).isEqualTo(1.0);
            assertThat(result.perClassAccuracy()[1]).isEqualTo(0.0);
            assertThat(result.perClassAccuracy()[3]).isNaN();
            assertThat(result.confusion().count(1, 0)).isEqualTo(1);
            assertThat(result.confusion().count(2, 0)).isEqualTo(1);
            assertThat(result.support()).containsExactly(1, 1, 1, 0, 0, 0, 0);
            assertThat(result.toString())
                    .isEqualTo(
                            "EvaluationResult[3 videos, 7 classes, top-1 33.33%, top-5 66.67%,"
                                    + " mean class accuracy 33.33%]");
            assertThat(result.meanClassAccuracy()).isCloseTo(1 / 3.0, within(1e-12));
        }
    }

    @Test
    void summedViewProbabilitiesDecideWhereSingleViewsDisagree() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Two views of one video over 3 classes: view 1 is confident in class 0, view 2
            // mildly prefers class 1; the sum of softmaxes picks class 0.
            NDArray logits = manager.create(new float[] {5, 0, 0, 0, 1, 0}, new Shape(1, 2, 3));

            NDArray summed = ClassificationMetrics.sumOfSoftmax(logits);

            assertThat(summed.getShape()).isEqualTo(new Shape(1, 3));
            assertThat(summed.sum().getFloat()).isCloseTo(2f, within(1e-5f));
            assertThat(summed.argMax(1).getLong()).isEqualTo(0);
            double e5 = Math.exp(5);
            double e1 = Math.exp(1);
            assertThat(summed.getFloat(0, 1))
                    .isCloseTo((float) (1 / (e5 + 2) + e1 / (e1 + 2)), within(1e-6f));
        }
    }

    @Test
    void rejectsMismatchedInput() {
        ClassificationMetrics metrics = new ClassificationMetrics(CLASSES);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> metrics.add(manager.zeros(new Shape(2, 3)), new long[] {0, 1}))
                    .hasMessageContaining("Expected scores [2, 7]");
            assertThatThrownBy(() -> metrics.add(manager.zeros(new Shape(1, 7)), new long[] {7}))
                    .hasMessageContaining("Label 7 is outside [0, 7)");
        }
    }

    @Test
    void twentyThousandClassesKeepOnlyTheConfusionPairsThatOccurred() {
        int classes = 20_000;
        List<String> names =
                java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
        ClassificationMetrics metrics = new ClassificationMetrics(names);
        java.util.Random random = new java.util.Random(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int batch = 0; batch < 10; batch++) {
                float[] scores = new float[4 * classes];
                long[] labels = new long[4];
                for (int i = 0; i < 4; i++) {
                    labels[i] = random.nextInt(classes);
                    for (int c = 0; c < classes; c++) {
                        scores[i * classes + c] = random.nextFloat();
                    }
                    scores[i * classes + (int) labels[i]] += i % 2; // half of them right
                }
                metrics.add(manager.create(scores, new Shape(4, classes)), labels);
            }
        }
        metrics.addUnreadable(new UnreadableVideo(40, "v40.mp4: file is empty (0 bytes)"));

        EvaluationResult result = metrics.result();

        assertThat(result.videos()).isEqualTo(40);
        assertThat(result.top1()).isEqualTo(0.5);
        assertThat(result.confusion().cells()).hasSizeLessThanOrEqualTo(40);
        assertThat(result.confusion().cells().stream().mapToLong(Confusion.Cell::count).sum())
                .isEqualTo(40);
        com.fasterxml.jackson.databind.JsonNode json = result.toJson();
        assertThat(json.get("confusion").size()).isEqualTo(result.confusion().cells().size());
        assertThat(json.get("classes").size()).isEqualTo(classes);
        assertThat(json.get("unreadable").asInt()).isEqualTo(1);
    }
}
