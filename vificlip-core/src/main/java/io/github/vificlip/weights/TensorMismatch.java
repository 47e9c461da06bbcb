/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a set of tensors differs from what a model expects, by name: the tensors it lacks, those it
 * has but the model does not know, and those whose shape differs. nanoGPT asserts that the key sets
 * are equal and says what differs; this is that report.
 *
 * @param missing expected names that are absent
 * @param unexpected present names that are not expected
 * @param misshaped present and expected names whose shapes differ, each as {@code "name: expected
 *     (a, b), found (c, d)"}
 */
public record TensorMismatch(
        List<String> missing, List<String> unexpected, List<String> misshaped) {

    /**
     * Copies the lists.
     *
     * @param missing expected names that are absent
     * @param unexpected present names that are not expected
     * @param misshaped descriptions of the tensors whose shapes differ
     */
    public TensorMismatch {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        misshaped = List.copyOf(misshaped);
    }

    /**
     * Compares tensors with what a model expects.
     *
     * @param expected the model's tensor names and shapes, for example {@link
     *     ClipArchitecture#expectedShapes}
     * @param actual the tensors at hand, for example {@link StateDict#shapes()}
     * @return the differences, in the order of {@code expected} then {@code actual}
     */
    public static TensorMismatch between(Map<String, Shape> expected, Map<String, Shape> actual) {
        List<String> missing = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        for (Map.Entry<String, Shape> entry : expected.entrySet()) {
            Shape found = actual.get(entry.getKey());
            if (found == null) {
                missing.add(entry.getKey());
            } else if (!found.equals(entry.getValue())) {
                misshaped.add(
                        entry.getKey() + ": expected " + entry.getValue() + ", found " + found);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                unexpected.add(name);
            }
        }
        return new TensorMismatch(missing, unexpected, misshaped);
    }

    /**
     * Returns whether the tensors are exactly the expected ones.
     *
     * @return true if nothing is missing, unexpected or mis-shaped
     */
    public boolean isEmpty() {
        return missing.isEmpty() && unexpected.isEmpty() && misshaped.isEmpty();
    }

    /**
     * Throws unless the tensors can be loaded: in strict mode they must be exactly the expected
     * ones; otherwise only mis-shaped tensors are an error (missing ones keep their initial values,
     * unexpected ones are ignored), as PyTorch's {@code load_state_dict(strict=False)} does.
     *
     * @param strict whether missing and unexpected tensors are errors too
     * @param source what the tensors were read from, for the message
     * @return this report, for logging what was tolerated
     * @throws WeightsMismatchException listing every offending tensor by name
     */
    public TensorMismatch check(boolean strict, String source) {
        if (!misshaped.isEmpty() || (strict && !isEmpty())) {
            throw new WeightsMismatchException(this, source, strict);
        }
        return this;
    }

    /**
     * Describes the differences in one paragraph, listing every name.
     *
     * @return for example {@code "2 missing: a, b; 1 mis-shaped: c: expected (4), found (5)"}, or
     *     {@code "no differences"}
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing: " + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add(unexpected.size() + " unexpected: " + String.join(", ", unexpected));
        }
        if (!misshaped.isEmpty()) {
            parts.add(misshaped.size() + " mis-shaped: " + String.join(", ", misshaped));
        }
        return parts.isEmpty() ? "no differences" : String.join("; ", parts);
    }
}
