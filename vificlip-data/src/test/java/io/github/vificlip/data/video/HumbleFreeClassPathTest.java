/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.data.dataset.VideoDataset;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that leaves Humble Video (AGPL-3.0) out of its dependencies and adds bytedeco's
 * FFmpeg: {@link HumbleFreeProgram} runs in a JVM whose class path is this test's without the
 * Humble jars, gets the FFmpeg backend by default everywhere a decoder is optional, decodes
 * exactly, and is refused by name where Humble is required.
 */
class HumbleFreeClassPathTest {

    @TempDir Path dir;

    @Test
    void withoutHumbleTheFfmpegBackendIsTheDefaultAndHumbleIsRefusedByName() throws Exception {
        Path root = dir.resolve("dataset");
        Files.createDirectories(root.resolve("clips"));
        copy("fixtures/h264.mp4", root.resolve("clips/h264.mp4"));
        Path golden = dir.resolve("h264.rgb");
        try (InputStream in = new GZIPInputStream(resource("fixtures/h264.mp4.rgb.gz"))) {
            Files.write(golden, in.readAllBytes());
        }
        float expected =
                HumbleFreeProgram.recordSum(
                        root, VideoDataset.builder().optDecoder(VideoDecoders.byName("ffmpeg")));

        String output = run(root, golden);

        assertThat(output)
                .contains("humbleClasses=false")
                .contains("available=[ffmpeg]")
                .contains("default=ffmpeg")
                .contains("maxDiff=0")
                .contains("record=" + expected)
                .contains(
                        "byName=IllegalStateException: The humble video decoder needs Humble Video"
                                + " on the class path: add io.humble:humble-video-noarch:0.3.0")
                .contains("builder=IllegalStateException: The humble video decoder needs")
                .contains("writer=IllegalStateException: SyntheticClipWriter encodes with Humble")
                .doesNotContain("NoClassDefFoundError");
        assertThat(root.resolve("new.mp4")).doesNotExist();
    }

    @Test
    void withHumbleItStaysTheDefault() {
        assertThat(VideoDecoders.defaultName()).isEqualTo(VideoDecoders.HUMBLE);
        assertThat(VideoDecoders.byDefault()).isInstanceOf(HumbleVideoDecoder.class);
    }

    private static String run(Path root, Path golden) throws Exception {
        String classPath =
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(
                                entry ->
                                        !Path.of(entry)
                                                .getFileName()
                                                .toString()
                                                .startsWith("humble"))
                        .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).contains("ffmpeg").doesNotContain("humble-video");
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-cp",
                        classPath,
                        HumbleFreeProgram.class.getName(),
                        root.toString(),
                        golden.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = resource(resource)) {
            Files.copy(in, target);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = HumbleFreeClassPathTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing test resource " + name);
        }
        return in;
    }
}
