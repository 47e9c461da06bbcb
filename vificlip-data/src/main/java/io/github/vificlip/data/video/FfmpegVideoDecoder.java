/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link VideoDecoder} on a current FFmpeg (8.0.1, LGPL-3.0 build) through bytedeco's JavaCPP
 * presets. Decodes H.264, HEVC, VP8, VP9, AV1 (libaom), MPEG-4 Part 2, MJPEG and the other codecs
 * of that build, with ten years of decoder fixes over Humble Video's FFmpeg 2.8: the backend to use
 * for files from untrusted sources.
 *
 * <p>An optional dependency: {@code org.bytedeco:ffmpeg} and {@code org.bytedeco:javacpp} (each
 * with its {@code linux-x86_64} natives) must be on the class path; {@link VideoDecoders} finds out
 * whether they are. Readers behave like {@link HumbleVideoDecoder}'s: frames numbered in display
 * order, the same read strategies, lenient reading that skips damaged packets, decoders with {@code
 * threads=1} (parallelism comes from decoding several files at once).
 *
 * <pre>{@code
 * VideoDecoder decoder = FfmpegVideoDecoder.builder().build();
 * try (VideoReader reader = decoder.open(Path.of("clip.webm"))) {
 *     RgbFrame[] frames = reader.read(new int[] {0, 10, 20});
 * }
 * }</pre>
 */
public final class FfmpegVideoDecoder extends BackendDecoder {

    private FfmpegVideoDecoder(ReadStrategy strategy) {
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

    /**
     * Returns the version of the FFmpeg libraries this backend decodes with.
     *
     * @return e.g. {@code "8.0.1"}
     * @throws IllegalStateException if the natives are not on the class path
     */
    public static String ffmpegVersion() {
        return FfmpegNative.version();
    }

    @Override
    public VideoReader open(Path path) throws IOException {
        return FfmpegVideoReader.open(path, strategy());
    }

    /** Builds a {@link FfmpegVideoDecoder}. */
    public static final class Builder extends BackendDecoder.Builder<Builder, FfmpegVideoDecoder> {

        private Builder() {
            super(VideoDecoders.FFMPEG);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        FfmpegVideoDecoder create(ReadStrategy strategy) {
            return new FfmpegVideoDecoder(strategy);
        }
    }
}
