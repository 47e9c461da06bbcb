/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** Writes evaluation results as JSON for reports and scripts. */
public final class Evaluations {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Evaluations() {}

    /**
     * Returns a result as a JSON tree: counts, top-1/top-5, mean class accuracy, and per class its
     * name, support and accuracy, and the confusion matrix.
     *
     * @param result the result
     * @return the JSON object
     */
    public static ObjectNode toJson(EvaluationResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("videos", result.videos());
        root.put("top1", result.top1());
        root.put("top5", result.top5());
        root.put("meanClassAccuracy", result.meanClassAccuracy());
        ArrayNode classes = root.putArray("classes");
        for (int c = 0; c < result.classNames().size(); c++) {
            ObjectNode entry = classes.addObject();
            entry.put("name", result.classNames().get(c));
            entry.put("support", result.support()[c]);
            if (!Double.isNaN(result.perClassAccuracy()[c])) {
                entry.put("accuracy", result.perClassAccuracy()[c]);
            }
        }
        ArrayNode confusion = root.putArray("confusion");
        for (long[] row : result.confusion()) {
            ArrayNode line = confusion.addArray();
            for (long count : row) {
                line.add(count);
            }
        }
        return root;
    }

    /**
     * Writes a result as JSON.
     *
     * @param result the result
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public static void writeJson(EvaluationResult result, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(result));
    }
}
