/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a training run produced.
 *
 * @param history every iteration's loss and learning rate, and each epoch's summary
 * @param bestTop1 the best validation top-1 accuracy (negative without validation)
 * @param bestEpoch the epoch (from 1, as logs and the CLI count) that reached it, or 0 without
 *     validation
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

    /**
     * Summarises the run on one line: epochs, the last epoch's mean loss, the best validation and
     * the output folder.
     *
     * @return e.g. {@code TrainingResult[10 epochs, last mean loss 0.4120, best top-1 75.00% at
     *     epoch 8, output runs/a]}
     */
    @Override
    public String toString() {
        List<TrainingHistory.Epoch> epochs = history.getEpochs();
        StringBuilder text = new StringBuilder("TrainingResult[").append(epochs.size());
        text.append(epochs.size() == 1 ? " epoch" : " epochs");
        if (!epochs.isEmpty()) {
            text.append(
                    String.format(
                            Locale.ROOT,
                            ", last mean loss %.4f",
                            epochs.get(epochs.size() - 1).meanLoss()));
        }
        text.append(
                bestEpoch > 0
                        ? String.format(
                                Locale.ROOT,
                                ", best top-1 %.2f%% at epoch %d",
                                100 * bestTop1,
                                bestEpoch)
                        : ", no validation");
        return text.append(", output ").append(outputDirectory).append(']').toString();
    }
}
