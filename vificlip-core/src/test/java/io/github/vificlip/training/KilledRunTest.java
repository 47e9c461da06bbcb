/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.testing.TrainingFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training process killed with SIGKILL, then resumed in this one. */
class KilledRunTest {

    private static final int EPOCHS = 5;

    @Test
    void aRunKilledBySigkillResumesExactlyAndLeavesNoTemporaryFile(@TempDir Path dir)
            throws Exception {
        List<Double> expected;
        try (ViFiClip model = TrainingFixtures.tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            expected =
                    ViFiClipTrainerTest.quick(
                                    dir.resolve("straight"),
                                    ViFiClipTrainerTest.quickRecipe().optEpochs(EPOCHS))
                            .build()
                            .fit(
                                    model.getBlock(),
                                    TrainingFixtures.colourClips(manager, 4, 1),
                                    TrainingFixtures.CLASSES)
                            .history()
                            .getIterations()
                            .stream()
                            .map(TrainingHistory.Iteration::loss)
                            .toList();
        }
        Path killed = dir.resolve("killed");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Child.class.getName(),
                                killed.toString())
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); ; line = lines.readLine()) {
                assertThat(line).as("the child's output ended before epoch 3").isNotNull();
                if (line.equals("epoch 3")) {
                    break; // two epochs are checkpointed; the third has just started
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // As if the kill had hit a write: the temporary file such a write leaves.
        Files.writeString(killed.resolve(".epochs.csv.q9z.tmp"), "epoch,mean_lo");

        List<Double> resumed;
        try (ViFiClip model = TrainingFixtures.tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            resumed =
                    ViFiClipTrainerTest.quick(
                                    killed, ViFiClipTrainerTest.quickRecipe().optEpochs(EPOCHS))
                            .optResume(true)
                            .build()
                            .fit(
                                    model.getBlock(),
                                    TrainingFixtures.colourClips(manager, 4, 1),
                                    TrainingFixtures.CLASSES)
                            .history()
                            .getIterations()
                            .stream()
                            .map(TrainingHistory.Iteration::loss)
                            .toList();
        }

        assertThat(resumed).containsExactlyElementsOf(expected);
        try (Stream<Path> files = Files.list(killed)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"))
                    .contains("history.json", "epochs.csv", "model.safetensors");
        }
    }

    /** Trains in its own process, printing each epoch as it starts. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            try (ViFiClip model = TrainingFixtures.tinyModel();
                    NDManager manager = NDManager.newBaseManager()) {
                ViFiClipTrainerTest.quick(
                                Path.of(args[0]),
                                ViFiClipTrainerTest.quickRecipe().optEpochs(EPOCHS))
                        .addListener(
                                TrainingListener.atEpochBegin(
                                        epoch -> {
                                            System.out.println("epoch " + (epoch + 1));
                                            System.out.flush();
                                            if (epoch == 2) {
                                                sleep(); // hold still until killed
                                            }
                                        }))
                        .build()
                        .fit(
                                model.getBlock(),
                                TrainingFixtures.colourClips(manager, 4, 1),
                                TrainingFixtures.CLASSES);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
