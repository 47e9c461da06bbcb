/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import io.github.vificlip.training.EpochEnd;
import io.github.vificlip.training.TrainingContext;
import io.github.vificlip.training.TrainingListener;
import java.io.IOException;

/**
 * Draws a training run's pictures after every epoch: {@code training-curve.png} (loss, learning
 * rate, validation top-1) and, after an evaluated epoch, {@code confusion-matrix.png}. Add it to a
 * trainer with {@code ViFiClipTrainer.builder().addListener(new TrainingCharts())}; the trainer
 * itself draws nothing.
 */
public final class TrainingCharts implements TrainingListener {

    /** Draws into the run's output folder. */
    public TrainingCharts() {}

    @Override
    public void afterEpoch(TrainingContext run, EpochEnd epoch) throws IOException {
        if (epoch.getValidation() != null) {
            Charts.confusionMatrix(
                    epoch.getValidation(),
                    run.getOutputDirectory().resolve("confusion-matrix.png"));
        }
        Charts.trainingCurve(
                run.getHistory(), run.getOutputDirectory().resolve("training-curve.png"));
    }
}
