/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.nio.file.Path;

/** A malformed list file or label CSV; the message names the file and the line. */
public class DataFormatException extends IOException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The file (not serialised). */
    private final transient Path file;

    /** The 1-based line number, or 0. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param file the file being read
     * @param line the 1-based line number, or 0 for the file as a whole
     * @param message what is wrong and what was expected
     */
    public DataFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the file.
     *
     * @return the file being read
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the 1-based line number, or 0 when the problem is not on one line.
     *
     * @return the line
     */
    public int line() {
        return line;
    }
}
