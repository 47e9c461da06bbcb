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
import java.nio.file.Path;

/**
 * The Humble Video side of {@link SyntheticClipWriter}: muxer, encoder, RGB to YUV conversion and
 * the encode loop. Kept apart so that the writer's own class loads, and refuses with a message,
 * where Humble Video is not on the class path.
 */
final class HumbleClipEncoder {

    private final VideoFormat format;
    private final int width;
    private final int height;
    private final int rateNumerator;
    private final int rateDenominator;
    private final int keyframeInterval;
    private final int bFrames;

    HumbleClipEncoder(
            VideoFormat format,
            int width,
            int height,
            int rateNumerator,
            int rateDenominator,
            int keyframeInterval,
            int bFrames) {
        this.format = format;
        this.width = width;
        this.height = height;
        this.rateNumerator = rateNumerator;
        this.rateDenominator = rateDenominator;
        this.keyframeInterval = keyframeInterval;
        this.bFrames = bFrames;
    }

    /** The format written. */
    VideoFormat format() {
        return format;
    }

    /** Encodes {@code frameCount} drawn frames into {@code path}. */
    void encode(Path path, int frameCount, FrameGenerator generator)
            throws IOException, InterruptedException {
        HumbleNative.ensureLoaded();
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
}
