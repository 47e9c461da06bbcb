/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.util.Locale;

/**
 * What an indexing job wrote, counted on its output.
 *
 * @param videos rows written, one per video
 * @param errors rows with an error (videos that could not be fetched or decoded)
 * @param seconds wall-clock time of the job, including the count
 * @param output the output folder
 */
public record IndexSummary(long videos, long errors, double seconds, String output) {

    /**
     * Returns a one-line description.
     *
     * @return videos, errors, time and output
     */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Indexed %d videos (%d unreadable) into %s in %.1f s",
                videos,
                errors,
                output,
                seconds);
    }
}
