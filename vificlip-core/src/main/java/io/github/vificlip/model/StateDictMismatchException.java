/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

/**
 * Thrown by a strict state-dict load whose tensors do not match the model's parameters. The model
 * is left unchanged; the message and {@link #getReport()} name every missing, unexpected and
 * mis-shaped tensor.
 */
public final class StateDictMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient LoadReport report;

    /**
     * Creates the exception.
     *
     * @param report what did not match
     */
    public StateDictMismatchException(LoadReport report) {
        this("CLIP model", report);
    }

    /**
     * Creates the exception for a model of another kind.
     *
     * @param model what the tensors were loaded into, e.g. {@code "prompt learner (16 text, 16
     *     vision tokens)"}
     * @param report what did not match
     */
    public StateDictMismatchException(String model, LoadReport report) {
        super("The weights do not match the " + model + ": " + report.describe());
        this.report = report;
    }

    /**
     * Returns the comparison that failed.
     *
     * @return the report
     */
    public LoadReport getReport() {
        return report;
    }
}
