/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.Normalization;
import io.github.vificlip.data.video.RgbFrame;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.data.video.VideoReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class FramesCommandTest {

    @TempDir Path dir;

    private Path clip;

    @BeforeEach
    void writeClip() throws Exception {
        // 70 is not a multiple of 8: the width where Humble's own swscale was wrong.
        clip = dir.resolve("clip.webm");
        SyntheticClipWriter.builder()
                .setFormat(VideoFormat.WEBM_VP9)
                .setSize(70, 42)
                .optKeyframeInterval(5)
                .build()
                .write(
                        clip,
                        12,
                        (i, w, h, rgb) -> {
                            for (int p = 0; p < rgb.length; p++) {
                                rgb[p] = (byte) (p * 7 + i * 13);
                            }
                        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"humble", "ffmpeg"})
    void writesTheDecodedFramesExactlyNamedByIndex(String backend) throws Exception {
        Path out = dir.resolve(backend);

        CommandRun run =
                CommandRun.of(
                        "frames",
                        "--decoder",
                        backend,
                        "--indices",
                        "0,5,11",
                        "--out",
                        out.toString(),
                        clip.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("000000.png", "000005.png", "000011.png");
        }
        RgbFrame[] decoded;
        try (VideoReader reader = VideoDecoders.byName(backend).open(clip)) {
            decoded = reader.read(new int[] {0, 5, 11});
        }
        assertThat(rgbOf(out.resolve("000005.png"))).isEqualTo(decoded[1].data());
    }

    @Test
    void bothBackendsWriteTheSamePictures() throws Exception {
        for (String backend : VideoDecoders.names()) {
            assertThat(
                            CommandRun.of(
                                            "frames",
                                            "--decoder",
                                            backend,
                                            "--out",
                                            dir.resolve(backend).toString(),
                                            clip.toString())
                                    .exitCode())
                    .isZero();
        }

        for (int i = 0; i < 12; i++) {
            String name = String.format("%06d.png", i);
            assertThat(rgbOf(dir.resolve("ffmpeg").resolve(name)))
                    .as(name)
                    .isEqualTo(rgbOf(dir.resolve("humble").resolve(name)));
        }
    }

    @Test
    void samplesAndShowsWhatTheModelSees() throws Exception {
        Path out = dir.resolve("test");

        CommandRun run =
                CommandRun.of(
                        "frames",
                        "--sample",
                        "4",
                        "--transform",
                        "test",
                        "--size",
                        "32",
                        "--out",
                        out.toString(),
                        clip.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        int[] indices = SegmentSampler.test(4).sample(12, new SplittableRandom(1024));
        RgbFrame[] decoded;
        try (VideoReader reader = VideoDecoders.byName("humble").open(clip)) {
            decoded = reader.read(indices);
        }
        RgbFrame[] seen =
                FramesCommand.unnormalise(
                        EvalTransform.builder()
                                .optSize(32)
                                .optShortSide(36)
                                .build()
                                .apply(decoded, new SplittableRandom(0)),
                        Normalization.IMAGENET);
        for (int i = 0; i < indices.length; i++) {
            Path png = out.resolve(String.format("%06d.png", indices[i]));
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(32);
            assertThat(image.getHeight()).isEqualTo(32);
            assertThat(rgbOf(png)).isEqualTo(seen[i].data());
        }
    }

    @Test
    void unknownDecoderIsAUsageError() {
        CommandRun run =
                CommandRun.of(
                        "frames",
                        "--decoder",
                        "opencv",
                        "--out",
                        dir.resolve("x").toString(),
                        clip.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value for option '--decoder'")
                .contains("expected one of [humble, ffmpeg]");
    }

    @Test
    void everyCommandThatReadsVideosTakesDecoder() {
        CommandLine root = VifiClipCommand.commandLine();
        String[][] paths = {
            {"classify"},
            {"train"},
            {"eval"},
            {"probe"},
            {"frames"},
            {"protocol", "zero-shot"},
            {"protocol", "base-to-novel"},
            {"protocol", "few-shot"},
            {"benchmark", "decode"},
        };
        for (String[] path : paths) {
            CommandLine command = root;
            for (String name : path) {
                command = command.getSubcommands().get(name);
                assertThat(command).as(String.join(" ", path)).isNotNull();
            }
            assertThat(command.getCommandSpec().findOption("--decoder"))
                    .as(String.join(" ", path))
                    .isNotNull();
        }
    }

    private static byte[] rgbOf(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int p = (y * image.getWidth() + x) * 3;
                rgb[p] = (byte) (pixel >> 16);
                rgb[p + 1] = (byte) (pixel >> 8);
                rgb[p + 2] = (byte) pixel;
            }
        }
        return rgb;
    }
}
