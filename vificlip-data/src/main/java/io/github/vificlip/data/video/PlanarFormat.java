/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * The planar layouts that video decoders hand out and that {@link RgbConverter} turns into RGB:
 * three planes of one byte per sample (8-bit formats) or of two bytes, little-endian, with the
 * value in the low bits (10-bit formats). FFmpeg's names are given for each.
 */
public enum PlanarFormat {
    /** FFmpeg {@code yuv420p} (and {@code yuvj420p}): Y, then U and V at half width and height. */
    YUV420P(1, 1, 8),
    /** FFmpeg {@code yuv422p} (and {@code yuvj422p}): Y, then U and V at half width. */
    YUV422P(1, 0, 8),
    /** FFmpeg {@code yuv444p} (and {@code yuvj444p}): Y, U and V at full size. */
    YUV444P(0, 0, 8),
    /** FFmpeg {@code gbrp}: planar RGB in the plane order green, blue, red, at full size. */
    GBRP(0, 0, 8),
    /** FFmpeg {@code yuv420p10le}: 10-bit samples in 16-bit little-endian words. */
    YUV420P10(1, 1, 10),
    /** FFmpeg {@code yuv422p10le}: 10-bit samples in 16-bit little-endian words. */
    YUV422P10(1, 0, 10),
    /** FFmpeg {@code yuv444p10le}: 10-bit samples in 16-bit little-endian words. */
    YUV444P10(0, 0, 10);

    private final int chromaShiftX;
    private final int chromaShiftY;
    private final int bitDepth;

    PlanarFormat(int chromaShiftX, int chromaShiftY, int bitDepth) {
        this.chromaShiftX = chromaShiftX;
        this.chromaShiftY = chromaShiftY;
        this.bitDepth = bitDepth;
    }

    /**
     * Returns the layout of an FFmpeg pixel format, by FFmpeg's name ({@code av_get_pix_fmt_name}):
     * {@code yuv420p} and {@code yuvj420p} give {@link #YUV420P}, {@code yuv420p10le} gives {@link
     * #YUV420P10}, and so on.
     *
     * @param ffmpegName the name, e.g. {@code "yuvj420p"}
     * @return the layout, or null if {@link RgbConverter} does not read that format
     */
    public static PlanarFormat fromFfmpegName(String ffmpegName) {
        switch (ffmpegName) {
            case "yuv420p":
            case "yuvj420p":
                return YUV420P;
            case "yuv422p":
            case "yuvj422p":
                return YUV422P;
            case "yuv444p":
            case "yuvj444p":
                return YUV444P;
            case "gbrp":
                return GBRP;
            case "yuv420p10le":
                return YUV420P10;
            case "yuv422p10le":
                return YUV422P10;
            case "yuv444p10le":
                return YUV444P10;
            default:
                return null;
        }
    }

    /**
     * Decides the range as the {@code ffmpeg} command line does: the frame's range tag when it has
     * one ({@code AVCOL_RANGE_MPEG} = 1 limited, {@code AVCOL_RANGE_JPEG} = 2 full), else full for
     * the {@code yuvj} formats and limited for the others.
     *
     * @param ffmpegName the pixel format's FFmpeg name
     * @param avColorRange the decoder's or frame's {@code color_range} (0 when unspecified)
     * @return true for full range
     */
    public static boolean isFullRange(String ffmpegName, long avColorRange) {
        if (avColorRange == 1 || avColorRange == 2) {
            return avColorRange == 2;
        }
        return ffmpegName.startsWith("yuvj");
    }

    /**
     * Returns the bits per sample.
     *
     * @return 8 or 10
     */
    public int bitDepth() {
        return bitDepth;
    }

    /**
     * Returns the bytes one sample takes in a plane.
     *
     * @return 1 or 2
     */
    public int bytesPerSample() {
        return bitDepth > 8 ? 2 : 1;
    }

    /**
     * Returns log2 of the horizontal subsampling of planes 1 and 2 (1 for half width).
     *
     * @return 0 or 1
     */
    public int chromaShiftX() {
        return chromaShiftX;
    }

    /**
     * Returns log2 of the vertical subsampling of planes 1 and 2 (1 for half height).
     *
     * @return 0 or 1
     */
    public int chromaShiftY() {
        return chromaShiftY;
    }

    /**
     * Returns the width in samples of a plane, rounding up as FFmpeg does for odd sizes.
     *
     * @param plane 0, 1 or 2
     * @param width the frame width in pixels
     * @return the plane's width
     */
    public int planeWidth(int plane, int width) {
        return plane == 0 ? width : (width + (1 << chromaShiftX) - 1) >> chromaShiftX;
    }

    /**
     * Returns the height in rows of a plane, rounding up as FFmpeg does for odd sizes.
     *
     * @param plane 0, 1 or 2
     * @param height the frame height in pixels
     * @return the plane's height
     */
    public int planeHeight(int plane, int height) {
        return plane == 0 ? height : (height + (1 << chromaShiftY) - 1) >> chromaShiftY;
    }
}
