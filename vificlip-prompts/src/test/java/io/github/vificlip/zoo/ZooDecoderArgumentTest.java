/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vificlip.data.video.HumbleVideoDecoder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code decoder} argument of a model folder. This module's tests run without bytedeco's FFmpeg
 * on the class path (it is optional in vificlip-data), as a host that did not add it.
 */
class ZooDecoderArgumentTest {

    @Test
    void humbleIsTheDefaultAndCanBeNamed() {
        assertThat(ZooArguments.decoder(Map.of())).isInstanceOf(HumbleVideoDecoder.class);
        assertThat(ZooArguments.decoder(Map.of(ZooArguments.DECODER, "Humble")))
                .isInstanceOf(HumbleVideoDecoder.class);
    }

    @Test
    void theFfmpegBackendWithoutItsArtifactsIsRefusedWithTheMavenCoordinates() {
        assertThatThrownBy(() -> ZooArguments.decoder(Map.of(ZooArguments.DECODER, "ffmpeg")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "'decoder': The ffmpeg video decoder needs bytedeco's FFmpeg")
                .hasMessageContaining("org.bytedeco:ffmpeg:8.0.1-1.5.13");
    }

    @Test
    void unknownBackendsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> ZooArguments.checkSettings(null, Map.of("decoder", "vlc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'decoder': Unknown video decoder 'vlc': expected one of [humble, ffmpeg]");
    }
}
