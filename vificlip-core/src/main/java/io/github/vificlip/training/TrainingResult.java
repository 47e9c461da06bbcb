/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.nio.file.Path;

/**
 * What a training run produced.
 *
 * @param history every iteration's loss and learning rate, and each epoch's summary
 * @param bestTop1 the best validation top-1 accuracy (negative without validation)
 * @param bestEpoch the epoch (from 0) that reached it, or −1
 * @param outputDirectory the folder holding checkpoints, {@code model.safetensors}, {@code
 *     best.safetensors}, the history files and the evaluations
 */
public record TrainingResult(
        TrainingHistory history, double bestTop1, int bestEpoch, Path outputDirectory) {

    /**
     * Returns the trained model's weights file.
     *
     * @return {@code model.safetensors} in the output folder
     */
    public Path modelFile() {
        return outputDirectory.resolve("model.safetensors");
    }
}
