/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoDecodersTest {

    @Test
    void knowsBothBackendsWithHumbleAsTheDefault() {
        assertThat(VideoDecoders.names()).containsExactly("humble", "ffmpeg");
        assertThat(VideoDecoders.defaultName()).isEqualTo("humble");
        // Both are on the test class path: the ffmpeg backend is picked up by class presence.
        assertThat(VideoDecoders.available()).containsExactly("humble", "ffmpeg");
    }

    @Test
    void buildsEachBackendByNameInAnyCase() {
        assertThat(VideoDecoders.byName("humble")).isInstanceOf(HumbleVideoDecoder.class);
        assertThat(VideoDecoders.byName(" FFmpeg ", ReadStrategy.SEEK))
                .isInstanceOfSatisfying(
                        FfmpegVideoDecoder.class,
                        d -> assertThat(d.strategy()).isEqualTo(ReadStrategy.SEEK));
    }

    @Test
    void unknownNamesAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> VideoDecoders.byName("opencv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown video decoder 'opencv': expected one of [humble, ffmpeg]");
        assertThatThrownBy(() -> VideoDecoders.isAvailable(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
