/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Humble backend's RGB against the {@code ffmpeg} 5.1 command line's {@code rgb24} output, byte
 * for byte, on the clips of {@link ExactGoldens}: every width from 16 to 64, common dataset sizes
 * with odd widths and heights, H.264, VP8 and VP9, limited and full range, BT.709 and BT.2020 tags,
 * 4:2:0, 4:2:2, 4:4:4, gbrp and 10-bit. MPEG-4 part 2 (XviD) is held to its measured bound instead:
 * FFmpeg 2.8's decoder differs from 5.1's by up to 3 levels.
 */
class ExactRgbTest {

    /**
     * FFmpeg 2.8's VP9 decoder (inside Humble Video) decodes 10-bit frames whose width is not a
     * multiple of 64 differently from FFmpeg 5.1 in the last, partial 64-pixel superblock column
     * (up to 255 levels); everything left of it is exact. RgbConverterGoldenTest shows that the
     * conversion itself is exact on FFmpeg 5.1's planes of this clip.
     */
    private static final String HUMBLE_VP9_10_BIT = "vp9-yuv420p10le-";

    static List<ExactGoldens.Clip> clips() {
        return ExactGoldens.clips();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void decodesToTheCommandLinesRgb(ExactGoldens.Clip clip) throws Exception {
        byte[] golden = ExactGoldens.rgb(clip.name());
        int frames = clip.frames();
        int columns =
                clip.name().startsWith(HUMBLE_VP9_10_BIT) ? clip.width() / 64 * 64 : clip.width();
        RgbFrame[] ours;
        try (VideoReader reader =
                HumbleVideoDecoder.builder().build().open(ExactGoldens.clipPath(clip.name()))) {
            assertThat(reader.info().width()).as("width").isEqualTo(clip.width());
            assertThat(reader.info().height()).as("height").isEqualTo(clip.height());
            ours = reader.read(IntStream.range(0, frames).toArray());
        }
        int frameBytes = clip.width() * clip.height() * 3;
        assertThat(golden).hasSize(frameBytes * frames);
        for (int i = 0; i < frames; i++) {
            ExactGoldens.compareColumns(
                    clip.name(), i, ours[i], golden, i * frameBytes, clip.maxDifference(), columns);
        }
    }

    @Test
    void theSweepCoversEveryWidthFrom16To64AndEveryCodec() {
        List<ExactGoldens.Clip> clips = ExactGoldens.clips();
        for (int w = 16; w <= 64; w++) {
            int width = w;
            assertThat(clips)
                    .as("clips %d pixels wide", w)
                    .filteredOn(c -> c.width() == width)
                    .extracting(c -> c.name().substring(0, c.name().indexOf('-')))
                    .contains("vp9", "vp8", "h264");
        }
        assertThat(clips)
                .extracting(ExactGoldens.Clip::pixFmt)
                .contains("yuv420p", "yuvj420p", "yuv422p", "yuv444p", "gbrp", "yuv420p10le");
    }
}
