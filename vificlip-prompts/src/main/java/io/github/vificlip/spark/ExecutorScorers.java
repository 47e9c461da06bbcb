/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import ai.djl.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of one executor JVM: one {@link VideoScorer} per model folder, class list and top-k,
 * loaded by the first task that needs it, shared by every later task, and closed when the JVM shuts
 * down (or when {@link #closeAll()} is called).
 */
final class ExecutorScorers {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScorers.class);

    private static final Map<Key, VideoScorer> SCORERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(ExecutorScorers::closeAll, "vificlip-close-models"));
    }

    /** What makes two scorers the same. */
    private record Key(Path folder, List<String> classNames, int topK) {}

    private ExecutorScorers() {}

    /** Returns this JVM's scorer for the folder and classes, loading it on first use. */
    static VideoScorer get(Path folder, List<String> classNames, int topK) {
        return SCORERS.computeIfAbsent(
                new Key(folder.toAbsolutePath().normalize(), List.copyOf(classNames), topK),
                ExecutorScorers::load);
    }

    /** Closes every model of this JVM; later tasks load them again. */
    static void closeAll() {
        for (Key key : List.copyOf(SCORERS.keySet())) {
            VideoScorer scorer = SCORERS.remove(key);
            if (scorer != null) {
                scorer.close();
                LOG.info("Closed the ViFi-CLIP model of {}", key.folder());
            }
        }
    }

    private static VideoScorer load(Key key) {
        long start = System.nanoTime();
        try {
            VideoScorer scorer = VideoScorer.load(key.folder(), key.classNames(), key.topK());
            LOG.info(
                    "Loaded the ViFi-CLIP model of {} for {} classes in {} ms",
                    key.folder(),
                    key.classNames().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return scorer;
        } catch (IOException | ModelException e) {
            throw new IllegalStateException(
                    "Cannot load the ViFi-CLIP model folder " + key.folder() + ": " + e, e);
        }
    }
}
