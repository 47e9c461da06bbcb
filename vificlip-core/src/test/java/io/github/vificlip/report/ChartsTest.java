/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.training.TrainingHistory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

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

    @Test
    void fitsTheLegendOfSixtyClassesInThePicture(@TempDir Path dir) throws Exception {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            names.add("class number " + c);
        }
        double[][] layout = new double[120][];
        int[] labels = new int[120];
        for (int i = 0; i < 120; i++) {
            labels[i] = i % 60;
            layout[i] = new double[] {labels[i] % 8 * 10 + i % 3, labels[i] / 8 * 10};
        }
        Path png = dir.resolve("tsne.png");

        Charts.scatter(layout, labels, names, "t-SNE", png);

        // The legend's frame, top and bottom, lies inside the picture: rows where a long run of
        // the legend column is drawn, far apart enough to hold 60 entries.
        BufferedImage image = ImageIO.read(png.toFile());
        List<Integer> frameRows = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y++) {
            int drawn = 0;
            for (int x = image.getWidth() - 50; x < image.getWidth() - 20; x++) {
                drawn += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
            if (drawn == 30) {
                frameRows.add(y);
            }
        }
        assertThat(frameRows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(frameRows.get(0)).isPositive();
        assertThat(frameRows.get(frameRows.size() - 1))
                .isLessThan(image.getHeight() - 1)
                .isGreaterThan(frameRows.get(0) + 60 * 14);
    }

    @Test
    void drawsTheLearningRateAndTheAccuracyOnTheirOwnAxes() {
        TrainingHistory history = new TrainingHistory();
        for (int i = 0; i < 4; i++) {
            history.add(new TrainingHistory.Iteration(1, i, 5 - 0.1 * i, 1e-6 * i));
        }
        history.add(new TrainingHistory.Epoch(1, 4.883345007896423, 3e-6, 2, 1, 0.25, 0.5));

        XYChart iterations = Charts.iterationChart(history.getIterations());
        XYChart epochs = Charts.epochChart(history.getEpochs());

        assertThat(iterations.getSeriesMap().get("loss").getYAxisGroup()).isZero();
        assertThat(iterations.getSeriesMap().get("learning rate").getYAxisGroup()).isEqualTo(1);
        assertThat(iterations.getStyler().getYAxisMax(1)).isBetween(3e-6, 4e-6);
        // one epoch: a round loss axis from 0 instead of one tick at the raw value
        assertThat(epochs.getStyler().getYAxisMin(0)).isZero();
        assertThat(epochs.getStyler().getYAxisMax(0)).isEqualTo(5.25);
        assertThat(epochs.getSeriesMap().get("validation top-1").getYAxisGroup()).isEqualTo(1);
        assertThat(epochs.getSeriesMap().get("validation top-1").getYData()).containsExactly(25.0);
        assertThat(epochs.getSeriesMap().get("mean loss").getXData()).containsExactly(1.0);
    }
}
