/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Converts decoded FFmpeg frames (any pixel format) to packed RGB {@link RgbFrame}s at the same
 * size with swscale, keeping one context and one padded output frame between frames.
 */
final class FfmpegFrameConverter implements AutoCloseable {

    private SwsContext context;
    private AVFrame rgb;

    /**
     * Converts one frame.
     *
     * @param frame a decoded frame
     * @return its pixels as packed RGB
     */
    RgbFrame convert(AVFrame frame) {
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
