/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import io.humble.ferry.Buffer;
import io.humble.video.Codec;
import io.humble.video.Coder;
import io.humble.video.ContainerFormat;
import io.humble.video.Encoder;
import io.humble.video.KeyValueBag;
import io.humble.video.MediaPacket;
import io.humble.video.MediaPicture;
import io.humble.video.MediaPictureResampler;
import io.humble.video.Muxer;
import io.humble.video.MuxerFormat;
import io.humble.video.PixelFormat;
import io.humble.video.Rational;
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

    private final VideoFormat format;
    private final int width;
    private final int height;
    private final int rateNumerator;
    private final int rateDenominator;
    private final int keyframeInterval;
    private final int bFrames;

    private SyntheticClipWriter(Builder builder) {
        this.format = builder.format;
        this.width = builder.width;
        this.height = builder.height;
        this.rateNumerator = builder.rateNumerator;
        this.rateDenominator = builder.rateDenominator;
        this.keyframeInterval = builder.keyframeInterval;
        this.bFrames = builder.bFrames >= 0 ? builder.bFrames : builder.format.defaultBFrames();
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
        return format;
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
        HumbleNative.ensureLoaded();
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean done = false;
        try {
            encode(path, frameCount, generator);
            done = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing " + path);
        } catch (RuntimeException e) {
            throw new IOException("Cannot write " + format + " video " + path + ": " + e, e);
        } finally {
            if (!done) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void encode(Path path, int frameCount, FrameGenerator generator)
            throws IOException, InterruptedException {
        MuxerFormat muxerFormat = MuxerFormat.guessFormat(format.muxer(), null, null);
        Codec codec = Codec.findEncodingCodecByName(format.encoder());
        if (muxerFormat == null || codec == null) {
            throw cannotWrite();
        }
        Muxer muxer = Muxer.make("file:" + path.toAbsolutePath(), muxerFormat, null);
        Encoder encoder = Encoder.make(codec);
        Rational timeBase = Rational.make(rateDenominator, rateNumerator);
        KeyValueBag options = encoderOptions();
        MediaPicture rgb = MediaPicture.make(width, height, PixelFormat.Type.PIX_FMT_RGB24);
        MediaPicture yuv = MediaPicture.make(width, height, PixelFormat.Type.PIX_FMT_YUV420P);
        MediaPictureResampler toYuv =
                MediaPictureResampler.make(
                        width,
                        height,
                        PixelFormat.Type.PIX_FMT_YUV420P,
                        width,
                        height,
                        PixelFormat.Type.PIX_FMT_RGB24,
                        0);
        MediaPacket packet = MediaPacket.make();
        boolean muxerOpen = false;
        try {
            configure(encoder, timeBase, muxerFormat.getFlag(ContainerFormat.Flag.GLOBAL_HEADER));
            synchronized (HumbleNative.LOCK) {
                encoder.open(options, null);
            }
            muxer.addNewStream(encoder);
            muxer.open(null, null);
            muxerOpen = true;
            toYuv.open();

            byte[] pixels = new byte[width * height * 3];
            for (int i = 0; i < frameCount; i++) {
                generator.draw(i, width, height, pixels);
                copyInto(rgb, pixels);
                rgb.setComplete(true);
                toYuv.resample(yuv, rgb);
                yuv.setTimeStamp(i);
                yuv.setComplete(true);
                encodeAndWrite(encoder, packet, yuv, muxer);
            }
            encodeAndWrite(encoder, packet, null, muxer);
        } finally {
            if (muxerOpen) {
                synchronized (HumbleNative.LOCK) {
                    muxer.close();
                }
            }
            HumbleNative.deleteAll(packet, toYuv, yuv, rgb, options, timeBase, encoder, muxer);
        }
    }

    private IOException cannotWrite() {
        return new IOException(
                "This Humble Video build cannot write "
                        + format
                        + " (muxer "
                        + format.muxer()
                        + ", encoder "
                        + format.encoder()
                        + ")");
    }

    /** Sets the encoder's size, pixel format, time base, codec tag and flags. */
    private void configure(Encoder encoder, Rational timeBase, boolean globalHeader) {
        encoder.setWidth(width);
        encoder.setHeight(height);
        encoder.setPixelFormat(PixelFormat.Type.PIX_FMT_YUV420P);
        encoder.setTimeBase(timeBase);
        if (format.fourcc() != null) {
            encoder.setProperty("codec_tag", fourcc(format.fourcc()));
        }
        if (format == VideoFormat.AVI_XVID || format == VideoFormat.AVI_MPEG4) {
            encoder.setFlag(Coder.Flag.FLAG_QSCALE, true);
        }
        if (globalHeader) {
            encoder.setFlag(Coder.Flag.FLAG_GLOBAL_HEADER, true);
        }
    }

    /**
     * Encodes one picture, or flushes the encoder when {@code picture} is null, writing every
     * packet it completes.
     */
    private static void encodeAndWrite(
            Encoder encoder, MediaPacket packet, MediaPicture picture, Muxer muxer) {
        do {
            encoder.encode(packet, picture);
            if (packet.isComplete()) {
                muxer.write(packet, false);
            }
        } while (packet.isComplete());
    }

    private KeyValueBag encoderOptions() {
        KeyValueBag options = HumbleNative.singleThreadOptions();
        options.setValue("g", Integer.toString(keyframeInterval));
        switch (format) {
            case MP4_H264 -> {
                options.setValue("preset", "veryfast");
                options.setValue("crf", "18");
                options.setValue("bf", Integer.toString(bFrames));
            }
            case AVI_XVID, AVI_MPEG4 -> {
                options.setValue("global_quality", Integer.toString(2 * 118));
                options.setValue("bf", Integer.toString(bFrames));
            }
            case WEBM_VP8, WEBM_VP9 -> {
                options.setValue("crf", "10");
                options.setValue("b", format == VideoFormat.WEBM_VP9 ? "0" : "8000000");
                options.setValue("qmin", "0");
                options.setValue("qmax", "40");
                options.setValue("deadline", "realtime");
                options.setValue("cpu-used", "8");
                options.setValue("lag-in-frames", "0");
            }
        }
        return options;
    }

    private void copyInto(MediaPicture picture, byte[] pixels) {
        Buffer buffer = picture.getData(0);
        try {
            int lineSize = picture.getLineSize(0);
            int rowBytes = width * 3;
            if (lineSize == rowBytes) {
                buffer.put(pixels, 0, 0, pixels.length);
            } else {
                for (int y = 0; y < height; y++) {
                    buffer.put(pixels, y * rowBytes, y * lineSize, rowBytes);
                }
            }
        } finally {
            buffer.delete();
        }
    }

    private static long fourcc(String tag) {
        return (tag.charAt(0) & 0xFF)
                | (tag.charAt(1) & 0xFF) << 8
                | (tag.charAt(2) & 0xFF) << 16
                | (long) (tag.charAt(3) & 0xFF) << 24;
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
                // Checked here: loading the writer's class itself needs Humble's classes.
                throw new IllegalStateException(
                        "SyntheticClipWriter encodes with Humble Video: add "
                                + VideoDecoders.HUMBLE_ARTIFACTS
                                + " to write synthetic clips");
            }
            return new SyntheticClipWriter(this);
        }
    }
}
