/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The default {@link VideoDecoder}: FFmpeg 2.8 through Humble Video 0.3.0 (AGPL-3.0; Linux x86_64
 * natives). Reads MP4/H.264, AVI/XviD/MPEG-4, WebM/VP8/VP9, Matroska and whatever else FFmpeg 2.8
 * decodes.
 *
 * <p>What it takes care of: one global lock around native opens and closes (concurrent opens crash
 * FFmpeg 2.8), decoders with {@code threads=1} (FFmpeg's own threads leak into the JVM), lenient
 * reading that skips damaged packets the way the {@code ffmpeg} command line does, row strides when
 * copying RGB, releasing every native object on close, seeks that land late on MP4 with B-frames,
 * and WebM files that store no frame count (estimated from duration and frame rate). A file it
 * cannot open that the {@link FfmpegVideoDecoder} reads (an AV1 video, say) fails with a message
 * that names the {@code ffmpeg} backend and how to choose it.
 *
 * <pre>{@code
 * VideoDecoder decoder = HumbleVideoDecoder.builder().build();
 * try (VideoReader reader = decoder.open(Path.of("clip.mp4"))) {
 *     int n = reader.info().frameCount();
 *     RgbFrame[] frames = reader.read(new int[] {0, n / 2, n - 1});
 * }
 * }</pre>
 */
public final class HumbleVideoDecoder extends BackendDecoder {

    private HumbleVideoDecoder(ReadStrategy strategy) {
        super(strategy);
    }

    /**
     * Returns a builder with the defaults ({@link ReadStrategy#AUTO}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public VideoReader open(Path path) throws IOException {
        try {
            return HumbleVideoReader.open(path, strategy());
        } catch (VideoDecodeException e) {
            throw VideoDecoders.explainHumbleFailure(e);
        }
    }

    /** Builds a {@link HumbleVideoDecoder}. */
    public static final class Builder extends BackendDecoder.Builder<Builder, HumbleVideoDecoder> {

        private Builder() {
            super(VideoDecoders.HUMBLE);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        HumbleVideoDecoder create(ReadStrategy strategy) {
            return new HumbleVideoDecoder(strategy);
        }
    }
}
