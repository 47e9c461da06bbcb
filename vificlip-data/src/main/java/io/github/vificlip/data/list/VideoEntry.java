/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.util.Locale;

/**
 * One line of a list file: a video path relative to the dataset root and its label.
 *
 * <p>The path is resolved against the root as the reference's {@code os.path.join} does: a relative
 * path (with {@code ..} segments if the list wants them) under the root, an absolute one as it is.
 * Whitespace and control characters (NUL included) are refused: such names cannot be opened.
 *
 * @param path the path as written in the list (relative to the root, or absolute; no spaces)
 * @param label the 0-based label index into the list's {@link LabelMap}
 */
public record VideoEntry(String path, int label) {

    /**
     * Validates the entry.
     *
     * @param path the path as written in the list
     * @param label the 0-based label index
     * @throws IllegalArgumentException if the path is blank, contains whitespace or a control
     *     character, or the label is negative
     */
    public VideoEntry {
        String problem = pathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (label < 0) {
            throw new IllegalArgumentException("Labels are >= 0, got " + label + " for " + path);
        }
    }

    /** What makes a list path unusable, or null if it can name a file. */
    static String pathProblem(String path) {
        if (path.isBlank() || path.chars().anyMatch(Character::isWhitespace)) {
            return "A list path must be non-empty without whitespace, got \"" + path + "\"";
        }
        int control = Utf8Text.firstControl(path);
        if (control >= 0) {
            return String.format(
                    Locale.ROOT,
                    "A list path cannot contain control characters, got U+%04X at character %d",
                    (int) path.charAt(control),
                    control + 1);
        }
        return null;
    }
}
