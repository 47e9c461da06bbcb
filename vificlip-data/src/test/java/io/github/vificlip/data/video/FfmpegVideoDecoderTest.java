/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The FFmpeg 8 backend on clips written by Humble Video, against the Humble backend. */
class FfmpegVideoDecoderTest extends VideoReaderContract {

    @Override
    VideoDecoder decoder(ReadStrategy strategy) {
        return FfmpegVideoDecoder.builder().optStrategy(strategy).build();
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
}
