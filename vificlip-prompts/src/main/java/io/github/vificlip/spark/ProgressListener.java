/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the indexing accumulators on the driver each time a task ends. */
final class ProgressListener extends SparkListener {

    private static final Logger LOG = LoggerFactory.getLogger(VideoIndexer.class);

    private final LongAccumulator scored;
    private final LongAccumulator failed;
    private long lastTotal;

    private ProgressListener(LongAccumulator scored, LongAccumulator failed) {
        this.scored = scored;
        this.failed = failed;
    }

    /** A listener over two new accumulators of the session, not yet registered. */
    static ProgressListener create(SparkSession spark) {
        return new ProgressListener(
                spark.sparkContext().longAccumulator("vificlip.videos.scored"),
                spark.sparkContext().longAccumulator("vificlip.videos.failed"));
    }

    /** The count of videos scored. */
    LongAccumulator scored() {
        return scored;
    }

    /** The count of videos that could not be scored. */
    LongAccumulator failed() {
        return failed;
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
