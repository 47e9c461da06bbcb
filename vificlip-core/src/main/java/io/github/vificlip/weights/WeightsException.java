/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A weights file that cannot be read: unknown or unsupported format, damaged container, a pickle
 * this library does not accept, or tensor data that does not match its description. The message
 * starts with the file and says what was wrong and, where there is one, what to do.
 */
public class WeightsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception for a problem in a file.
     *
     * @param file the file being read
     * @param message what was wrong, without the file name (it is prepended)
     */
    public WeightsException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    /**
     * Creates the exception for a problem in a file, keeping the low-level cause.
     *
     * @param file the file being read
     * @param message what was wrong, without the file name (it is prepended)
     * @param cause the exception that revealed the problem
     */
    public WeightsException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /**
     * Returns the file that could not be read.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}
