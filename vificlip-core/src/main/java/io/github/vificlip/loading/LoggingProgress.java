/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.loading;

import ai.djl.util.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's default progress report on long loops: an SLF4J line at every tenth of the work
 * (with the rate and the time left), for services and batch jobs without a console. Command-line
 * programs pass a console progress bar instead; both implement DJL's {@link Progress}.
 */
public final class LoggingProgress implements Progress {

    private static final Logger LOGGER = LoggerFactory.getLogger(LoggingProgress.class);

    private String message = "";
    private long max;
    private long progress;
    private long startNanos;
    private int reportedTenths;
    private String trailing;

    @Override
    public void reset(String message, long max, String trailingMessage) {
        this.message = message;
        this.max = max;
        this.trailing = trailingMessage;
        this.progress = 0;
        this.reportedTenths = 0;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void start(long initialProgress) {
        update(initialProgress, null);
    }

    @Override
    public void end() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        LOGGER.info("{}: done, {} in {}s", message, progress, String.format("%.1f", seconds));
    }

    @Override
    public void increment(long increment) {
        update(progress + increment, null);
    }

    @Override
    public void update(long progress, String message) {
        this.progress = progress;
        if (message != null) {
            this.trailing = message;
        }
        if (max <= 0) {
            return;
        }
        int tenths = (int) Math.min(10, progress * 10 / max);
        if (tenths > reportedTenths) {
            reportedTenths = tenths;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double rate = progress / Math.max(seconds, 1e-9);
            double left = (max - progress) / Math.max(rate, 1e-9);
            LOGGER.info(
                    "{}: {}/{} ({}%), {}/s, {}s left{}",
                    this.message,
                    progress,
                    max,
                    tenths * 10,
                    String.format("%.2f", rate),
                    String.format("%.0f", left),
                    trailing == null ? "" : " " + trailing);
        }
    }
}
