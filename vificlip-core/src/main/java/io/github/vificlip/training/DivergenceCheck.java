/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.util.Locale;

/** Stops a run whose loss is no longer a finite number, naming the epoch and iteration. */
final class DivergenceCheck implements TrainingListener {

    @Override
    public void onIteration(TrainingContext run, TrainingHistory.Iteration iteration) {
        if (!Double.isFinite(iteration.loss())) {
            long perEpoch =
                    run.getHistory().getIterations().stream()
                            .filter(i -> i.epoch() == iteration.epoch())
                            .count();
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "The loss became %s at epoch %d, iteration %d (learning rate %.3g)",
                            iteration.loss(),
                            iteration.epoch(),
                            perEpoch,
                            iteration.learningRate()));
        }
    }
}
