/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.io.IOException;

/** Writes the history as {@code history.json} and {@code epochs.csv} after every epoch. */
final class HistoryFiles implements TrainingListener {

    @Override
    public void afterEpoch(TrainingContext run, EpochEnd epoch) throws IOException {
        run.getHistory().writeJson(run.getOutputDirectory().resolve("history.json"));
        run.getHistory().writeCsv(run.getOutputDirectory().resolve("epochs.csv"));
    }
}
