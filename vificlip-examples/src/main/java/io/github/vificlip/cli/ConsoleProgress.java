/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.util.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar on standard error for the command line's long loops (training epochs,
 * evaluation, feature extraction), behind DJL's {@link Progress} so the library stays free of
 * console output.
 */
final class ConsoleProgress implements Progress {

    private ProgressBar bar;

    @Override
    public void reset(String message, long max, String trailingMessage) {
        close();
        bar =
                new ProgressBarBuilder()
                        .setTaskName(message)
                        .setInitialMax(max)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .continuousUpdate()
                        .showSpeed()
                        .setConsumer(
                                new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build();
        if (trailingMessage != null) {
            bar.setExtraMessage(trailingMessage);
        }
    }

    @Override
    public void start(long initialProgress) {
        if (bar != null) {
            bar.stepTo(initialProgress);
        }
    }

    @Override
    public void end() {
        close();
    }

    @Override
    public void increment(long increment) {
        if (bar != null) {
            bar.stepBy(increment);
        }
    }

    @Override
    public void update(long progress, String message) {
        if (bar != null) {
            bar.stepTo(progress);
            if (message != null) {
                bar.setExtraMessage(message);
            }
        }
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
