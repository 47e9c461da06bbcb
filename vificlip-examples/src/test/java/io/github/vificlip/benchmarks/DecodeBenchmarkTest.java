/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.cli.ViFiClipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeBenchmarkTest {

    @TempDir Path dir;

    @Test
    void smallRunWritesItsSourceAndReportsRatesOrMissingFfmpeg() {
        StringWriter out = new StringWriter();
        CommandLine cli = ViFiClipCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code =
                cli.execute(
                        "benchmark",
                        "decode",
                        "--sizes",
                        "64x48",
                        "--seconds",
                        "1",
                        "--frames",
                        "8",
                        "--size",
                        "32",
                        "--rounds",
                        "2",
                        "--threads",
                        "1,2",
                        "--dir",
                        dir.toString());

        assertThat(code).isZero();
        assertThat(dir.resolve("source_64x48.mp4")).exists();
        assertThat(out.toString())
                .contains("64x48 (25 frames")
                .contains("test clip (resize, centre crop), 1 thread")
                .contains("test clips, 2 threads")
                .containsAnyOf("ratio clip/ffmpeg file", "ffmpeg NOT FOUND on PATH");
        assertThat(Files.isRegularFile(dir.resolve("source_64x48.mp4"))).isTrue();
    }
}
