/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.model.ViFiClip;
import java.io.IOException;

/**
 * Makes a fresh model for each training run of a protocol (one per seed or per K), e.g. {@code seed
 * -> ViFiClip.builder().optWeights(weights).optSeed(seed).build()}. The protocol closes it.
 */
@FunctionalInterface
public interface ModelFactory {

    /**
     * Makes a model whose newly initialised parameters (if any) are drawn from {@code seed}.
     *
     * @param seed the recipe's seed
     * @return a new model, owned by the caller
     * @throws IOException if weights cannot be read
     */
    ViFiClip create(long seed) throws IOException;
}
