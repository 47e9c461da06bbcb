/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * torchvision's {@code ColorJitter(brightness, contrast, saturation, hue)} on PIL images: for each
 * call, the four operations run in a random order with factors drawn uniformly from {@code [1 - b,
 * 1 + b]}, {@code [1 - c, 1 + c]}, {@code [1 - s, 1 + s]} and {@code [-h, h]}. The reference calls
 * it once per frame, so every frame gets its own order and factors ({@link #draw} per frame).
 */
public final class ColorJitter {

    /** The reference's strengths: brightness 0.4, contrast 0.4, saturation 0.2, hue 0.1. */
    public static final ColorJitter REFERENCE = new ColorJitter(0.4f, 0.4f, 0.2f, 0.1f);

    private final float brightness;
    private final float contrast;
    private final float saturation;
    private final float hue;

    /**
     * Creates the jitter.
     *
     * @param brightness brightness strength, 0 or more
     * @param contrast contrast strength, 0 or more
     * @param saturation saturation strength, 0 or more
     * @param hue hue strength, 0 to 0.5
     * @throws IllegalArgumentException if a strength is out of range
     */
    public ColorJitter(float brightness, float contrast, float saturation, float hue) {
        if (brightness < 0 || contrast < 0 || saturation < 0 || !(hue >= 0 && hue <= 0.5f)) {
            throw new IllegalArgumentException(
                    "Jitter strengths must be >= 0 (hue <= 0.5), got "
                            + brightness
                            + ", "
                            + contrast
                            + ", "
                            + saturation
                            + ", "
                            + hue);
        }
        this.brightness = brightness;
        this.contrast = contrast;
        this.saturation = saturation;
        this.hue = hue;
    }

    /**
     * One frame's draw: the order of the four operations (0 brightness, 1 contrast, 2 saturation, 3
     * hue) and their factors.
     *
     * @param order a permutation of 0-3
     * @param brightness the brightness factor
     * @param contrast the contrast factor
     * @param saturation the saturation factor
     * @param hue the hue shift
     */
    public record Params(
            int[] order, float brightness, float contrast, float saturation, float hue) {

        /**
         * Validates the order.
         *
         * @param order a permutation of 0-3
         * @param brightness the brightness factor
         * @param contrast the contrast factor
         * @param saturation the saturation factor
         * @param hue the hue shift
         * @throws IllegalArgumentException if the order is not a permutation of 0-3
         */
        public Params {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            if (!Arrays.equals(sorted, new int[] {0, 1, 2, 3})) {
                throw new IllegalArgumentException(
                        "Order must be a permutation of 0-3, got " + Arrays.toString(order));
            }
            order = order.clone();
        }
    }

    /**
     * Draws one frame's parameters: the order (a uniform permutation), then the brightness,
     * contrast, saturation and hue factors.
     *
     * @param random the random source
     * @return the parameters
     */
    public Params draw(SplittableRandom random) {
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float b = uniform(random, Math.max(0, 1 - brightness), 1 + brightness);
        float c = uniform(random, Math.max(0, 1 - contrast), 1 + contrast);
        float s = uniform(random, Math.max(0, 1 - saturation), 1 + saturation);
        float h = uniform(random, -hue, hue);
        return new Params(order, b, c, s, h);
    }

    private static float uniform(SplittableRandom random, float low, float high) {
        return low == high ? low : (float) (low + (high - low) * random.nextDouble());
    }

    /**
     * Applies one frame's parameters.
     *
     * @param frame the frame
     * @param params the drawn parameters
     * @return the jittered frame
     */
    public static RgbFrame apply(RgbFrame frame, Params params) {
        RgbFrame out = frame;
        for (int op : params.order()) {
            out =
                    switch (op) {
                        case 0 -> PilColor.brightness(out, params.brightness());
                        case 1 -> PilColor.contrast(out, params.contrast());
                        case 2 -> PilColor.saturation(out, params.saturation());
                        default -> PilColor.hue(out, params.hue());
                    };
        }
        return out;
    }
}
