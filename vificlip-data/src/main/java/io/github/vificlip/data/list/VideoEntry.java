/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line of a list file: a video path relative to the dataset root and its label.
 *
 * <p>The path stays inside the root: an absolute path, a {@code ..} segment, whitespace or a
 * control character (NUL included) is refused, so a list cannot name a file elsewhere on the
 * machine.
 *
 * @param path the path as written in the list (relative to the root; no spaces)
 * @param label the 0-based label index into the list's {@link LabelMap}
 */
public record VideoEntry(String path, int label) {

    /** An absolute path (Unix, or Windows with a drive letter) or a {@code ..} segment. */
    private static final Pattern OUTSIDE_ROOT =
            Pattern.compile("^[/\\\\]|^[A-Za-z]:[/\\\\]|(^|[/\\\\])\\.\\.([/\\\\]|$)");

    /**
     * Validates the entry.
     *
     * @param path the path as written in the list
     * @param label the 0-based label index
     * @throws IllegalArgumentException if the path is blank, contains whitespace or a control
     *     character, is absolute or has a {@code ..} segment, or the label is negative
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

    /** What makes a list path unusable, or null if it is a path inside the root. */
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
        if (OUTSIDE_ROOT.matcher(path).find()) {
            return "A list path is relative to the root and stays inside it (no absolute path,"
                    + " no '..' segment), got \""
                    + path
                    + "\"";
        }
        return null;
    }
}
