/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The videos a dataset failed to load: each failure is logged once with its path and reason when it
 * happens, counted for the current pass, and summarised when the pass ends. A video that failed
 * once is remembered and not decoded again in later passes. Thread-safe.
 */
public final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
    private static final int LISTED_IN_SUMMARY = 20;

    private final String name;
    private final boolean replaced;
    private final Map<Long, DecodeFailure> knownBad = new ConcurrentHashMap<>();
    private final Map<Long, DecodeFailure> pass = new LinkedHashMap<>();
    private int passNumber = 1;

    /**
     * Creates an empty log.
     *
     * @param name what the log belongs to, for messages (e.g. the list file)
     * @param replaced whether unreadable videos are replaced by others (training) or left out
     *     (evaluation), for the summary
     */
    public FailureLog(String name, boolean replaced) {
        this.name = name;
        this.replaced = replaced;
    }

    /**
     * Records a failure: logs it (first time only) and counts it for this pass.
     *
     * @param failure the failure
     */
    public void record(DecodeFailure failure) {
        if (knownBad.putIfAbsent(failure.index(), failure) == null) {
            LOG.warn("Unreadable video {}: {}", failure.path(), failure.reason());
        }
        synchronized (pass) {
            pass.putIfAbsent(failure.index(), failure);
        }
    }

    /**
     * Counts a known-unreadable video for this pass again without decoding it: it was replaced once
     * more.
     *
     * @param index the dataset index, which must be {@linkplain #isKnownBad known bad}
     */
    public void recordSkipped(long index) {
        DecodeFailure failure = knownBad.get(index);
        if (failure != null) {
            synchronized (pass) {
                pass.putIfAbsent(index, failure);
            }
        }
    }

    /**
     * Returns whether a video has failed before (in any pass).
     *
     * @param index the dataset index
     * @return true if it is known to be unreadable
     */
    public boolean isKnownBad(long index) {
        return knownBad.containsKey(index);
    }

    /**
     * Returns the failure recorded for a video known to be unreadable.
     *
     * @param index the dataset index
     * @return the failure, or null if the video has not failed
     */
    public DecodeFailure knownFailure(long index) {
        return knownBad.get(index);
    }

    /**
     * Returns the failures of the current pass, in the order they happened.
     *
     * @return a copy of the list
     */
    public List<DecodeFailure> currentPass() {
        synchronized (pass) {
            return new ArrayList<>(pass.values());
        }
    }

    /**
     * Returns every video known to be unreadable.
     *
     * @return the dataset indices
     */
    public Set<Long> knownBad() {
        return Set.copyOf(knownBad.keySet());
    }

    /**
     * Ends a pass: logs a summary (count, then paths and reasons) and starts counting afresh.
     *
     * @return the summary that was logged
     */
    public String endPass() {
        String summary;
        boolean clean;
        synchronized (pass) {
            clean = pass.isEmpty();
            summary = summary(passNumber, new ArrayList<>(pass.values()));
            pass.clear();
            passNumber++;
        }
        if (clean) {
            LOG.debug(summary);
        } else {
            LOG.warn(summary);
        }
        return summary;
    }

    private String summary(int number, List<DecodeFailure> failures) {
        StringBuilder out =
                new StringBuilder()
                        .append(name)
                        .append(", pass ")
                        .append(number)
                        .append(": ")
                        .append(failures.size())
                        .append(" unreadable video")
                        .append(failures.size() == 1 ? "" : "s");
        if (!failures.isEmpty()) {
            out.append(replaced ? " (replaced by other videos)" : " (left out)");
        }
        for (int i = 0; i < Math.min(LISTED_IN_SUMMARY, failures.size()); i++) {
            DecodeFailure f = failures.get(i);
            out.append("\n  ").append(f.path()).append(": ").append(f.reason());
        }
        if (failures.size() > LISTED_IN_SUMMARY) {
            out.append("\n  ... and ").append(failures.size() - LISTED_IN_SUMMARY).append(" more");
        }
        return out.toString();
    }
}
