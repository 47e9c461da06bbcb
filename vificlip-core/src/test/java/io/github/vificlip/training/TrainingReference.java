/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The golden values written by src/test/python/training_reference.py. */
final class TrainingReference {

    private static final JsonNode ROOT = load();

    private TrainingReference() {}

    private static JsonNode load() {
        try (InputStream in =
                TrainingReference.class.getResourceAsStream("training_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode get(String key) {
        return ROOT.get(key);
    }

    static float[] flatten(JsonNode matrix) {
        int rows = matrix.size();
        int cols = matrix.get(0).size();
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) matrix.get(r).get(c).asDouble();
            }
        }
        return out;
    }
}
