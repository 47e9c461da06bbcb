/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both backends on files whose headers lie or that are not videos at all, made once by {@code
 * src/test/scripts/make_hostile_video_fixtures.sh} (a few hundred bytes to 8 KB each).
 */
class HostileVideoTest {

    @TempDir Path dir;

    static List<String> backends() {
        return VideoDecoders.names();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aClaimedHugeFrameIsRefusedBySizeBeforeAnyFrame(String backend) throws IOException {
        Path file = fixture("claims-12000x12000.y4m");

        assertThatThrownBy(() -> VideoDecoders.byName(backend).open(file))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessage(
                        file
                                + ": frame size 12000x12000 is over the limit of 67108864 pixels"
                                + " (8192x8192)");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anImpossibleFrameSizeIsRefusedByName(String backend) throws IOException {
        Path file = fixture("claims-65535x65535.y4m");

        assertThatThrownBy(() -> VideoDecoders.byName(backend).open(file))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageStartingWith(file + ": not a readable video container (")
                .hasMessageContaining("Device or resource busy")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void ffmpegErrorTextsEndAtTheirNul() {
        assumeTrue(VideoDecoders.names().contains("ffmpeg"), "the ffmpeg backend is present");
        FfmpegNative.ensureLoaded();

        assertThat(FfmpegNative.errorText(-16)).isEqualTo("Device or resource busy");
        assertThat(FfmpegNative.errorText(-1094995529))
                .isEqualTo("Invalid data found when processing input");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aClaimOfTwoBillionFramesIsCountedInstead(String backend) throws IOException {
        Path file = fixture("claims-2g-frames.avi");

        try (VideoReader reader = VideoDecoders.byName(backend).open(file)) {
            assertThat(reader.info().frameCount()).isEqualTo(6);
            assertThat(reader.info().frameCountExact()).isTrue();
            assertThat(reader.read(new int[] {0, 5})).hasSize(2).doesNotContainNull();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void absurdFrameRatesStillGiveEveryFrame(String backend) throws IOException {
        for (String name : List.of("fps-1000000000.avi", "fps-0.avi")) {
            Path file = fixture(name);
            try (VideoReader reader = VideoDecoders.byName(backend).open(file)) {
                assertThat(reader.info().frameCount()).as(name).isEqualTo(3);
                RgbFrame[] frames = reader.read(new int[] {2, 0, 1});
                assertThat(frames).extracting(RgbFrame::width).containsOnly(16);
                // Frame n is grey at luma 80n (+x): the frames come back in the order asked.
                assertThat(frames[1].get(0, 0, 0))
                        .as(name)
                        .isLessThan(frames[2].get(0, 0, 0))
                        .isLessThan(frames[0].get(0, 0, 0));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void audioOnlyFileHasNoVideoStream(String backend) throws IOException {
        Path file = fixture("audio-only.mp4");

        assertThatThrownBy(() -> VideoDecoders.byName(backend).open(file))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageStartingWith(file + ": has no video stream");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void stillImagesGifsAndRawVideoAreReadOrRefusedByName(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path png = fixture("still-png.mp4");
        Path gif = fixture("animated.gif");
        Path raw = fixture("rawvideo.y4m");
        if (backend.equals("humble")) {
            // FFmpeg 2.8 decodes these to packed RGB or palette pictures, or (rawvideo) to one
            // buffer for all planes, which Humble's pictures do not expose.
            assertThatThrownBy(() -> firstFrame(decoder, png))
                    .isInstanceOf(VideoDecodeException.class)
                    .hasMessageStartingWith(png + ": decodes to pixel format rgb24");
            assertThatThrownBy(() -> firstFrame(decoder, gif))
                    .isInstanceOf(VideoDecodeException.class)
                    .hasMessageStartingWith(gif + ": ");
            assertThatThrownBy(() -> firstFrame(decoder, raw))
                    .isInstanceOf(VideoDecodeException.class)
                    .hasMessageStartingWith(raw + ": Humble Video returned a picture without");
            return;
        }
        try (VideoReader still = decoder.open(png);
                VideoReader animated = decoder.open(gif);
                VideoReader rawvideo = decoder.open(raw)) {
            assertThat(still.info().frameCount()).isEqualTo(1);
            assertThat(still.read(new int[] {0, 7})).extracting(RgbFrame::height).containsOnly(16);
            assertThat(animated.info().frameCount()).isEqualTo(4);
            assertThat(animated.read(new int[] {3})[0].width()).isEqualTo(16);
            RgbFrame[] frames = rawvideo.read(new int[] {2, 0});
            assertThat(frames[1].get(0, 0, 0)).isLessThan(frames[0].get(0, 0, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedWithoutBlocking(String backend) throws Exception {
        Path fifo = dir.resolve("clip.mp4");
        assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");

        assertThatThrownBy(() -> VideoDecoders.byName(backend).open(fifo))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessage(fifo + ": is not a regular file (a FIFO, device or socket)");
    }

    private static RgbFrame firstFrame(VideoDecoder decoder, Path file) throws IOException {
        try (VideoReader reader = decoder.open(file)) {
            return reader.read(new int[] {0})[0];
        }
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = HostileVideoTest.class.getResourceAsStream("hostile/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource hostile/" + name);
            }
            Files.copy(in, file);
        }
        return file;
    }
}
