/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.evaluation.EvaluationResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void drawsAConfusionMatrix(@TempDir Path dir) throws Exception {
        EvaluationResult result =
                new EvaluationResult(
                        List.of("red circle", "blue square", "green triangle"),
                        6,
                        0.5,
                        1.0,
                        new double[] {1, 0.5, 0},
                        new long[] {2, 2, 2},
                        new long[][] {{2, 0, 0}, {1, 1, 0}, {0, 2, 0}});
        Path png = dir.resolve("confusion.png");

        Charts.confusionMatrix(result, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(png.getFileName().toString()).isEqualTo("confusion.png");
    }

    @Test
    void drawsAScatterOfALayout(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("tsne.png");

        Charts.scatter(
                new double[][] {{0, 0}, {1, 1}, {5, 5}},
                new int[] {0, 0, 1},
                List.of("a", "b"),
                "t-SNE",
                png);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1200);
    }
}
