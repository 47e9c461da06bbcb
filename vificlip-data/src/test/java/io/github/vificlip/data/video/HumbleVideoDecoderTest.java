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

/** The Humble Video backend (FFmpeg 2.8) on clips it wrote itself. */
class HumbleVideoDecoderTest extends VideoReaderContract {

    @Override
    VideoDecoder decoder(ReadStrategy strategy) {
        return HumbleVideoDecoder.builder().optStrategy(strategy).build();
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
