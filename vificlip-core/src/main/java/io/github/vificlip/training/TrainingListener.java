/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * Something that happens around the training loop, after DJL's {@code TrainingListener}: the loop
 * only steps, and everything else a run does (checking the loss, evaluating, checkpoints, history
 * files, charts, log lines) is a listener that {@link ViFiClipTrainer} calls in order. A new output
 * is a new listener ({@link ViFiClipTrainer.Builder#addListener}), not an edit to the loop.
 *
 * <p>The end of an epoch has two phases: {@link #onEpochEnd} measures (evaluation adds its result,
 * a dataset its unreadable videos), then the loop records the epoch's summary in the history and
 * {@link #afterEpoch} writes what the epoch produced, so every output sees every measurement.
 */
public interface TrainingListener {

    /**
     * Called once before the first epoch, after a resumed run has restored its checkpoint.
     *
     * @param run the run
     * @throws IOException if an output cannot be written
     */
    default void onTrainingBegin(TrainingContext run) throws IOException {}

    /**
     * Called at the start of an epoch, before any of its records is read.
     *
     * @param run the run
     * @param epoch the pass index, from 0: the index {@code VideoDataset.setPass} takes (the epoch
     *     that logs, the history and the command line call 1 is pass 0)
     * @throws IOException if an output cannot be written
     */
    default void onEpochBegin(TrainingContext run, int epoch) throws IOException {}

    /**
     * Called after each iteration, once its loss is recorded in the history.
     *
     * @param run the run
     * @param iteration the iteration's loss and learning rate
     */
    default void onIteration(TrainingContext run, TrainingHistory.Iteration iteration) {}

    /**
     * Called when an epoch's training pass has ended, to measure: a listener may add to {@code
     * epoch} or to the history.
     *
     * @param run the run
     * @param epoch the epoch's measurements so far
     * @throws IOException if a record or an output cannot be read or written
     */
    default void onEpochEnd(TrainingContext run, EpochEnd epoch) throws IOException {}

    /**
     * Called once the epoch's summary is in the history and the run state counts the epoch, to
     * write what the epoch produced.
     *
     * @param run the run
     * @param epoch the epoch's measurements
     * @throws IOException if an output cannot be written
     */
    default void afterEpoch(TrainingContext run, EpochEnd epoch) throws IOException {}

    /**
     * Called once after the last epoch.
     *
     * @param run the run
     * @throws IOException if an output cannot be written
     */
    default void onTrainingEnd(TrainingContext run) throws IOException {}

    /**
     * Returns a listener that calls back at the start of every epoch with its pass index, before
     * any record of it is read: the index {@code VideoDataset.setPass} takes, from 0 (the epoch
     * that logs, the history and the CLI call 1 is pass 0). Datasets whose augmentation depends on
     * the pass use it, e.g. {@code videoDataset::setPass}, so that a resumed run draws what an
     * uninterrupted one would.
     *
     * @param callback the callback
     * @return the listener
     */
    static TrainingListener atEpochBegin(IntConsumer callback) {
        return new TrainingListener() {
            @Override
            public void onEpochBegin(TrainingContext run, int epoch) {
                callback.accept(epoch);
            }
        };
    }
}
