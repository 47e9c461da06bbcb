/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import java.util.List;

/** The paper's summary statistics: harmonic mean of base and novel, mean ± std over runs. */
public final class Summaries {

    private Summaries() {}

    /**
     * A mean and standard deviation over runs.
     *
     * @param mean the arithmetic mean
     * @param std the population standard deviation (NumPy's default, ddof = 0)
     * @param runs the number of runs
     */
    public record MeanStd(double mean, double std, int runs) {}

    /**
     * The base-to-novel protocol's summary: base and novel accuracy averaged over seeds, and the
     * harmonic mean of those averages (as the paper's tables are computed).
     *
     * @param base base accuracy over seeds
     * @param novel novel accuracy over seeds
     * @param harmonicMean the harmonic mean of the two means
     */
    public record BaseNovel(MeanStd base, MeanStd novel, double harmonicMean) {}

    /**
     * Summarises base-to-novel runs, one base and one novel accuracy per seed.
     *
     * @param base base accuracy of each seed
     * @param novel novel accuracy of each seed, in the same order
     * @return the averaged summary
     * @throws IllegalArgumentException if the lists are empty or of different lengths
     */
    public static BaseNovel baseToNovel(List<Double> base, List<Double> novel) {
        if (base.size() != novel.size()) {
            throw new IllegalArgumentException(
                    "Got " + base.size() + " base and " + novel.size() + " novel accuracies");
        }
        MeanStd b = meanStd(base);
        MeanStd n = meanStd(novel);
        return new BaseNovel(b, n, harmonicMean(b.mean(), n.mean()));
    }

    /**
     * Returns the harmonic mean 2·B·N/(B + N) of base and novel accuracy (0 when both are 0).
     *
     * @param base base-class accuracy
     * @param novel novel-class accuracy
     * @return the harmonic mean
     */
    public static double harmonicMean(double base, double novel) {
        return base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
    }

    /**
     * Returns the mean and population standard deviation of values from several runs (seeds, test
     * splits).
     *
     * @param values at least one value
     * @return the summary
     * @throws IllegalArgumentException if there are no values
     */
    public static MeanStd meanStd(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to summarise");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        return new MeanStd(mean, Math.sqrt(variance), values.size());
    }
}
