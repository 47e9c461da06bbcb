/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that sets nothing makes no network connection: {@link OfflineHost} runs in a fresh JVM
 * without DJL's offline or telemetry settings (neither system properties nor environment
 * variables), with every socket connection recorded. The control run, where the host turns both
 * back on, shows that the recorder sees DJL's telemetry probe and that the host's choice wins.
 */
class OfflineByDefaultTest {

    @TempDir static Path dir;

    private static Path weights;

    @BeforeAll
    static void writeFiles() throws IOException {
        ColourClips.write(dir);
        weights = ColourClips.writeTinyWeights(dir);
    }

    private static String host(String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(properties));
        command.addAll(
                List.of(
                        "-cp",
                        System.getProperty("java.class.path"),
                        OfflineHost.class.getName(),
                        weights.toString(),
                        dir.resolve("videos/red_4.mp4").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("OPT_OUT_TRACKING");
        environment.remove("DJL_OFFLINE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void aHostThatSetsNothingIsOfflineAndConnectsNowhere() throws Exception {
        String output = host();

        assertThat(output)
                .contains("classes=3")
                .contains("offlineMode=true")
                .contains("OPT_OUT_TRACKING=true")
                .contains("attempts=[]");
    }

    @Test
    void theHostsChoiceWinsAndTheRecorderSeesDjlsTelemetryProbe() throws Exception {
        String output = host("-Dai.djl.offline=false", "-DOPT_OUT_TRACKING=false");

        assertThat(output)
                .contains("classes=3")
                .contains("offlineMode=false")
                .contains("OPT_OUT_TRACKING=false")
                .containsPattern("attempts=\\[.*169\\.254\\.169\\.254");
    }
}
