/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * A DJL {@link Initializer} that draws its values in Java from its own seed, so that a parameter's
 * initial value depends only on that seed: not on the engine's global random state, the order in
 * which parameters are initialised, or the device (CPU and CUDA give the same weights).
 *
 * <p>{@link ClipModel} gives every parameter its own seed, derived from the model seed and the
 * parameter's OpenAI name.
 */
public final class SeededInitializer implements Initializer {

    private enum Distribution {
        NORMAL,
        UNIFORM
    }

    private final Distribution distribution;
    private final double scale;
    private final long seed;

    private SeededInitializer(Distribution distribution, double scale, long seed) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and >= 0, got " + scale);
        }
        this.distribution = distribution;
        this.scale = scale;
        this.seed = seed;
    }

    /**
     * Returns an initializer drawing from N(0, std²), like {@code torch.nn.init.normal_}.
     *
     * @param std the standard deviation
     * @param seed the seed of this parameter's draws
     * @return the initializer
     * @throws IllegalArgumentException if {@code std} is negative or not finite
     */
    public static SeededInitializer normal(double std, long seed) {
        return new SeededInitializer(Distribution.NORMAL, std, seed);
    }

    /**
     * Returns an initializer drawing from U(−bound, bound), like {@code torch.nn.init.uniform_}.
     *
     * @param bound the half-width of the interval
     * @param seed the seed of this parameter's draws
     * @return the initializer
     * @throws IllegalArgumentException if {@code bound} is negative or not finite
     */
    public static SeededInitializer uniform(double bound, long seed) {
        return new SeededInitializer(Distribution.UNIFORM, bound, seed);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        float[] values = new float[Math.toIntExact(shape.size())];
        SplittableRandom random = new SplittableRandom(seed);
        if (distribution == Distribution.NORMAL) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * scale);
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
            }
        }
        NDArray array = manager.create(values, shape);
        if (dataType == DataType.FLOAT32) {
            return array;
        }
        try (array) {
            return array.toType(dataType, true);
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return (distribution == Distribution.NORMAL ? "N(0, " : "U(±")
                + scale
                + (distribution == Distribution.NORMAL ? "²)" : ")")
                + " seed "
                + seed;
    }
}
