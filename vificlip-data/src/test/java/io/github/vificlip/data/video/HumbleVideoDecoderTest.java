/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HumbleVideoDecoderTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void everyFormatDecodesEveryFrameInOrder(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("clip." + format.extension()), format, 60, 12);

        try (VideoReader reader =
                HumbleVideoDecoder.builder()
                        .optStrategy(ReadStrategy.SEQUENTIAL)
                        .build()
                        .open(clip)) {
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
        int[] wanted = {149, 13, 88, 89, 60, 1, 120};

        RgbFrame[] frames = read(clip, ReadStrategy.SEEK, wanted);

        assertThat(frames)
                .extracting(TestClips::frameNumber)
                .containsExactly(149, 13, 88, 89, 60, 1, 120);
        try (VideoReader reader = HumbleVideoDecoder.builder().build().open(clip)) {
            assertThat(reader.info().frameRate())
                    .isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
            assertThat(reader.info().frameCount()).isEqualTo(150);
        }
    }

    private static RgbFrame[] read(Path clip, ReadStrategy strategy, int[] wanted)
            throws Exception {
        try (VideoReader reader =
                HumbleVideoDecoder.builder().optStrategy(strategy).build().open(clip)) {
            return reader.read(wanted);
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
        VideoDecoder decoder = HumbleVideoDecoder.builder().build();

        try (HumbleVideoReader reader = (HumbleVideoReader) decoder.open(clip)) {
            RgbFrame[] frames = reader.read(new int[] {2, 9, 17, 24});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(2, 9, 17, 24);
            assertThat(reader.seeks()).isZero();
            // Sequential up to frame 24; unwanted non-reference B-frames are not even decoded.
            assertThat(reader.packetsSkipped()).isPositive();
            assertThat(reader.framesDecoded()).isLessThan(25);
        }
        try (HumbleVideoReader reader = (HumbleVideoReader) decoder.open(clip)) {
            RgbFrame[] frames = reader.read(new int[] {5, 130, 262, 399});
            assertThat(frames).extracting(TestClips::frameNumber).containsExactly(5, 130, 262, 399);
            assertThat(reader.seeks()).isBetween(3, 6);
            assertThat(reader.restarts()).isZero();
            // Keyframes every 20 frames: at most 20 frames per seek instead of all 400.
            assertThat(reader.framesDecoded()).isLessThan(100);
        }
    }

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void writtenFramesDecodeCloseToTheDrawnOnes(VideoFormat format) throws Exception {
        Path clip = TestClips.write(dir.resolve("q." + format.extension()), format, 12, 6);
        byte[] drawn = new byte[96 * 64 * 3];

        try (VideoReader reader = HumbleVideoDecoder.builder().build().open(clip)) {
            RgbFrame[] frames = reader.read(new int[] {0, 6, 11});
            int[] indices = {0, 6, 11};
            for (int i = 0; i < frames.length; i++) {
                TestClips.NUMBERED.draw(indices[i], 96, 64, drawn);
                double squared = 0;
                for (int p = 0; p < drawn.length; p++) {
                    int d = (drawn[p] & 0xFF) - (frames[i].data()[p] & 0xFF);
                    squared += d * d;
                }
                double psnr = 10 * Math.log10(255.0 * 255.0 / (squared / drawn.length));
                assertThat(psnr).as("PSNR of frame %d", indices[i]).isGreaterThan(30);
            }
        }
    }

    @Test
    void probeReportsContainerAndCodec() throws Exception {
        Path clip = TestClips.write(dir.resolve("p.webm"), VideoFormat.WEBM_VP9, 30, 10);

        VideoInfo info = HumbleVideoDecoder.builder().build().probe(clip);

        assertThat(info.container()).contains("webm");
        assertThat(info.codec()).contains("vp9");
        assertThat(info.frameCountExact()).isFalse(); // WebM stores no frame count
        assertThat(info.frameCount()).isEqualTo(30);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.mp4");
        assertThatThrownBy(() -> HumbleVideoDecoder.builder().build().open(missing))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }
}
