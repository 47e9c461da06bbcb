/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import io.humble.ferry.Buffer;
import io.humble.video.MediaPicture;
import io.humble.video.MediaPictureResampler;
import io.humble.video.PixelFormat;

/**
 * Converts decoded pictures (any pixel format: yuv420p, gbrp, ...) to packed RGB {@link RgbFrame}s
 * at the same size, with FFmpeg's swscale. Keeps one resampler and one RGB picture and rebuilds
 * them only when the input format or size changes.
 */
final class PictureConverter implements AutoCloseable {

    private MediaPictureResampler resampler;
    private MediaPicture rgb;
    private PixelFormat.Type inputFormat;
    private int width;
    private int height;

    /**
     * Converts one picture.
     *
     * @param picture a complete decoded picture
     * @return its pixels as packed RGB
     */
    RgbFrame convert(MediaPicture picture) {
        prepare(picture);
        // Humble ORs in SWS_AREA itself for same-size conversions: the flags must be 0.
        resampler.resample(rgb, picture);
        byte[] out = new byte[width * height * 3];
        Buffer buffer = rgb.getData(0);
        try {
            int lineSize = rgb.getLineSize(0);
            int rowBytes = width * 3;
            if (lineSize == rowBytes) {
                buffer.get(0, out, 0, out.length);
            } else {
                for (int y = 0; y < height; y++) {
                    buffer.get(y * lineSize, out, y * rowBytes, rowBytes);
                }
            }
        } finally {
            buffer.delete();
        }
        return new RgbFrame(width, height, out);
    }

    private void prepare(MediaPicture picture) {
        PixelFormat.Type format = picture.getFormat();
        int w = picture.getWidth();
        int h = picture.getHeight();
        if (resampler != null && format == inputFormat && w == width && h == height) {
            return;
        }
        close();
        resampler =
                MediaPictureResampler.make(w, h, PixelFormat.Type.PIX_FMT_RGB24, w, h, format, 0);
        resampler.open();
        rgb = MediaPicture.make(w, h, PixelFormat.Type.PIX_FMT_RGB24);
        inputFormat = format;
        width = w;
        height = h;
    }

    @Override
    public void close() {
        if (resampler != null) {
            resampler.delete();
            resampler = null;
        }
        if (rgb != null) {
            rgb.delete();
            rgb = null;
        }
    }
}
