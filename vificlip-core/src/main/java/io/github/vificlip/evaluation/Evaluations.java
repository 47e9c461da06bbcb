/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes evaluation results as JSON for reports and scripts. */
public final class Evaluations {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Evaluations() {}

    /**
     * Returns a result as a JSON tree: counts, top-1/top-5, mean class accuracy, per class its
     * name, support and accuracy, the confusion matrix as {@code [true, predicted, count]} triples
     * of the pairs that occurred (its size grows with the videos, not the square of the classes),
     * and the unreadable records left out ({@code unreadable}: the count; {@code unreadableVideos}:
     * index and reason of each).
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
        for (Confusion.Cell cell : result.confusion().cells()) {
            confusion.addArray().add(cell.trueClass()).add(cell.predicted()).add(cell.count());
        }
        root.put("unreadable", result.unreadable().size());
        ArrayNode unreadable = root.putArray("unreadableVideos");
        for (UnreadableVideo video : result.unreadable()) {
            unreadable.addObject().put("index", video.index()).put("reason", video.reason());
        }
        return root;
    }

    /**
     * Writes a result as JSON, atomically.
     *
     * @param result the result
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public static void writeJson(EvaluationResult result, Path file) throws IOException {
        ObjectNode json = toJson(result);
        AtomicFile.write(file, out -> JSON.writeValue(out, json));
    }
}
