/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.io.IOException;

/**
 * Writes a checkpoint every {@code saveFrequency} epochs and after the last one, and the trained
 * model ({@code model.safetensors}) at the end.
 */
final class CheckpointListener implements TrainingListener {

    @Override
    public void afterEpoch(TrainingContext run, EpochEnd epoch) throws IOException {
        if (epoch.isDue(run.getRecipe().saveFrequency())) {
            run.checkpoints()
                    .write(
                            epoch.epoch(),
                            run.getModel(),
                            run.trainable(),
                            run.optimizer(),
                            run.state(),
                            run.getRecipe(),
                            run.getClassNames(),
                            run.getProvenance());
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext run) throws IOException {
        run.checkpoints().writeModel(run.getModel(), "model.safetensors", run.getProvenance());
    }
}
