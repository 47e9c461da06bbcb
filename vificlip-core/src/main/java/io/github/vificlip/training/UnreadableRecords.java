/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.util.function.IntSupplier;

/**
 * Records in the history how many training records the dataset replaced in each pass because they
 * could not be read (the trainer cannot see replacements itself), e.g. {@code new
 * UnreadableRecords(() -> videoDataset.failures().currentPass().size())}. Epochs with any are
 * recorded ({@link TrainingHistory#getUnreadable()}) and named in the epoch's log line.
 */
public final class UnreadableRecords implements TrainingListener {

    private final IntSupplier count;

    /**
     * Reads {@code count} at the end of every epoch.
     *
     * @param count the number of records replaced in the current pass
     */
    public UnreadableRecords(IntSupplier count) {
        this.count = count;
    }

    @Override
    public void onEpochEnd(TrainingContext run, EpochEnd epoch) {
        int unreadable = count.getAsInt();
        if (unreadable > 0) {
            run.getHistory().add(new TrainingHistory.Unreadable(epoch.epoch(), unreadable));
        }
    }
}
