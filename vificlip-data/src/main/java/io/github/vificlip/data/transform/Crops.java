/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;
import java.util.List;

/**
 * The geometric pieces of the reference pipeline: short-side resize sizes, centre and three-crop
 * boxes, horizontal flips.
 */
public final class Crops {

    private Crops() {}

    /**
     * The size after resizing the short side to {@code shortSide} with the aspect ratio kept, as
     * mmcv's {@code rescale_size}: {@code (int) (w*s + 0.5), (int) (h*s + 0.5)} with {@code s =
     * shortSide / min(w, h)}. A 320x240 frame and 256 give 341x256.
     *
     * @param width the width
     * @param height the height
     * @param shortSide the new short side
     * @return {@code {newWidth, newHeight}}
     */
    public static int[] shortSideSize(int width, int height, int shortSide) {
        double scale = (double) shortSide / Math.min(width, height);
        return new int[] {(int) (width * scale + 0.5), (int) (height * scale + 0.5)};
    }

    /**
     * The centre crop: offset {@code ((W - size) / 2, (H - size) / 2)}, integer division.
     *
     * @param width the image width, at least {@code size}
     * @param height the image height, at least {@code size}
     * @param size the crop side
     * @return the box
     */
    public static CropBox center(int width, int height, int size) {
        return new CropBox((width - size) / 2, (height - size) / 2, size, size);
    }

    /**
     * The three crops along the long side, in the reference's order: left (top), right (bottom) at
     * {@code 2*step}, middle at {@code step}, where {@code step = (long - size) / 2}.
     *
     * @param width the image width; width or height must equal {@code size}
     * @param height the image height
     * @param size the crop side
     * @return three boxes
     * @throws IllegalArgumentException if neither side equals {@code size}
     */
    public static List<CropBox> threeCrop(int width, int height, int size) {
        if (height == size) {
            int step = (width - size) / 2;
            return List.of(
                    new CropBox(0, 0, size, size),
                    new CropBox(2 * step, 0, size, size),
                    new CropBox(step, 0, size, size));
        }
        if (width == size) {
            int step = (height - size) / 2;
            return List.of(
                    new CropBox(0, 0, size, size),
                    new CropBox(0, 2 * step, size, size),
                    new CropBox(0, step, size, size));
        }
        throw new IllegalArgumentException(
                "Three-crop needs one side equal to " + size + ", got " + width + "x" + height);
    }

    /**
     * Mirrors a frame left to right.
     *
     * @param src the frame
     * @return the mirrored frame
     */
    public static RgbFrame flipHorizontally(RgbFrame src) {
        int w = src.width();
        byte[] in = src.data();
        byte[] out = new byte[in.length];
        for (int y = 0; y < src.height(); y++) {
            int row = y * w * 3;
            for (int x = 0; x < w; x++) {
                int from = row + x * 3;
                int to = row + (w - 1 - x) * 3;
                out[to] = in[from];
                out[to + 1] = in[from + 1];
                out[to + 2] = in[from + 2];
            }
        }
        return new RgbFrame(w, src.height(), out);
    }
}
