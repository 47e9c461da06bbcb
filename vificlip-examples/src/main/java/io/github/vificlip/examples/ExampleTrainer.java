/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.ViFiClipTrainer;
import java.nio.file.Path;

/** The trainer the training examples run: a named recipe with the example's epochs and frames. */
final class ExampleTrainer {

    private ExampleTrainer() {}

    /**
     * Returns a trainer on the model's device that follows {@code recipe} (optimiser, learning rate
     * schedule, batch size) for {@code epochs} epochs of {@code frames}-frame clips, and writes its
     * checkpoints, history and charts ({@code training-curve.png}) to {@code out}.
     */
    static ViFiClipTrainer forRecipe(
            Recipe recipe, int epochs, int frames, ViFiClip model, Path out) {
        return ViFiClipTrainer.builder()
                .optRecipe(recipe.toBuilder().optEpochs(epochs).optFrames(frames).build())
                .optDevices(model.getDevice())
                .optOutputDirectory(out)
                .addListener(new TrainingCharts())
                .build();
    }
}
