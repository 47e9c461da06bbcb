/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.loading.UnreadableVideo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The metrics of one evaluation pass. Accuracies are fractions in [0, 1] over the videos that could
 * be read; a class without videos has per-class accuracy NaN. Unreadable records are not scored
 * (nothing is put in their place) and are listed in {@link #unreadable()}.
 *
 * @param classNames the class names in label order
 * @param videos the number of videos scored
 * @param top1 the fraction whose label had the highest score
 * @param top5 the fraction whose label was among the five highest
 * @param perClassAccuracy top-1 accuracy of each class's videos
 * @param support the number of videos of each class
 * @param confusion counts by (true class, predicted class), sparse
 * @param unreadable the records left out because they could not be read, in dataset order
 */
public record EvaluationResult(
        List<String> classNames,
        long videos,
        double top1,
        double top5,
        double[] perClassAccuracy,
        long[] support,
        Confusion confusion,
        List<UnreadableVideo> unreadable) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Creates a result without unreadable records from a dense confusion matrix (for small tests
     * and reports).
     *
     * @param classNames the class names in label order
     * @param videos the number of videos scored
     * @param top1 the fraction whose label had the highest score
     * @param top5 the fraction whose label was among the five highest
     * @param perClassAccuracy top-1 accuracy of each class's videos
     * @param support the number of videos of each class
     * @param confusion counts by [true class][predicted class]
     */
    public EvaluationResult(
            List<String> classNames,
            long videos,
            double top1,
            double top5,
            double[] perClassAccuracy,
            long[] support,
            long[][] confusion) {
        this(
                classNames,
                videos,
                top1,
                top5,
                perClassAccuracy,
                support,
                Confusion.of(confusion),
                List.of());
    }

    /**
     * Returns the mean of the per-class accuracies over classes that have videos (the reference
     * does not report it; it is here because unbalanced test sets hide weak classes).
     *
     * @return the mean class accuracy, or NaN without videos
     */
    public double meanClassAccuracy() {
        double sum = 0;
        int counted = 0;
        for (double accuracy : perClassAccuracy) {
            if (!Double.isNaN(accuracy)) {
                sum += accuracy;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * Returns this result as a JSON tree: counts, top-1/top-5, mean class accuracy, per class its
     * name, support and accuracy, the confusion matrix as {@code [true, predicted, count]} triples
     * of the pairs that occurred (its size grows with the videos, not the square of the classes),
     * and the unreadable records left out ({@code unreadable}: the count; {@code unreadableVideos}:
     * index and reason of each).
     *
     * @return the JSON object
     */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("videos", videos());
        root.put("top1", top1());
        root.put("top5", top5());
        root.put("meanClassAccuracy", meanClassAccuracy());
        ArrayNode classes = root.putArray("classes");
        for (int c = 0; c < classNames().size(); c++) {
            ObjectNode entry = classes.addObject();
            entry.put("name", classNames().get(c));
            entry.put("support", support()[c]);
            if (!Double.isNaN(perClassAccuracy()[c])) {
                entry.put("accuracy", perClassAccuracy()[c]);
            }
        }
        ArrayNode confusion = root.putArray("confusion");
        for (Confusion.Cell cell : confusion().cells()) {
            confusion.addArray().add(cell.trueClass()).add(cell.predicted()).add(cell.count());
        }
        root.put("unreadable", unreadable().size());
        ArrayNode unreadable = root.putArray("unreadableVideos");
        for (UnreadableVideo video : unreadable()) {
            unreadable.addObject().put("index", video.index()).put("reason", video.reason());
        }
        return root;
    }

    /**
     * Writes this result as JSON, atomically.
     *
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public void writeJson(Path file) throws IOException {
        ObjectNode json = toJson();
        AtomicFile.write(file, out -> JSON.writeValue(out, json));
    }

    /**
     * Summarises the result on one line (the per-class figures and the confusion matrix are left to
     * {@link #toJson}).
     *
     * @return e.g. {@code EvaluationResult[120 videos, 12 classes, top-1 75.00%, top-5 95.83%, mean
     *     class accuracy 74.17%]}
     */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "EvaluationResult[%d videos, %d classes, top-1 %.2f%%, top-5 %.2f%%, mean class"
                        + " accuracy %.2f%%]",
                videos,
                classNames.size(),
                100 * top1,
                100 * top5,
                100 * meanClassAccuracy());
    }
}
