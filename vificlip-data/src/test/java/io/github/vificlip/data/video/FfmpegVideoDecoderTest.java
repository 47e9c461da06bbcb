/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The FFmpeg 8 backend on clips written by Humble Video, against the Humble backend. */
class FfmpegVideoDecoderTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void everyFormatDecodesEveryFrameInOrder(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("clip." + format.extension()), format, 60, 12);

        try (VideoReader reader = open(clip, ReadStrategy.SEQUENTIAL)) {
            VideoInfo info = reader.info();
            assertThat(info.width()).isEqualTo(96);
            assertThat(info.height()).isEqualTo(64);
            assertThat(info.frameRate()).isEqualTo(25.0);
            assertThat(info.frameCount()).isEqualTo(60);
            assertThat(info.durationSeconds()).isBetween(2.3, 2.5);
            RgbFrame[] frames = reader.read(IntStream.range(0, 60).toArray());
            assertThat(frames)
                    .extracting(TestClips::frameNumber)
                    .containsExactlyElementsOf(IntStream.range(0, 60).boxed().toList());
        }
    }

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void seekingReturnsTheSameFramesAsDecodingSequentially(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("long." + format.extension()), format, 200, 10);
        int[] wanted = {150, 3, 77, 77, 199, 0, 41, 120, 121, 11};

        RgbFrame[] sequential = read(clip, ReadStrategy.SEQUENTIAL, wanted);
        RgbFrame[] seeking = read(clip, ReadStrategy.SEEK, wanted);
        RgbFrame[] auto = read(clip, ReadStrategy.AUTO, wanted);

        assertThat(sequential)
                .extracting(TestClips::frameNumber)
                .containsExactly(150, 3, 77, 77, 199, 0, 41, 120, 121, 11);
        for (int i = 0; i < wanted.length; i++) {
            assertThat(seeking[i].data())
                    .as("seek frame %d", wanted[i])
                    .isEqualTo(sequential[i].data());
            assertThat(auto[i].data())
                    .as("auto frame %d", wanted[i])
                    .isEqualTo(sequential[i].data());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = VideoFormat.class,
            names = {"MP4_H264", "AVI_XVID", "WEBM_VP9"})
    void seeksAreFrameAccurateAtNtscRate(VideoFormat format) throws Exception {
        Path clip =
                TestClips.write(
                        dir.resolve("ntsc." + format.extension()), format, 150, 12, 30000, 1001);

        RgbFrame[] frames = read(clip, ReadStrategy.SEEK, new int[] {149, 13, 88, 89, 60, 1, 120});

        assertThat(frames)
                .extracting(TestClips::frameNumber)
                .containsExactly(149, 13, 88, 89, 60, 1, 120);
        try (VideoReader reader = open(clip, ReadStrategy.AUTO)) {
            assertThat(reader.info().frameRate()).isCloseTo(29.97, Offset.offset(0.001));
            assertThat(reader.info().frameCount()).isEqualTo(150);
        }
    }

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void indicesPastTheEndGiveTheLastFrame(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("short." + format.extension()), format, 20, 25);

        RgbFrame[] frames = read(clip, ReadStrategy.AUTO, new int[] {25, 19, 5, 400});

        assertThat(frames).extracting(TestClips::frameNumber).containsExactly(19, 19, 5, 19);
    }

    @Test
    void autoDecodesShortClipsSequentiallyAndSeeksInLongOnes() throws Exception {
        Path clip = TestClips.write(dir.resolve("gop.mp4"), VideoFormat.MP4_H264, 400, 20);

        try (FfmpegVideoReader reader = (FfmpegVideoReader) open(clip, ReadStrategy.AUTO)) {
            RgbFrame[] frames = reader.read(new int[] {2, 9, 17, 24});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(2, 9, 17, 24);
            assertThat(reader.seeks()).isZero();
            assertThat(reader.packetsSkipped()).isPositive();
            assertThat(reader.framesDecoded()).isLessThan(25);
        }
        try (FfmpegVideoReader reader = (FfmpegVideoReader) open(clip, ReadStrategy.AUTO)) {
            RgbFrame[] frames = reader.read(new int[] {5, 130, 262, 399});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(5, 130, 262, 399);
            assertThat(reader.seeks()).isBetween(3, 6);
            assertThat(reader.restarts()).isZero();
            assertThat(reader.framesDecoded()).isLessThan(100);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = VideoFormat.class,
            names = {"MP4_H264", "WEBM_VP8", "WEBM_VP9"})
    void bitExactCodecsGiveTheSameRgbAsTheHumbleBackend(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("same." + format.extension()), format, 30, 10);
        int[] wanted = {0, 7, 13, 29};

        RgbFrame[] ours = read(clip, ReadStrategy.AUTO, wanted);
        RgbFrame[] humble;
        try (VideoReader reader = HumbleVideoDecoder.builder().build().open(clip)) {
            humble = reader.read(wanted);
        }

        for (int i = 0; i < wanted.length; i++) {
            assertThat(ours[i].data()).as("frame %d", wanted[i]).isEqualTo(humble[i].data());
        }
    }

    @Test
    void probeReportsContainerAndCodec() throws Exception {
        Path clip = TestClips.write(dir.resolve("p.webm"), VideoFormat.WEBM_VP9, 30, 10);

        VideoInfo info = FfmpegVideoDecoder.builder().build().probe(clip);

        assertThat(info.container()).contains("webm");
        assertThat(info.codec()).isEqualTo("vp9");
        assertThat(info.frameCountExact()).isFalse(); // WebM stores no frame count
        assertThat(info.frameCount()).isEqualTo(30);
    }

    @Test
    void reportsItsFfmpegVersion() {
        assertThat(FfmpegVideoDecoder.ffmpegVersion()).startsWith("8.");
    }

    @Test
    void closedReaderRefusesToRead() throws Exception {
        Path clip = TestClips.write(dir.resolve("c.mp4"), VideoFormat.MP4_H264, 10, 5);
        VideoReader reader = open(clip, ReadStrategy.AUTO);
        reader.close();
        reader.close();

        assertThatThrownBy(() -> reader.read(new int[] {0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(clip.toString());
    }

    private static VideoReader open(Path clip, ReadStrategy strategy) throws Exception {
        return FfmpegVideoDecoder.builder().optStrategy(strategy).build().open(clip);
    }

    private static RgbFrame[] read(Path clip, ReadStrategy strategy, int[] wanted)
            throws Exception {
        try (VideoReader reader = open(clip, ReadStrategy.valueOf(strategy.name()))) {
            return reader.read(wanted);
        }
    }
}
