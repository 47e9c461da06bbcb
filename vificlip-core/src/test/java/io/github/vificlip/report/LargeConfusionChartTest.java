/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.evaluation.Confusion;
import io.github.vificlip.evaluation.EvaluationResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeConfusionChartTest {

    @Test
    void twentyThousandClassesDrawTheFiftyWithTheMostVideos(@TempDir Path dir) throws Exception {
        int classes = 20_000;
        long[] support = new long[classes];
        support[17] = 3;
        Arrays.fill(support, 100, 160, 1);
        double[] accuracy = new double[classes];
        Arrays.fill(accuracy, Double.NaN);
        EvaluationResult result =
                new EvaluationResult(
                        IntStream.range(0, classes).mapToObj(c -> "class " + c).toList(),
                        63,
                        0.1,
                        0.2,
                        accuracy,
                        support,
                        Confusion.of(new long[0][0]),
                        List.of());
        Path png = dir.resolve("confusion.png");

        Charts.confusionMatrix(result, png);

        // 50 columns of 28 pixels plus margins, not 20,000 columns
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1600);
    }
}
