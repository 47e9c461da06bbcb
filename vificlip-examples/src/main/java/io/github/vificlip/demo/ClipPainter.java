/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import io.github.vificlip.data.video.FrameGenerator;
import java.util.SplittableRandom;

/**
 * Draws the frames of one demo video: an object of the class's colour and shape moving the class's
 * way over a noisy background. Everything a class does not fix is drawn at random once per video,
 * so that videos of one class differ: the background's grey level, tint and gradient, the noise
 * level, the object's exact colour and size, the path's centre, length, speed (one or two periods
 * per clip), phase and direction.
 *
 * <p>A painter is deterministic: the same class, size and random stream give the same pixels, and
 * each frame's noise depends only on the video's seed and the frame number.
 */
public final class ClipPainter implements FrameGenerator {

    private final CompositionalClass composition;
    private final int frames;
    private final double[] background = new double[3];
    private final double gradientX;
    private final double gradientY;
    private final double noise;
    private final double[] colour = new double[3];
    private final double radius;
    private final double amplitude;
    private final double centreX;
    private final double centreY;
    private final int periods;
    private final double phase;
    private final double direction;
    private final long seed;

    private ClipPainter(
            CompositionalClass composition, int width, int height, int frames, SplittableRandom r) {
        this.composition = composition;
        this.frames = frames;
        double side = Math.min(width, height);
        double grey = uniform(r, 20, 95);
        for (int c = 0; c < 3; c++) {
            background[c] = grey + uniform(r, -12, 12);
        }
        this.gradientX = uniform(r, -25, 25);
        this.gradientY = uniform(r, -25, 25);
        this.noise = uniform(r, 2, 12);
        double brightness = uniform(r, 0.8, 1.05);
        for (int c = 0; c < 3; c++) {
            colour[c] = clamp(composition.colour().channel(c) * brightness + uniform(r, -18, 18));
        }
        this.radius = side * uniform(r, 0.10, 0.14);
        this.amplitude = side * uniform(r, 0.18, 0.25);
        this.centreX = width / 2.0 + side * uniform(r, -0.05, 0.05);
        this.centreY = height / 2.0 + side * uniform(r, -0.05, 0.05);
        this.periods = 1 + r.nextInt(2);
        this.phase = uniform(r, 0, 2 * Math.PI);
        this.direction = r.nextBoolean() ? 1 : -1;
        this.seed = r.nextLong();
    }

    /**
     * Draws the random look of one video of a class.
     *
     * @param composition the class
     * @param width the frame width in pixels
     * @param height the frame height in pixels
     * @param frames the clip's length in frames (the motion's periods span it)
     * @param random the stream the look is drawn from
     * @return a painter for {@link io.github.vificlip.data.video.SyntheticClipWriter}
     */
    public static ClipPainter random(
            CompositionalClass composition,
            int width,
            int height,
            int frames,
            SplittableRandom random) {
        return new ClipPainter(composition, width, height, frames, random);
    }

    @Override
    public void draw(int index, int width, int height, byte[] rgb) {
        SplittableRandom grain = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        for (int y = 0; y < height; y++) {
            double shade = gradientY * (y / (double) height - 0.5);
            for (int x = 0; x < width; x++) {
                double base = shade + gradientX * (x / (double) width - 0.5);
                int p = 3 * (y * width + x);
                for (int c = 0; c < 3; c++) {
                    double value = background[c] + base + noise * (2 * grain.nextDouble() - 1);
                    rgb[p + c] = (byte) (int) clamp(value);
                }
            }
        }
        double angle = phase + direction * 2 * Math.PI * periods * index / frames;
        Motion.Placement placement =
                composition.motion().place(angle, amplitude, seed + 31L * index);
        double x0 = centreX + placement.dx();
        double y0 = centreY + placement.dy();
        double size = radius * placement.scale();
        int reach = (int) Math.ceil(1.2 * size) + 2;
        Shape shape = composition.shape();
        for (int y = Math.max(0, (int) y0 - reach); y < Math.min(height, (int) y0 + reach); y++) {
            for (int x = Math.max(0, (int) x0 - reach);
                    x < Math.min(width, (int) x0 + reach);
                    x++) {
                double alpha = shape.coverage(x + 0.5 - x0, y + 0.5 - y0, size);
                if (alpha > 0) {
                    int p = 3 * (y * width + x);
                    for (int c = 0; c < 3; c++) {
                        double under = rgb[p + c] & 0xFF;
                        rgb[p + c] = (byte) (int) clamp(under + alpha * (colour[c] - under));
                    }
                }
            }
        }
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(255, Math.round(value)));
    }
}
