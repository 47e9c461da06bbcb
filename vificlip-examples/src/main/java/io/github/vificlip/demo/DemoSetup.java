/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;

/**
 * The demo's model and training settings: a CLIP small enough to train from scratch on two CPU
 * cores in a few minutes, and the paper's base-to-novel recipe with the changes that training from
 * scratch, instead of fine-tuning, needs.
 */
public final class DemoSetup {

    private DemoSetup() {}

    /**
     * Returns the from-scratch architecture: a ViT with 8-pixel patches and two 2-head layers, and
     * a one-layer text transformer. Heads are 64 wide, as in CLIP, so the trained weights load back
     * with architecture detection ({@code --weights model.safetensors}). One text layer is enough
     * to read three words, and its residual path adds their contributions, which is what lets
     * unseen word combinations land near the right videos.
     *
     * @param imageSize the frame side, a multiple of 8
     * @return the configuration
     */
    public static ClipConfig scratchConfig(int imageSize) {
        return ClipConfig.builder()
                .setName("demo-scratch")
                .setEmbedDim(64)
                .setImageSize(imageSize)
                .setPatchSize(8)
                .setVisionWidth(128)
                .setVisionLayers(2)
                .setVisionHeads(2)
                .setTextWidth(128)
                .setTextLayers(1)
                .setTextHeads(2)
                .build();
    }

    /**
     * Returns the recipe: {@code base2novel-finetune} with the values training from scratch needs.
     * From random weights only the image tower trains: trained too, the random text tower collapses
     * every class to alike features before the videos carry anything, and learns colour only;
     * frozen, it gives each class name a fixed code built from its words, which carries over to
     * novel combinations. From CLIP weights both towers train, as in ViFi-CLIP. The learning rate
     * is that of a small transformer trained from random weights (the paper's 2e-6 only nudges
     * pretrained CLIP), with one warm-up epoch; Mixup and CutMix are off, since blending two clips
     * blends two colours, shapes and paths into a video of no class; evaluation and checkpoints
     * happen at the end.
     *
     * @param fromScratch whether the model starts from random weights (else from CLIP weights)
     * @param frames frames per clip
     * @param epochs passes over the training videos
     * @param batchSize clips per iteration
     * @param seed the run's seed
     * @return the recipe
     */
    public static Recipe recipe(
            boolean fromScratch, int frames, int epochs, int batchSize, long seed) {
        Recipe base = Recipes.get("base2novel-finetune");
        return base.toBuilder()
                .optName(base.name(), "The one-command demo: base-to-novel on synthetic videos")
                .optTune(fromScratch ? TuningMode.IMAGE : TuningMode.BOTH)
                .optFrames(frames)
                .optBatchSize(batchSize)
                .optAccumulation(1)
                .optEpochs(epochs)
                .optLearningRate(fromScratch ? 1e-3 : 1e-5)
                .optWarmupEpochs(1)
                .optAdamW(fromScratch ? 0.05 : 0.001, base.beta1(), base.beta2(), base.epsilon())
                .optMixupCutmix(0, 0, base.switchProbability())
                .optSaveFrequency(epochs)
                .optSeed(seed)
                .build();
    }
}
