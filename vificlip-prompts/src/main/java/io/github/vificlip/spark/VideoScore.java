/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.util.List;

/**
 * What the index holds for one video: its top-k classes, best first, with their probabilities and
 * its embedding; or, for a video that could not be read, the reason and nothing else.
 *
 * @param path the video's URI as given
 * @param labels the top-k class names, best first; null on error
 * @param probabilities their probabilities; null on error
 * @param embedding the unit-length video embedding; null on error
 * @param error why the video could not be scored; null when it was
 */
public record VideoScore(
        String path,
        List<String> labels,
        List<Double> probabilities,
        float[] embedding,
        String error) {

    /**
     * Returns the row of a video that could not be scored.
     *
     * @param path the video's URI
     * @param error the reason, naming the file
     * @return the error row
     */
    public static VideoScore failed(String path, String error) {
        return new VideoScore(path, null, null, null, error);
    }

    /**
     * Tells whether the video was scored.
     *
     * @return {@code true} when {@link #error()} is null
     */
    public boolean ok() {
        return error == null;
    }
}
