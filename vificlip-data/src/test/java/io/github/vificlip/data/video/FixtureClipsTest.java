/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both backends on fixture clips made once by {@code src/test/scripts/make_decoder_fixtures.sh} (12
 * frames of FFmpeg's testsrc2 at 70x42 or the odd size in the name), against the golden RGB of the
 * {@code ffmpeg} 5.1 command line that the script stored next to each clip.
 */
class FixtureClipsTest {

    private static final int FRAMES = 12;

    @TempDir Path dir;

    /**
     * Every frame against the command line's, by backend and clip. {@code maxDiff} is the largest
     * difference allowed in any channel of any pixel: 0 where the decoders are bit-exact by
     * specification; MPEG-4 Part 2 and MJPEG allow IDCT differences between FFmpeg versions.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ffmpeg, h264.mp4, 70, 42, 0",
        "ffmpeg, hevc.mp4, 70, 42, 0",
        "ffmpeg, av1.webm, 70, 42, 0",
        "ffmpeg, av1.mp4, 70, 42, 0",
        "ffmpeg, vp8.webm, 70, 42, 0",
        "ffmpeg, vp9.webm, 70, 42, 0",
        "ffmpeg, vp9-444.webm, 70, 42, 0",
        "ffmpeg, mpeg4.avi, 70, 42, 0",
        "ffmpeg, mjpeg.avi, 70, 42, 0",
        "ffmpeg, mjpeg-422.avi, 70, 42, 0",
        "ffmpeg, hevc-10bit.mp4, 70, 42, 0",
        "humble, h264.mp4, 70, 42, 0",
        "humble, hevc.mp4, 70, 42, 0",
        "humble, vp8.webm, 70, 42, 0",
        "humble, vp9.webm, 70, 42, 0",
        "humble, vp9-444.webm, 70, 42, 0",
        "humble, mpeg4.avi, 70, 42, 0",
        "humble, mjpeg.avi, 70, 42, 0",
        "humble, mjpeg-422.avi, 70, 42, 0",
        "humble, hevc-10bit.mp4, 70, 42, 0",
        "ffmpeg, vp9-33x17.webm, 33, 17, 0",
        "ffmpeg, av1-33x17.webm, 33, 17, 0",
        "ffmpeg, vp8-45x23.webm, 45, 23, 0",
        "ffmpeg, mjpeg-45x23.avi, 45, 23, 0",
        "humble, vp9-33x17.webm, 33, 17, 0",
        "humble, vp8-45x23.webm, 45, 23, 0",
        "humble, mjpeg-45x23.avi, 45, 23, 0",
    })
    void everyFrameMatchesTheCommandLine(
            String backend, String name, int width, int height, int maxDiff) throws IOException {
        Path clip = fixture(name);
        byte[] golden = golden(name);
        assertThat(golden).hasSize(FRAMES * width * height * 3);

        RgbFrame[] frames;
        try (VideoReader reader = VideoDecoders.byName(backend).open(clip)) {
            assertThat(reader.info().width()).isEqualTo(width);
            assertThat(reader.info().height()).isEqualTo(height);
            assertThat(reader.info().frameCount()).isEqualTo(FRAMES);
            frames = reader.read(IntStream.range(0, FRAMES).toArray());
        }

        int worst = 0;
        int size = width * height * 3;
        for (int f = 0; f < FRAMES; f++) {
            byte[] ours = frames[f].data();
            for (int p = 0; p < size; p++) {
                int d = Math.abs((ours[p] & 0xFF) - (golden[f * size + p] & 0xFF));
                worst = Math.max(worst, d);
            }
        }
        assertThat(worst)
                .as("%s %s: largest difference", backend, name)
                .isLessThanOrEqualTo(maxDiff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"av1.webm", "av1.mp4"})
    void humbleRefusesAv1NamingTheFfmpegBackend(String name) throws IOException {
        Path clip = fixture(name);

        assertThatThrownBy(() -> VideoDecoders.byName("humble").open(clip))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageStartingWith(clip + ": Humble Video's FFmpeg 2.8 cannot decode its av1")
                .hasMessageContaining("--decoder ffmpeg")
                .hasMessageContaining("VideoDecoders.byName(\"ffmpeg\")");
    }

    /**
     * Damage at 20 random places per clip, each a run of random bytes: every attempt ends in frames
     * or in a {@link VideoDecodeException} naming the file, never in a crash or a hang.
     */
    @ParameterizedTest
    @Timeout(120)
    @ValueSource(
            strings = {
                "h264.mp4",
                "hevc.mp4",
                "av1.webm",
                "av1.mp4",
                "vp8.webm",
                "vp9.webm",
                "mpeg4.avi",
                "mjpeg.avi"
            })
    void randomlyDamagedClipsDecodeOrFailByName(String name) throws IOException {
        byte[] intact;
        try (InputStream in = resource(name)) {
            intact = in.readAllBytes();
        }
        Random random = new Random(name.hashCode());
        Path clip = dir.resolve("damaged-" + name);
        int decoded = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[] bytes = intact.clone();
            int start = random.nextInt(bytes.length);
            int end = Math.min(bytes.length, start + 1 + random.nextInt(bytes.length / 8));
            for (int i = start; i < end; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            Files.write(clip, bytes);
            for (String backend : VideoDecoders.names()) {
                try (VideoReader reader = VideoDecoders.byName(backend).open(clip)) {
                    assertThat(reader.read(IntStream.range(0, FRAMES).toArray()))
                            .hasSize(FRAMES)
                            .doesNotContainNull();
                    decoded++;
                } catch (VideoDecodeException e) {
                    assertThat(e).hasMessageStartingWith(clip + ": ");
                }
            }
        }
        assertThat(decoded).as("damaged copies that still decode").isPositive();
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = resource(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(resource(name + ".rgb.gz"))) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = FixtureClipsTest.class.getResourceAsStream("fixtures/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing test resource " + name));
        }
        return in;
    }
}
