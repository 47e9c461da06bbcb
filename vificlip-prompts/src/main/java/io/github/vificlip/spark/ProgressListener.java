/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the indexing accumulators on the driver each time a task ends. */
final class ProgressListener extends SparkListener {

    private static final Logger LOG = LoggerFactory.getLogger(VideoIndexer.class);

    private final LongAccumulator scored;
    private final LongAccumulator failed;
    private long lastTotal;

    ProgressListener(LongAccumulator scored, LongAccumulator failed) {
        this.scored = scored;
        this.failed = failed;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long total = scored.value() + failed.value();
        if (total != lastTotal) {
            lastTotal = total;
            LOG.info("{} videos scored, {} unreadable so far", scored.value(), failed.value());
        }
    }
}
