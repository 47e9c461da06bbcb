/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import ai.djl.ndarray.NDArray;
import io.github.vificlip.loading.UnreadableVideo;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates video-level scores and labels over an evaluation pass: top-1 and top-5 accuracy
 * (averaged per video, as the reference reports), per-class accuracy and a sparse confusion matrix,
 * and the records left out because they could not be read. Memory grows with the classes and the
 * videos, never with the square of the classes.
 *
 * <p>Not thread-safe; one instance per pass.
 */
public final class ClassificationMetrics {

    private final List<String> classNames;
    private final Confusion confusion;
    private final long[] support;
    private final long[] correct;
    private final List<UnreadableVideo> unreadable = new ArrayList<>();
    private long videos;
    private long top1;
    private long top5;

    /**
     * Scores the views of each video as the reference validates ({@code validate} in {@code
     * main.py}): a softmax over classes for each view, then the probabilities summed over views.
     * With one view the scores are plain softmax probabilities, so top-k is unchanged.
     *
     * @param logits [B, V, classes]: the logits of each view of each video
     * @return [B, classes]: the summed probabilities (each row sums to V)
     * @throws IllegalArgumentException if the array is not three-dimensional
     */
    public static NDArray sumOfSoftmax(NDArray logits) {
        if (logits.getShape().dimension() != 3) {
            throw new IllegalArgumentException(
                    "Expected view logits [B, V, classes], got shape " + logits.getShape());
        }
        return logits.softmax(-1).sum(new int[] {1});
    }

    /**
     * Starts an empty pass over the given classes.
     *
     * @param classNames the class names in label order
     * @throws IllegalArgumentException if there are no classes
     */
    public ClassificationMetrics(List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("At least one class is needed");
        }
        this.classNames = List.copyOf(classNames);
        this.confusion = new Confusion(classNames.size());
        this.support = new long[classNames.size()];
        this.correct = new long[classNames.size()];
    }

    /**
     * Adds a batch.
     *
     * @param scores [B, classes]: any scores where larger means more likely (logits, summed
     *     probabilities)
     * @param labels the true class of each video
     * @throws IllegalArgumentException if the shapes disagree or a label is out of range
     */
    public void add(NDArray scores, long[] labels) {
        int classes = classNames.size();
        if (scores.getShape().dimension() != 2
                || scores.getShape().get(1) != classes
                || scores.getShape().get(0) != labels.length) {
            throw new IllegalArgumentException(
                    "Expected scores ["
                            + labels.length
                            + ", "
                            + classes
                            + "] for "
                            + labels.length
                            + " labels, got "
                            + scores.getShape());
        }
        float[] values = scores.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        for (int i = 0; i < labels.length; i++) {
            add(values, i * classes, labels[i]);
        }
    }

    private void add(float[] values, int offset, long label) {
        int classes = classNames.size();
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(
                    "Label " + label + " is outside [0, " + classes + ")");
        }
        float own = values[offset + (int) label];
        int better = 0;
        int argmax = 0;
        for (int c = 0; c < classes; c++) {
            float v = values[offset + c];
            // Ties rank by class index, as a stable top-k does.
            if (v > own || (v == own && c < label)) {
                better++;
            }
            if (v > values[offset + argmax]) {
                argmax = c;
            }
        }
        videos++;
        top1 += better == 0 ? 1 : 0;
        top5 += better < 5 ? 1 : 0;
        confusion.add((int) label, argmax);
        support[(int) label]++;
        correct[(int) label] += argmax == label ? 1 : 0;
    }

    /**
     * Leaves a record out of the metrics, reporting it with the result.
     *
     * @param video the record and why it could not be read
     */
    public void addUnreadable(UnreadableVideo video) {
        unreadable.add(video);
    }

    /**
     * Returns the result of the pass so far.
     *
     * @return the metrics
     */
    public EvaluationResult result() {
        int classes = classNames.size();
        double[] perClass = new double[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = support[c] == 0 ? Double.NaN : (double) correct[c] / support[c];
        }
        return new EvaluationResult(
                classNames,
                videos,
                videos == 0 ? Double.NaN : (double) top1 / videos,
                videos == 0 ? Double.NaN : (double) top5 / videos,
                perClass,
                support.clone(),
                confusion.copy(),
                List.copyOf(unreadable));
    }
}
