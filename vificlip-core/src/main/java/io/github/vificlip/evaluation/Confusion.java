/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A confusion matrix kept sparse: only (true, predicted) pairs that occurred are stored, so memory
 * grows with the videos scored, not with the square of the classes (20,000 classes would be 3.2 GB
 * dense). Mutable only inside this package; results hold their own copy.
 */
public final class Confusion {

    private final int classes;
    private final Map<Long, Long> counts;

    Confusion(int classes) {
        this(classes, new HashMap<>());
    }

    private Confusion(int classes, Map<Long, Long> counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * Returns the sparse form of a dense matrix.
     *
     * @param dense counts by [true class][predicted class], square
     * @return the matrix
     * @throws IllegalArgumentException if the matrix is not square
     */
    public static Confusion of(long[][] dense) {
        Confusion confusion = new Confusion(dense.length);
        for (int t = 0; t < dense.length; t++) {
            if (dense[t].length != dense.length) {
                throw new IllegalArgumentException(
                        "Row " + t + " has " + dense[t].length + " columns, not " + dense.length);
            }
            for (int p = 0; p < dense.length; p++) {
                if (dense[t][p] != 0) {
                    confusion.counts.put(confusion.key(t, p), dense[t][p]);
                }
            }
        }
        return confusion;
    }

    void add(int trueClass, int predicted) {
        counts.merge(key(trueClass, predicted), 1L, Long::sum);
    }

    Confusion copy() {
        return new Confusion(classes, new HashMap<>(counts));
    }

    /**
     * Returns the number of classes (rows and columns).
     *
     * @return the class count
     */
    public int classes() {
        return classes;
    }

    /**
     * Returns how many videos of one class were predicted as another.
     *
     * @param trueClass the row
     * @param predicted the column
     * @return the count, 0 for pairs that never occurred
     */
    public long count(int trueClass, int predicted) {
        return counts.getOrDefault(key(trueClass, predicted), 0L);
    }

    /**
     * Returns the pairs that occurred, by true class then predicted class.
     *
     * @return the non-zero cells
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>(counts.size());
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e ->
                                cells.add(
                                        new Cell(
                                                (int) (e.getKey() / classes),
                                                (int) (e.getKey() % classes),
                                                e.getValue())));
        return cells;
    }

    private long key(int trueClass, int predicted) {
        return (long) trueClass * classes + predicted;
    }

    /**
     * One non-zero cell.
     *
     * @param trueClass the row: the video's class
     * @param predicted the column: the class with the highest score
     * @param count how many videos
     */
    public record Cell(int trueClass, int predicted, long count) {}
}
