/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every decoder backend's readers do alike, on clips written by Humble Video: frames in order,
 * seeking equal to decoding, frame-accurate seeks at NTSC rate, indices past the end, and the AUTO
 * strategy's choice between decoding on and seeking. Each backend's test extends it.
 */
abstract class VideoReaderContract {

    @TempDir Path dir;

    /** The backend under test with the given read strategy. */
    abstract VideoDecoder decoder(ReadStrategy strategy);

    VideoReader open(Path clip, ReadStrategy strategy) throws Exception {
        return decoder(strategy).open(clip);
    }

    RgbFrame[] read(Path clip, ReadStrategy strategy, int[] wanted) throws Exception {
        try (VideoReader reader = open(clip, strategy)) {
            return reader.read(wanted);
        }
    }

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

        try (AbstractVideoReader reader = (AbstractVideoReader) open(clip, ReadStrategy.AUTO)) {
            RgbFrame[] frames = reader.read(new int[] {2, 9, 17, 24});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(2, 9, 17, 24);
            assertThat(reader.seeks()).isZero();
            // Sequential up to frame 24; unwanted non-reference B-frames are not even decoded.
            assertThat(reader.packetsSkipped()).isPositive();
            assertThat(reader.framesDecoded()).isLessThan(25);
        }
        try (AbstractVideoReader reader = (AbstractVideoReader) open(clip, ReadStrategy.AUTO)) {
            RgbFrame[] frames = reader.read(new int[] {5, 130, 262, 399});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(5, 130, 262, 399);
            assertThat(reader.seeks()).isBetween(3, 6);
            assertThat(reader.restarts()).isZero();
            // Keyframes every 20 frames: at most 20 frames per seek instead of all 400.
            assertThat(reader.framesDecoded()).isLessThan(100);
        }
    }
}
