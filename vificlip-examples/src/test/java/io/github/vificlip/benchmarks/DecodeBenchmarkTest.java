/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.cli.VifiClipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeBenchmarkTest {

    @TempDir Path dir;

    @Test
    void smallRunWritesItsSourceAndReportsRatesOrMissingFfmpeg() {
        StringWriter out = new StringWriter();
        CommandLine cli = VifiClipCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code =
                cli.execute(
                        "benchmark",
                        "decode",
                        "--sources",
                        "h264:64x48,av1:64x48",
                        "--decoder",
                        "humble,ffmpeg",
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
        assertThat(dir.resolve("source_h264_64x48.mp4")).isRegularFile();
        assertThat(out.toString())
                .contains("h264:64x48 (25 frames")
                .contains("humble: test clip (resize, centre crop), 1 thread")
                .contains("ffmpeg: test clip (resize, centre crop), 1 thread")
                .contains("humble: test clips, 2 threads")
                .containsAnyOf("ratio clip/ffmpeg file", "ffmpeg NOT FOUND on PATH")
                // AV1 is made by the ffmpeg command line and read by the ffmpeg backend only.
                .containsAnyOf(
                        "humble: cannot read it (Humble Video's FFmpeg 2.8 cannot decode its av1",
                        "av1:64x48: needs the ffmpeg command line to make it; skipped");
    }
}
