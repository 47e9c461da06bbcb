/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decoded frames against the {@code ffmpeg} command line (FFmpeg 5.x), an independent decoder and
 * RGB conversion. Skipped where {@code ffmpeg} is not installed.
 */
class FfmpegCrossCheckTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(VideoFormat.class)
    void framesMatchTheFfmpegCommandLine(VideoFormat format) throws Exception {
        assumeTrue(ffmpegAvailable(), "ffmpeg is not installed");
        Path clip = TestClips.write(dir.resolve("x." + format.extension()), format, 48, 12);
        int[] wanted = {0, 17, 30, 47};

        RgbFrame[] ours;
        try (VideoReader reader = HumbleVideoDecoder.builder().build().open(clip)) {
            ours = reader.read(wanted);
        }

        for (int i = 0; i < wanted.length; i++) {
            byte[] theirs = ffmpegFrame(clip, wanted[i], 96 * 64 * 3);
            int max = 0;
            long sum = 0;
            for (int p = 0; p < theirs.length; p++) {
                int d = Math.abs((theirs[p] & 0xFF) - (ours[i].data()[p] & 0xFF));
                max = Math.max(max, d);
                sum += d;
            }
            // H.264 and VPx decoding is bit-exact by specification; MPEG-4 Part 2 allows IDCT
            // differences between FFmpeg versions.
            boolean mpeg4 = format == VideoFormat.AVI_XVID || format == VideoFormat.AVI_MPEG4;
            assertThat(max)
                    .as("%s frame %d, max difference", format, wanted[i])
                    .isLessThanOrEqualTo(mpeg4 ? 3 : 0);
            assertThat((double) sum / theirs.length)
                    .as("mean difference")
                    .isLessThan(mpeg4 ? 0.05 : 1e-9);
        }
    }

    private static byte[] ffmpegFrame(Path clip, int index, int size) throws Exception {
        Process process =
                new ProcessBuilder(
                                "ffmpeg",
                                "-nostdin",
                                "-v",
                                "error",
                                "-threads",
                                "1",
                                "-i",
                                clip.toString(),
                                "-vf",
                                "select=eq(n\\," + index + ")",
                                "-vsync",
                                "0",
                                "-frames:v",
                                "1",
                                "-f",
                                "rawvideo",
                                "-pix_fmt",
                                "rgb24",
                                "-")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        assertThat(process.waitFor()).isZero();
        assertThat(out).hasSize(size);
        return out;
    }

    private static boolean ffmpegAvailable() {
        try {
            return new ProcessBuilder("ffmpeg", "-version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
