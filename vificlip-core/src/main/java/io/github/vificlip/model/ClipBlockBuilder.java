/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

/**
 * The builder shared by the blocks made from a {@link ClipConfig} and a seed ({@link ClipModel},
 * {@link ClipVisionTransformer}, {@link ClipTextTransformer}, and through {@link ViFiClipSettings}
 * the ViFi-CLIP model): the configuration is required, the seed of CLIP's initialisation is
 * optional.
 *
 * @param <B> the concrete builder, returned by the setters
 * @param <T> the block it builds
 */
public abstract class ClipBlockBuilder<B extends ClipBlockBuilder<B, T>, T> {

    ClipConfig config;
    long seed;

    /** Creates a builder with no configuration and seed 0. */
    protected ClipBlockBuilder() {}

    /**
     * Sets the architecture.
     *
     * @param config the configuration
     * @return this builder
     */
    public B setConfig(ClipConfig config) {
        this.config = config;
        return self();
    }

    /**
     * Sets the seed of the initial weights (0 by default).
     *
     * @param seed the seed
     * @return this builder
     */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Builds the block, with initializers set but no arrays allocated yet.
     *
     * @return the block
     * @throws IllegalArgumentException if no configuration was set
     */
    public T build() {
        if (config == null) {
            throw new IllegalArgumentException("setConfig(ClipConfig) is required");
        }
        return create(config, seed);
    }

    /**
     * Returns this builder as its concrete type.
     *
     * @return this builder
     */
    protected abstract B self();

    /**
     * Creates the block for a validated configuration.
     *
     * @param config the configuration
     * @param seed the seed of the initial weights
     * @return the block
     */
    protected abstract T create(ClipConfig config, long seed);
}
