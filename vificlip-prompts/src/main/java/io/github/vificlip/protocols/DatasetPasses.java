/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.training.TrainingContext;
import io.github.vificlip.training.TrainingListener;

/**
 * Keeps a video dataset's pass in step with the trainer's epoch, so that its augmentation draws
 * what an uninterrupted run would after a resume, and closes the previous pass's summary of
 * unreadable videos.
 */
final class DatasetPasses implements TrainingListener {

    private final VideoDataset dataset;
    private boolean started;

    DatasetPasses(VideoDataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public void onEpochBegin(TrainingContext run, int epoch) {
        if (started) {
            dataset.failures().endPass();
        }
        started = true;
        dataset.setPass(epoch);
    }
}
