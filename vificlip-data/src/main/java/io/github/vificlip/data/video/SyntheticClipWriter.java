/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes real video files (MP4/H.264, AVI/XviD, WebM/VP8 and VP9) from frames that a {@link
 * FrameGenerator} draws: test clips, demo videos, benchmark sources.
 *
 * <pre>{@code
 * SyntheticClipWriter writer = SyntheticClipWriter.builder()
 *         .setFormat(VideoFormat.MP4_H264).setSize(320, 240).optFrameRate(25, 1).build();
 * writer.write(Path.of("ball.mp4"), 50, (i, w, h, rgb) -> drawBall(i, w, h, rgb));
 * }</pre>
 *
 * <p>Quality is high (H.264 CRF 18, MPEG-4 q 2, VPx CRF 10) so that decoded frames stay close to
 * the drawn ones. Writers are immutable and may be shared between threads.
 */
public final class SyntheticClipWriter {

    private final HumbleClipEncoder encoder; // holds the settings; stateless between writes

    private SyntheticClipWriter(Builder builder) {
        this.encoder =
                new HumbleClipEncoder(
                        builder.format,
                        builder.width,
                        builder.height,
                        builder.rateNumerator,
                        builder.rateDenominator,
                        builder.keyframeInterval,
                        builder.bFrames >= 0 ? builder.bFrames : builder.format.defaultBFrames());
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the format written.
     *
     * @return the container and codec
     */
    public VideoFormat format() {
        return encoder.format();
    }

    /**
     * Encodes {@code frameCount} frames drawn by {@code generator} into {@code path}, replacing the
     * file if it exists. A failed write deletes the partial file.
     *
     * @param path the file to write (its extension does not choose the format)
     * @param frameCount the number of frames, at least 1
     * @param generator draws each frame
     * @throws IOException if the file cannot be written or the encoder fails
     * @throws IllegalArgumentException if {@code frameCount} is not positive
     */
    public void write(Path path, int frameCount, FrameGenerator generator) throws IOException {
        if (frameCount <= 0) {
            throw new IllegalArgumentException("frameCount must be positive, got " + frameCount);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean done = false;
        try {
            encoder.encode(path, frameCount, generator);
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing " + path);
        } catch (RuntimeException e) {
            throw new IOException("Cannot write " + format() + " video " + path + ": " + e, e);
        } finally {
            if (!done) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Builds a {@link SyntheticClipWriter}. */
    public static final class Builder {

        private VideoFormat format;
        private int width;
        private int height;
        private int rateNumerator = 25;
        private int rateDenominator = 1;
        private int keyframeInterval = 25;
        private int bFrames = -1;

        private Builder() {}

        /**
         * Sets the container and codec (required).
         *
         * @param format the format
         * @return this builder
         */
        public Builder setFormat(VideoFormat format) {
            this.format = format;
            return this;
        }

        /**
         * Sets the frame size (required); both sides must be even (4:2:0 chroma).
         *
         * @param width the width in pixels
         * @param height the height in pixels
         * @return this builder
         */
        public Builder setSize(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Sets the frame rate as a fraction (default 25/1), e.g. 30000/1001 for 29.97.
         *
         * @param numerator frames
         * @param denominator per this many seconds
         * @return this builder
         */
        public Builder optFrameRate(int numerator, int denominator) {
            this.rateNumerator = numerator;
            this.rateDenominator = denominator;
            return this;
        }

        /**
         * Sets the largest distance between keyframes (default 25).
         *
         * @param frames the keyframe interval
         * @return this builder
         */
        public Builder optKeyframeInterval(int frames) {
            this.keyframeInterval = frames;
            return this;
        }

        /**
         * Sets how many consecutive B-frames the encoder may use (default {@link
         * VideoFormat#defaultBFrames()}; ignored by VP8 and VP9).
         *
         * @param frames 0 to 16
         * @return this builder
         */
        public Builder optBFrames(int frames) {
            this.bFrames = frames;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException if the format is missing or a value is out of range
         * @throws IllegalStateException if Humble Video, which encodes, is not on the class path
         */
        public SyntheticClipWriter build() {
            if (format == null) {
                throw new IllegalArgumentException("setFormat(...) is required");
            }
            if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException(
                        "setSize(...) needs positive even sides, got " + width + "x" + height);
            }
            if (rateNumerator <= 0 || rateDenominator <= 0) {
                throw new IllegalArgumentException(
                        "Frame rate must be positive, got "
                                + rateNumerator
                                + "/"
                                + rateDenominator);
            }
            if (keyframeInterval <= 0) {
                throw new IllegalArgumentException(
                        "Keyframe interval must be positive, got " + keyframeInterval);
            }
            if (bFrames > 16) {
                throw new IllegalArgumentException("At most 16 B-frames, got " + bFrames);
            }
            if (!VideoDecoders.isAvailable(VideoDecoders.HUMBLE)) {
                throw new IllegalStateException(
                        "SyntheticClipWriter encodes with Humble Video: add "
                                + VideoDecoders.HUMBLE_ARTIFACTS
                                + " to write synthetic clips");
            }
            return new SyntheticClipWriter(this);
        }
    }
}
