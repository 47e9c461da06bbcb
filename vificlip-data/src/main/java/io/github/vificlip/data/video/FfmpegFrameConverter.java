/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GBRP;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Converts decoded FFmpeg frames to packed RGB {@link RgbFrame}s at the same size. The planar
 * formats that {@link RgbConverter} reads ({@code yuv420p}, {@code yuv422p}, {@code yuv444p}, their
 * {@code yuvj} and 10-bit little-endian forms, {@code gbrp}) go through it, so the bytes equal the
 * {@code ffmpeg} 5.1 command line's and the Humble backend's from the same planes; every other
 * format (gray, {@code yuv440p}, 12-bit, ...) goes through FFmpeg 8's swscale (bicubic, as the
 * command line's scale filter).
 *
 * <p>Range and matrix come from the frame's {@code color_range} and {@code colorspace} tags, as the
 * command line's scale filter takes them; the {@code yuvj*} formats are full range unless tagged
 * otherwise.
 */
final class FfmpegFrameConverter implements AutoCloseable {

    private final RgbConverter exact = new RgbConverter();
    private SwsContext context;
    private AVFrame rgb;

    /**
     * Converts one frame.
     *
     * @param frame a decoded frame
     * @return its pixels as packed RGB
     */
    RgbFrame convert(AVFrame frame) {
        PlanarFormat format = planarFormat(frame.format());
        return format != null ? convertExactly(frame, format) : convertWithSwscale(frame);
    }

    private RgbFrame convertExactly(AVFrame frame, PlanarFormat format) {
        int w = frame.width();
        int h = frame.height();
        ByteBuffer[] planes = new ByteBuffer[3];
        int[] lineSizes = new int[3];
        for (int p = 0; p < 3; p++) {
            lineSizes[p] = frame.linesize(p);
            long bytes =
                    (long) (format.planeHeight(p, h) - 1) * lineSizes[p]
                            + (long) format.planeWidth(p, w) * format.bytesPerSample();
            planes[p] = frame.data(p).capacity(bytes).asByteBuffer();
        }
        int range = frame.color_range();
        boolean fullRange =
                range == AVCOL_RANGE_JPEG || (range != AVCOL_RANGE_MPEG && isJpeg(frame.format()));
        YuvMatrix matrix = YuvMatrix.fromAvColorSpace(frame.colorspace());
        return exact.convert(new PlanarFrame(w, h, format, fullRange, matrix, planes, lineSizes));
    }

    private static PlanarFormat planarFormat(int pixelFormat) {
        if (pixelFormat == AV_PIX_FMT_YUV420P || pixelFormat == AV_PIX_FMT_YUVJ420P) {
            return PlanarFormat.YUV420P;
        } else if (pixelFormat == AV_PIX_FMT_YUV422P || pixelFormat == AV_PIX_FMT_YUVJ422P) {
            return PlanarFormat.YUV422P;
        } else if (pixelFormat == AV_PIX_FMT_YUV444P || pixelFormat == AV_PIX_FMT_YUVJ444P) {
            return PlanarFormat.YUV444P;
        } else if (pixelFormat == AV_PIX_FMT_GBRP) {
            return PlanarFormat.GBRP;
        } else if (pixelFormat == AV_PIX_FMT_YUV420P10LE) {
            return PlanarFormat.YUV420P10;
        } else if (pixelFormat == AV_PIX_FMT_YUV422P10LE) {
            return PlanarFormat.YUV422P10;
        } else if (pixelFormat == AV_PIX_FMT_YUV444P10LE) {
            return PlanarFormat.YUV444P10;
        }
        return null;
    }

    private static boolean isJpeg(int pixelFormat) {
        return pixelFormat == AV_PIX_FMT_YUVJ420P
                || pixelFormat == AV_PIX_FMT_YUVJ422P
                || pixelFormat == AV_PIX_FMT_YUVJ444P;
    }

    private RgbFrame convertWithSwscale(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        if (rgb == null || w != rgb.width() || h != rgb.height()) {
            releaseOutput();
            rgb = av_frame_alloc();
            rgb.width(w).height(h).format(AV_PIX_FMT_RGB24);
            if (av_frame_get_buffer(rgb, 0) < 0) {
                throw new IllegalStateException("Cannot allocate a " + w + "x" + h + " RGB frame");
            }
        }
        context =
                sws_getCachedContext(
                        context,
                        w,
                        h,
                        frame.format(),
                        w,
                        h,
                        AV_PIX_FMT_RGB24,
                        SWS_BICUBIC,
                        null,
                        null,
                        (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException(
                    "swscale cannot convert pixel format " + frame.format() + " to RGB");
        }
        sws_scale(context, frame.data(), frame.linesize(), 0, h, rgb.data(), rgb.linesize());
        byte[] out = new byte[w * h * 3];
        BytePointer plane = rgb.data(0);
        int lineSize = rgb.linesize(0);
        for (int y = 0; y < h; y++) {
            plane.position((long) y * lineSize).get(out, y * w * 3, w * 3);
        }
        return new RgbFrame(w, h, out);
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        releaseOutput();
    }

    private void releaseOutput() {
        if (rgb != null) {
            av_frame_free(rgb);
            rgb = null;
        }
    }
}
