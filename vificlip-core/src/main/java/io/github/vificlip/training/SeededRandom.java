/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded random stream whose state can be saved in a checkpoint and restored, so that a resumed
 * run draws exactly what an uninterrupted one would (xoroshiro128++ from Apache Commons RNG: the
 * same numbers on every machine and JVM).
 *
 * <p>Not thread-safe: each consumer owns its stream; {@link #derive(long)} makes independent
 * streams from one seed.
 */
public final class SeededRandom {

    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final RestorableUniformRandomProvider provider;

    private SeededRandom(long seed) {
        this.seed = seed;
        this.provider = SOURCE.create(seed);
    }

    /**
     * Creates a stream from a seed.
     *
     * @param seed any value; equal seeds give equal streams
     * @return the stream
     */
    public static SeededRandom of(long seed) {
        return new SeededRandom(seed);
    }

    /**
     * Creates a stream for a sub-task (an epoch's shuffle, a batch's augmentation) that does not
     * overlap with the parent's or its siblings' streams, whatever the parent has drawn.
     *
     * @param key the sub-task's key, for example the epoch number
     * @return a new stream determined by this stream's seed and the key
     */
    public SeededRandom derive(long key) {
        return new SeededRandom(seed * GOLDEN_GAMMA + key + 1);
    }

    /**
     * Returns a uniform double in [0, 1).
     *
     * @return the draw
     */
    public double nextDouble() {
        return provider.nextDouble();
    }

    /**
     * Returns a uniform integer in [0, bound).
     *
     * @param bound a positive bound
     * @return the draw
     */
    public int nextInt(int bound) {
        return provider.nextInt(bound);
    }

    /**
     * Returns a random permutation of 0..n−1 (Fisher-Yates).
     *
     * @param n the length
     * @return the permutation
     */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = provider.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Draws from a symmetric Beta(α, α) distribution.
     *
     * @param alpha a positive shape
     * @return a value in [0, 1]
     */
    public double nextBeta(double alpha) {
        return ChengBetaSampler.of(provider, alpha, alpha).sample();
    }

    /**
     * Returns the stream's state, to be written into a checkpoint.
     *
     * @return the state bytes
     */
    public byte[] saveState() {
        return ((RandomProviderDefaultState) provider.saveState()).getState();
    }

    /**
     * Restores a state saved by {@link #saveState()} on a stream of the same kind.
     *
     * @param state the state bytes
     * @throws IllegalArgumentException if the bytes are not a state of this kind of stream
     */
    public void restoreState(byte[] state) {
        try {
            provider.restoreState(new RandomProviderDefaultState(state));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Cannot restore the random state ("
                            + state.length
                            + " bytes): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Returns the seed this stream was made from.
     *
     * @return the seed
     */
    public long getSeed() {
        return seed;
    }
}
