/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

/**
 * Where a training run stands between epochs: what a checkpoint must hold, besides weights and
 * optimizer moments, for a resumed run to continue exactly.
 *
 * @param epochsDone completed epochs
 * @param learningRate the learning rate of the next optimizer step
 * @param bestTop1 the best validation top-1 so far (negative before any evaluation)
 * @param bestEpoch the epoch (from 1) of the best validation, or 0 before any evaluation
 * @param history the measurements so far
 */
record RunState(
        int epochsDone,
        double learningRate,
        double bestTop1,
        int bestEpoch,
        TrainingHistory history) {

    static RunState start(double initialLearningRate) {
        return new RunState(0, initialLearningRate, -1, 0, new TrainingHistory());
    }

    RunState withLearningRate(double rate) {
        return new RunState(epochsDone, rate, bestTop1, bestEpoch, history);
    }

    RunState withBest(double top1, int epoch) {
        return new RunState(epochsDone, learningRate, top1, epoch, history);
    }

    RunState withEpochsDone(int epochs) {
        return new RunState(epochs, learningRate, bestTop1, bestEpoch, history);
    }
}
