/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import io.github.vificlip.training.SeededRandom;

/**
 * Exact t-SNE (van der Maaten and Hinton, 2008) for pictures of embeddings, as in the paper's
 * figure: a few thousand points at most (time and memory grow with the square of the count).
 *
 * <p>Affinities come from Gaussian kernels whose widths are found by bisection so that each point's
 * conditional distribution has the requested perplexity; they are symmetrised, exaggerated ×12 for
 * the first 250 iterations, and the 2-D layout follows gradient descent with momentum (0.5 during
 * the exaggeration, then 0.8), per-coordinate gains and scikit-learn's automatic learning rate.
 */
public final class Tsne {

    /** Iterations of early exaggeration (and low momentum), as scikit-learn. */
    private static final int EARLY_ITERATIONS = 250;

    private final double perplexity;
    private final int iterations;
    private final long seed;

    private Tsne(Builder builder) {
        this.perplexity = builder.perplexity;
        this.iterations = builder.iterations;
        this.seed = builder.seed;
    }

    /**
     * Returns a builder (perplexity 30, 1000 iterations, seed 0).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lays out points in two dimensions.
     *
     * @param points n points of equal dimension (n ≥ 2)
     * @return n rows of (x, y)
     * @throws IllegalArgumentException if there are fewer than 2 points or dimensions differ
     */
    public double[][] embed(double[][] points) {
        int n = points.length;
        if (n < 2) {
            throw new IllegalArgumentException("t-SNE needs at least 2 points, got " + n);
        }
        double[][] p = affinities(squaredDistances(points), Math.min(perplexity, (n - 1) / 3.0));
        double[][] y = initialLayout(n);
        double[][] velocity = new double[n][2];
        double[][] gains = new double[n][2];
        for (double[] row : gains) {
            java.util.Arrays.fill(row, 1);
        }
        double[][] q = new double[n][n];
        double[][] gradient = new double[n][2];
        // scikit-learn's "auto" learning rate: large sets need larger steps.
        double learningRate = Math.max(n / 12.0 / 4.0, 50);
        for (int iteration = 0; iteration < iterations; iteration++) {
            boolean early = iteration < EARLY_ITERATIONS;
            double exaggeration = early ? 12 : 1;
            double momentum = early ? 0.5 : 0.8;
            double sum = studentKernels(y, q);
            gradient(p, q, sum, exaggeration, y, gradient);
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 2; d++) {
                    boolean sameSign = (gradient[i][d] > 0) == (velocity[i][d] > 0);
                    gains[i][d] = Math.max(0.01, sameSign ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
                    velocity[i][d] =
                            momentum * velocity[i][d] - learningRate * gains[i][d] * gradient[i][d];
                    y[i][d] += velocity[i][d];
                }
            }
            centre(y);
        }
        return y;
    }

    /** n points drawn around the origin with standard deviation 1e-4, from the seed. */
    private double[][] initialLayout(int n) {
        SeededRandom random = SeededRandom.of(seed);
        double[][] y = new double[n][2];
        for (double[] row : y) {
            row[0] = 1e-4 * gaussian(random);
            row[1] = 1e-4 * gaussian(random);
        }
        return y;
    }

    /** Fills q with the Student-t kernels 1/(1+|yi−yj|²) of the layout; returns their sum. */
    private static double studentKernels(double[][] y, double[][] q) {
        int n = y.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = y[i][0] - y[j][0];
                double dy = y[i][1] - y[j][1];
                double kernel = 1 / (1 + dx * dx + dy * dy);
                q[i][j] = kernel;
                q[j][i] = kernel;
                sum += 2 * kernel;
            }
        }
        return sum;
    }

    /** Fills gradient with the KL divergence's gradient, P exaggerated, Q = kernels / sum. */
    private static void gradient(
            double[][] p,
            double[][] q,
            double sum,
            double exaggeration,
            double[][] y,
            double[][] gradient) {
        int n = y.length;
        for (int i = 0; i < n; i++) {
            gradient[i][0] = 0;
            gradient[i][1] = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double force = (exaggeration * p[i][j] - Math.max(q[i][j] / sum, 1e-12)) * q[i][j];
                gradient[i][0] += 4 * force * (y[i][0] - y[j][0]);
                gradient[i][1] += 4 * force * (y[i][1] - y[j][1]);
            }
        }
    }

    /** Symmetric joint probabilities P from per-point Gaussian conditionals of given perplexity. */
    static double[][] affinities(double[][] distances, double perplexity) {
        int n = distances.length;
        double[][] conditional = new double[n][n];
        double targetEntropy = Math.log(perplexity);
        for (int i = 0; i < n; i++) {
            double beta = 1;
            double low = Double.NEGATIVE_INFINITY;
            double high = Double.POSITIVE_INFINITY;
            for (int attempt = 0; attempt < 60; attempt++) {
                double entropy = rowEntropy(distances[i], i, beta, conditional[i]);
                double difference = entropy - targetEntropy;
                if (Math.abs(difference) < 1e-6) {
                    break;
                }
                if (difference > 0) {
                    low = beta;
                    beta = Double.isInfinite(high) ? beta * 2 : (beta + high) / 2;
                } else {
                    high = beta;
                    beta = Double.isInfinite(low) ? beta / 2 : (beta + low) / 2;
                }
            }
        }
        double[][] joint = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                joint[i][j] = Math.max((conditional[i][j] + conditional[j][i]) / (2 * n), 1e-12);
            }
        }
        return joint;
    }

    /** Fills row with P(j|i) for kernel precision beta and returns its Shannon entropy (nats). */
    private static double rowEntropy(double[] distances, int self, double beta, double[] row) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < distances.length; j++) {
            if (j != self) {
                min = Math.min(min, distances[j]);
            }
        }
        double sum = 0;
        for (int j = 0; j < distances.length; j++) {
            row[j] = j == self ? 0 : Math.exp(-beta * (distances[j] - min));
            sum += row[j];
        }
        double entropy = 0;
        for (int j = 0; j < distances.length; j++) {
            row[j] /= sum;
            if (row[j] > 0) {
                entropy -= row[j] * Math.log(row[j]);
            }
        }
        return entropy;
    }

    private static double[][] squaredDistances(double[][] points) {
        int n = points.length;
        int dimension = points[0].length;
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (points[i].length != dimension) {
                throw new IllegalArgumentException(
                        "Point "
                                + i
                                + " has "
                                + points[i].length
                                + " dimensions, expected "
                                + dimension);
            }
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int d = 0; d < dimension; d++) {
                    double diff = points[i][d] - points[j][d];
                    sum += diff * diff;
                }
                distances[i][j] = sum;
                distances[j][i] = sum;
            }
        }
        return distances;
    }

    private static void centre(double[][] y) {
        double mx = 0;
        double my = 0;
        for (double[] row : y) {
            mx += row[0];
            my += row[1];
        }
        mx /= y.length;
        my /= y.length;
        for (double[] row : y) {
            row[0] -= mx;
            row[1] -= my;
        }
    }

    private static double gaussian(SeededRandom random) {
        double u = Math.max(random.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Builds a {@link Tsne}. */
    public static final class Builder {

        private double perplexity = 30;
        private int iterations = 1000;
        private long seed;

        Builder() {}

        /**
         * Sets the perplexity, roughly the number of neighbours each point keeps (30 by default;
         * capped at (n−1)/3 for small sets).
         *
         * @param perplexity a value above 1
         * @return this builder
         */
        public Builder optPerplexity(double perplexity) {
            this.perplexity = perplexity;
            return this;
        }

        /**
         * Sets the number of gradient steps (1000 by default).
         *
         * @param iterations at least 1
         * @return this builder
         */
        public Builder optIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /**
         * Sets the seed of the initial layout.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the t-SNE.
         *
         * @return the t-SNE
         * @throws IllegalArgumentException if a value is out of range
         */
        public Tsne build() {
            if (!(perplexity > 1)) {
                throw new IllegalArgumentException("Perplexity must be above 1, got " + perplexity);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException(
                        "Iterations must be at least 1, got " + iterations);
            }
            return new Tsne(this);
        }
    }
}
