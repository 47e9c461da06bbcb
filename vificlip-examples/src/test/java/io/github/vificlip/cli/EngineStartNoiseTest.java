/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.zoo.ColourClips;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that starts DJL's engine and loads weights prints nothing but its own lines. */
class EngineStartNoiseTest {

    @Test
    void theEngineStartsQuietly(@TempDir Path dir) throws Exception {
        ColourClips.write(dir);
        Path weights = ColourClips.writeTinyWeights(dir);
        Path picture = dir.resolve("grey.png");
        ImageIO.write(
                new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                VifiClipCommand.class.getName(),
                                "embed",
                                "--weights",
                                weights.toString(),
                                "--image",
                                picture.toString())
                        .start();
        CompletableFuture<byte[]> out =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return process.getInputStream().readAllBytes();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(new String(out.get(), StandardCharsets.UTF_8)).contains("\"kind\":\"image\"");
        // DJL's loggers (GPU probe, native library, threads) and libtorch's native deprecation
        // warning, which DJL's NDArray.set(Buffer) used to trigger when weights were loaded
        for (String noise :
                List.of(
                        "CudaUtils",
                        "Found matching platform",
                        "PtEngine",
                        "AutoNonVariableTypeMode",
                        "deprecated")) {
            assertThat(err).as(err).doesNotContain(noise);
        }
    }
}
