/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import io.humble.ferry.Buffer;
import io.humble.video.Decoder;
import io.humble.video.MediaPicture;
import io.humble.video.PixelFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Converts Humble Video's decoded pictures to packed RGB with {@link RgbConverter}, so that the
 * bytes equal the {@code ffmpeg} command line's {@code rgb24} output. Humble's own swscale (FFmpeg
 * 2.8) is not used: with the flags it allows, it leaves the rightmost {@code width % 8} columns
 * black.
 *
 * <p>Range and matrix come from the decoder's {@code color_range} and {@code colorspace}, as the
 * command line's scale filter takes them from the frame; the {@code yuvj*} formats are full range
 * unless the range is tagged otherwise.
 */
final class PictureConverter {

    private final RgbConverter converter = new RgbConverter();

    /**
     * Converts one picture.
     *
     * @param picture a complete decoded picture
     * @param decoder the decoder that made it, for the colour tags
     * @param path the file, for error messages
     * @return its pixels as packed RGB
     * @throws VideoDecodeException if the pixel format is not one {@link RgbConverter} reads
     */
    RgbFrame convert(MediaPicture picture, Decoder decoder, Path path) throws VideoDecodeException {
        String name = ffmpegName(picture.getFormat());
        PlanarFormat format = PlanarFormat.fromFfmpegName(name);
        if (format == null) {
            throw new VideoDecodeException(
                    path,
                    "decodes to pixel format "
                            + name
                            + ", which the Humble backend does not convert to RGB (supported:"
                            + " yuv420p, yuv422p, yuv444p, their yuvj and 10-bit forms, and gbrp)");
        }
        boolean fullRange =
                PlanarFormat.isFullRange(name, decoder.getPropertyAsLong("color_range"));
        YuvMatrix matrix = YuvMatrix.fromAvColorSpace(decoder.getPropertyAsLong("colorspace"));
        Buffer[] buffers = new Buffer[3];
        try {
            ByteBuffer[] planes = new ByteBuffer[3];
            int[] lineSizes = new int[3];
            for (int p = 0; p < 3; p++) {
                buffers[p] = picture.getData(p);
                if (buffers[p] == null) {
                    throw new VideoDecodeException(
                            path,
                            "Humble Video returned a picture without pixel data in plane "
                                    + p
                                    + " (codec "
                                    + decoder.getCodecID()
                                    + "); the ffmpeg decoder backend reads it");
                }
                lineSizes[p] = picture.getLineSize(p);
                planes[p] = buffers[p].getByteBuffer(0, buffers[p].getBufferSize());
            }
            PlanarFrame frame =
                    new PlanarFrame(
                            picture.getWidth(),
                            picture.getHeight(),
                            format,
                            fullRange,
                            matrix,
                            planes,
                            lineSizes);
            return converter.convert(frame);
        } finally {
            for (Buffer buffer : buffers) {
                if (buffer != null) {
                    buffer.delete();
                }
            }
        }
    }

    /** FFmpeg's name for Humble's pixel format ({@code PIX_FMT_YUVJ420P} is {@code yuvj420p}). */
    private static String ffmpegName(PixelFormat.Type type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        return name.startsWith("pix_fmt_") ? name.substring("pix_fmt_".length()) : name;
    }
}
