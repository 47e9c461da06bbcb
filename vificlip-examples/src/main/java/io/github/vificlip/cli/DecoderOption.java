/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --decoder humble|ffmpeg}: the video decoding backend of every command that reads videos.
 */
final class DecoderOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--decoder",
            paramLabel = "NAME",
            description =
                    "Video decoding backend: humble (Humble Video, FFmpeg 2.8; the default) or"
                            + " ffmpeg (FFmpeg 8: AV1, current HEVC and security fixes; use it"
                            + " for videos from untrusted sources).")
    private String name = VideoDecoders.defaultName();

    /**
     * Returns the chosen backend's name as given.
     *
     * @return e.g. {@code "ffmpeg"}
     */
    String name() {
        return name;
    }

    /**
     * Returns a decoder of the chosen backend.
     *
     * @return the decoder
     * @throws CommandLine.ParameterException if the name is unknown or the backend is missing
     */
    VideoDecoder decoder() {
        try {
            return VideoDecoders.byName(name);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(
                    mixee.commandLine(), "Invalid value for option '--decoder': " + e.getMessage());
        }
    }
}
