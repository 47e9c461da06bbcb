/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

/**
 * One line of a list file: a video path relative to the dataset root and its label.
 *
 * @param path the path as written in the list (relative to the root; no spaces)
 * @param label the 0-based label index into the list's {@link LabelMap}
 */
public record VideoEntry(String path, int label) {

    /**
     * Validates the entry.
     *
     * @param path the path as written in the list
     * @param label the 0-based label index
     * @throws IllegalArgumentException if the path is blank or contains whitespace, or the label is
     *     negative
     */
    public VideoEntry {
        if (path.isBlank() || path.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "A list path must be non-empty without whitespace, got \"" + path + "\"");
        }
        if (label < 0) {
            throw new IllegalArgumentException("Labels are >= 0, got " + label + " for " + path);
        }
    }
}
