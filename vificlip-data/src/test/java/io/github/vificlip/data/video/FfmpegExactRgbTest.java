/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FFmpeg 8 backend's RGB against the {@code ffmpeg} 5.1 command line's {@code rgb24} output on
 * every clip of {@link ExactGoldens} (the sweep {@link ExactRgbTest} runs for Humble): byte for
 * byte on every clip, MPEG-4 Part 2 and 10-bit VP9 included, whose older decoder inside Humble
 * differs.
 */
class FfmpegExactRgbTest {

    static List<ExactGoldens.Clip> clips() {
        return ExactGoldens.clips();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void decodesToTheCommandLinesRgb(ExactGoldens.Clip clip) throws Exception {
        byte[] golden = ExactGoldens.rgb(clip.name());
        int frames = clip.frames();
        RgbFrame[] ours;
        try (VideoReader reader =
                FfmpegVideoDecoder.builder().build().open(ExactGoldens.clipPath(clip.name()))) {
            assertThat(reader.info().width()).as("width").isEqualTo(clip.width());
            assertThat(reader.info().height()).as("height").isEqualTo(clip.height());
            assertThat(reader.info().frameCount()).as("frames").isEqualTo(frames);
            ours = reader.read(IntStream.range(0, frames).toArray());
        }
        int frameBytes = clip.width() * clip.height() * 3;
        assertThat(golden).hasSize(frameBytes * frames);
        for (int i = 0; i < frames; i++) {
            ExactGoldens.compareAt(clip.name(), i, ours[i], golden, i * frameBytes, 0);
        }
    }
}
