/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

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
     * Summarises the result on one line (the per-class figures and the confusion matrix are left to
     * {@link Evaluations#toJson}).
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
