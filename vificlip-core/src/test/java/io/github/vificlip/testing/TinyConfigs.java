/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.testing;

import io.github.vificlip.model.ClipConfig;

/**
 * The tiny CLIP architectures the tests of every module share (published in vificlip-core's test
 * jar), so that a fixture is defined once.
 */
public final class TinyConfigs {

    /**
     * The architecture of {@code src/test/python/clip_reference.py} and the prompt fixtures: the
     * golden weights and outputs of core and prompts are for this one.
     */
    public static final ClipConfig GOLDEN =
            ClipConfig.builder()
                    .setName("tiny")
                    .setEmbedDim(16)
                    .setImageSize(32)
                    .setPatchSize(8)
                    .setVisionWidth(64)
                    .setVisionLayers(3)
                    .setVisionHeads(4)
                    .setTextWidth(32)
                    .setTextLayers(3)
                    .setTextHeads(4)
                    .build();

    /**
     * A two-block architecture with a 16-token context and a 100-word vocabulary, for weight files
     * written by the tests themselves.
     */
    public static final ClipConfig SMALL_VOCABULARY =
            ClipConfig.builder()
                    .setEmbedDim(32)
                    .setImageSize(32)
                    .setPatchSize(8)
                    .setVisionWidth(64)
                    .setVisionLayers(2)
                    .setVisionHeads(1)
                    .setContextLength(16)
                    .setVocabSize(100)
                    .setTextWidth(64)
                    .setTextLayers(2)
                    .setTextHeads(1)
                    .build();

    /**
     * The architecture the training and evaluation tests run: 16-pixel frames, two blocks of two
     * heads in each tower.
     */
    public static final ClipConfig TRAINING =
            ClipConfig.builder()
                    .setName("tiny")
                    .setEmbedDim(16)
                    .setImageSize(16)
                    .setPatchSize(8)
                    .setVisionWidth(32)
                    .setVisionLayers(2)
                    .setVisionHeads(2)
                    .setTextWidth(32)
                    .setTextLayers(2)
                    .setTextHeads(2)
                    .build();

    private TinyConfigs() {}

    /**
     * Returns a one-head, 64-wide architecture with {@code layers} blocks in each tower (deep
     * enough for the paper's prompt depths when {@code layers} is 9 or more).
     *
     * @param name the configuration's name
     * @param layers the blocks of each tower
     * @return the configuration
     */
    public static ClipConfig withBlocks(String name, int layers) {
        return ClipConfig.builder()
                .setName(name)
                .setEmbedDim(32)
                .setImageSize(32)
                .setPatchSize(16)
                .setVisionWidth(64)
                .setVisionLayers(layers)
                .setVisionHeads(1)
                .setTextWidth(64)
                .setTextLayers(layers)
                .setTextHeads(1)
                .build();
    }
}
