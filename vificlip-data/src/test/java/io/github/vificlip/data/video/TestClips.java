/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test clips whose frames carry their own frame number: 10 bits as black or white 8x8 blocks along
 * the top rows, over a colour gradient that shifts with the frame. {@link #frameNumber} reads the
 * number back from a decoded frame, so tests can check which frame a decoder returned.
 */
public final class TestClips {

    private static final int BITS = 10;
    private static final int BLOCK = 8;

    private TestClips() {}

    /** Draws frame {@code index}: the numbered pattern. */
    public static final FrameGenerator NUMBERED =
            (index, width, height, rgb) -> {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int p = (y * width + x) * 3;
                        int value;
                        if (y < BLOCK && x < BITS * BLOCK) {
                            int bit = (index >> (x / BLOCK)) & 1;
                            value = bit == 1 ? 235 : 20;
                            rgb[p] = (byte) value;
                            rgb[p + 1] = (byte) value;
                            rgb[p + 2] = (byte) value;
                        } else {
                            rgb[p] = (byte) (40 + (x * 150 / width + index * 3) % 160);
                            rgb[p + 1] = (byte) (40 + y * 150 / height);
                            rgb[p + 2] = (byte) (200 - (x + y) * 100 / (width + height));
                        }
                    }
                }
            };

    /**
     * Reads back the frame number drawn by {@link #NUMBERED}.
     *
     * @param frame a decoded frame
     * @return the number
     */
    public static int frameNumber(RgbFrame frame) {
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int sum = 0;
            for (int y = 2; y < BLOCK - 2; y++) {
                for (int x = bit * BLOCK + 2; x < bit * BLOCK + BLOCK - 2; x++) {
                    sum += frame.get(x, y, 1);
                }
            }
            if (sum / 16 > 128) {
                number |= 1 << bit;
            }
        }
        return number;
    }

    /**
     * Writes a numbered clip.
     *
     * @param path the file
     * @param format the container and codec
     * @param frames the frame count
     * @param keyframeInterval the GOP length
     * @return the path
     * @throws IOException if writing fails
     */
    public static Path write(Path path, VideoFormat format, int frames, int keyframeInterval)
            throws IOException {
        return write(path, format, frames, keyframeInterval, 25, 1);
    }

    /**
     * Writes a numbered clip at a given frame rate.
     *
     * @param path the file
     * @param format the container and codec
     * @param frames the frame count
     * @param keyframeInterval the GOP length
     * @param rateNumerator frames
     * @param rateDenominator per this many seconds
     * @return the path
     * @throws IOException if writing fails
     */
    public static Path write(
            Path path,
            VideoFormat format,
            int frames,
            int keyframeInterval,
            int rateNumerator,
            int rateDenominator)
            throws IOException {
        SyntheticClipWriter.builder()
                .setFormat(format)
                .setSize(96, 64)
                .optKeyframeInterval(keyframeInterval)
                .optFrameRate(rateNumerator, rateDenominator)
                .build()
                .write(path, frames, NUMBERED);
        return path;
    }
}
