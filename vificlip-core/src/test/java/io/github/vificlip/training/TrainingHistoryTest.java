/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.report.Charts;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingHistoryTest {

    private static TrainingHistory history() {
        TrainingHistory history = new TrainingHistory();
        for (int i = 0; i < 20; i++) {
            history.add(new TrainingHistory.Iteration(1 + i / 10, i, 2.0 / (1 + i), 1e-4 * i / 20));
        }
        history.add(new TrainingHistory.Epoch(1, 1.2, 5e-5, 3.5, 11.4, null, null));
        history.add(new TrainingHistory.Epoch(2, 0.4, 1e-4, 3.1, 12.9, 0.75, 1.0));
        return history;
    }

    @Test
    void writesJsonAndCsv(@TempDir Path dir) throws Exception {
        TrainingHistory history = history();

        history.writeJson(dir.resolve("history.json"));
        history.writeCsv(dir.resolve("epochs.csv"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
        assertThat(json.get("iterations")).hasSize(20);
        assertThat(json.get("epochs").get(1).get("top1").asDouble()).isEqualTo(0.75);
        assertThat(json.get("epochs").get(0).has("top1")).isFalse();
        List<String> csv = Files.readAllLines(dir.resolve("epochs.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).startsWith("epoch,mean_loss,learning_rate");
        assertThat(csv.get(1)).isEqualTo("1,1.200000,5.00000e-05,3.50,11.400,,");
        assertThat(csv.get(2)).endsWith(",0.750000,1.000000");
    }

    @Test
    void drawsTheCurveAsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("curve.png");

        Charts.trainingCurve(history(), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(840);
        // Not a blank canvas: the loss line changes pixels somewhere.
        int first = image.getRGB(0, 0);
        boolean drawn = false;
        for (int y = 0; y < image.getHeight() && !drawn; y += 3) {
            for (int x = 0; x < image.getWidth() && !drawn; x += 3) {
                drawn = image.getRGB(x, y) != first;
            }
        }
        assertThat(drawn).isTrue();
    }

    @Test
    void describesItselfAndTheResultReadably() {
        TrainingHistory history = history();
        TrainingResult result = new TrainingResult(history, 0.75, 2, Path.of("runs", "a"));
        TrainingResult unvalidated = new TrainingResult(history, -1, 0, Path.of("runs", "b"));

        assertThat(history.toString())
                .isEqualTo("TrainingHistory[2 epochs, 20 iterations, last mean loss 0.4000]");
        assertThat(result.toString())
                .isEqualTo(
                        String.format(
                                Locale.ROOT,
                                "TrainingResult[2 epochs, last mean loss 0.4000, best top-1 75.00%%"
                                        + " at epoch 2, output %s]",
                                Path.of("runs", "a")));
        assertThat(unvalidated.toString()).contains("no validation").doesNotContain("@");
    }
}
