/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import io.github.vificlip.evaluation.EvaluationResult;

/**
 * What an epoch measured, as {@link TrainingListener}s see it at its end: the training pass's mean
 * loss, time and throughput, and the validation result when the epoch was evaluated.
 */
public final class EpochEnd {

    private final int epoch;
    private final boolean last;
    private final double meanLoss;
    private final double seconds;
    private final double clipsPerSecond;
    private EvaluationResult validation;

    EpochEnd(int epoch, boolean last, double meanLoss, double seconds, double clipsPerSecond) {
        this.epoch = epoch;
        this.last = last;
        this.meanLoss = meanLoss;
        this.seconds = seconds;
        this.clipsPerSecond = clipsPerSecond;
    }

    /**
     * Returns the epoch, counted as logs, the history and the command line count it.
     *
     * @return the epoch, from 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Tells whether this is the run's last epoch (which always gets a checkpoint and an
     * evaluation).
     *
     * @return whether it is the last
     */
    public boolean isLast() {
        return last;
    }

    /**
     * Tells whether an output made every {@code frequency} epochs is due after this one.
     *
     * @param frequency epochs between outputs
     * @return whether the epoch count is a multiple of {@code frequency} or this is the last epoch
     */
    public boolean isDue(int frequency) {
        return epoch % frequency == 0 || last;
    }

    /**
     * Returns the mean iteration loss of the training pass.
     *
     * @return the mean loss
     */
    public double meanLoss() {
        return meanLoss;
    }

    /**
     * Returns the wall time of the training pass.
     *
     * @return seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Returns the training throughput.
     *
     * @return clips per second
     */
    public double clipsPerSecond() {
        return clipsPerSecond;
    }

    /**
     * Returns the validation result of this epoch.
     *
     * @return the result, or null when the epoch was not evaluated
     */
    public EvaluationResult getValidation() {
        return validation;
    }

    /**
     * Records the validation result of this epoch.
     *
     * @param validation the result
     */
    public void setValidation(EvaluationResult validation) {
        this.validation = validation;
    }

    /** The summary the history keeps, with the learning rate at the end of the epoch. */
    TrainingHistory.Epoch summary(double learningRate) {
        return new TrainingHistory.Epoch(
                epoch,
                meanLoss,
                learningRate,
                seconds,
                clipsPerSecond,
                validation == null ? null : validation.top1(),
                validation == null ? null : validation.top5());
    }
}
