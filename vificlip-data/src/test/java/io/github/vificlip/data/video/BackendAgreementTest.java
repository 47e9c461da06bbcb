/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two backends on the same files give the same bytes wherever their decoders are bit-exact by
 * specification (H.264, VP8, VP9): every even width from 16 to 64 (the clip writer takes even sizes
 * only; odd ones are in {@link FixtureClipsTest}) and common dataset sizes. Both convert through
 * {@link RgbConverter}, so this checks that each hands it the right planes, strides and colour
 * tags.
 */
class BackendAgreementTest {

    @TempDir Path dir;

    static Stream<Arguments> sizes() {
        Stream<Arguments> vpx =
                Stream.of(VideoFormat.WEBM_VP8, VideoFormat.WEBM_VP9)
                        .flatMap(
                                f ->
                                        IntStream.rangeClosed(8, 32)
                                                .mapToObj(half -> Arguments.of(f, 2 * half, 18)));
        Stream<Arguments> h264 =
                IntStream.rangeClosed(8, 32)
                        .mapToObj(half -> Arguments.of(VideoFormat.MP4_H264, 2 * half, 22));
        Stream<Arguments> dataset =
                Stream.of(VideoFormat.MP4_H264, VideoFormat.WEBM_VP9)
                        .flatMap(
                                f ->
                                        Stream.of(
                                                Arguments.of(f, 340, 256),
                                                Arguments.of(f, 426, 240),
                                                Arguments.of(f, 454, 256)));
        return Stream.concat(Stream.concat(vpx, h264), dataset);
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("sizes")
    void bothBackendsGiveTheSameBytes(VideoFormat format, int width, int height) throws Exception {
        Path clip = dir.resolve(width + "x" + height + "." + format.extension());
        SyntheticClipWriter.builder()
                .setFormat(format)
                .setSize(width, height)
                .optKeyframeInterval(2)
                .build()
                .write(clip, 3, TestClips.NUMBERED);
        int[] all = {0, 1, 2};

        RgbFrame[] humble;
        try (VideoReader reader = VideoDecoders.byName("humble").open(clip)) {
            humble = reader.read(all);
        }
        RgbFrame[] ffmpeg;
        try (VideoReader reader = VideoDecoders.byName("ffmpeg").open(clip)) {
            assertThat(reader.info().width()).isEqualTo(width);
            assertThat(reader.info().height()).isEqualTo(height);
            ffmpeg = reader.read(all);
        }

        for (int i = 0; i < all.length; i++) {
            assertThat(ffmpeg[i].data()).as("frame %d", i).isEqualTo(humble[i].data());
        }
    }
}
