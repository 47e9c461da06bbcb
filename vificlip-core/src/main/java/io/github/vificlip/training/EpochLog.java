/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per epoch: mean loss, throughput, validation top-1, unreadable videos. */
final class EpochLog implements TrainingListener {

    private static final Logger LOGGER = LoggerFactory.getLogger(ViFiClipTrainer.class);

    @Override
    public void afterEpoch(TrainingContext run, EpochEnd epoch) {
        int unreadable =
                run.getHistory().getUnreadable().stream()
                        .filter(entry -> entry.epoch() == epoch.epoch())
                        .mapToInt(TrainingHistory.Unreadable::videos)
                        .sum();
        LOGGER.info(
                "Epoch {}/{}: mean loss {}, {} clips/s{}{}",
                epoch.epoch(),
                run.getRecipe().epochs(),
                String.format(Locale.ROOT, "%.4f", epoch.meanLoss()),
                String.format(Locale.ROOT, "%.2f", epoch.clipsPerSecond()),
                epoch.getValidation() == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", validation top-1 %.2f%%",
                                100 * epoch.getValidation().top1()),
                unreadable == 0 ? "" : ", " + unreadable + " unreadable videos replaced");
    }
}
