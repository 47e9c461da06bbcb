/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

/**
 * The reference learning-rate schedule: timm's {@code CosineLRScheduler} stepped per loader
 * iteration, with a linear warm-up from 0 that is not subtracted from the cosine's clock (the
 * reference's {@code utils/optimizer.py}).
 *
 * <p>At iteration {@code t}: {@code t·lr/warmup} during warm-up; then {@code min + ½(lr − min)(1 +
 * cos(π·t/total))}; {@code min} from {@code total} on. The trainer applies the value computed at
 * the iteration of one optimizer step to the next step, and the very first step uses {@link
 * #initialLearningRate()} (0 with warm-up), as the reference does.
 */
public final class CosineWarmupSchedule {

    private final double baseLearningRate;
    private final double minLearningRate;
    private final long warmupIterations;
    private final long totalIterations;

    private CosineWarmupSchedule(Builder builder) {
        this.baseLearningRate = builder.baseLearningRate;
        this.minLearningRate = builder.minLearningRate;
        this.warmupIterations = builder.warmupIterations;
        this.totalIterations = builder.totalIterations;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the learning rate the schedule gives at a loader iteration.
     *
     * @param iteration the global loader iteration ({@code epoch · iterationsPerEpoch + index})
     * @return the learning rate
     */
    public double learningRate(long iteration) {
        if (iteration < warmupIterations) {
            return iteration * baseLearningRate / warmupIterations;
        }
        if (iteration >= totalIterations) {
            return minLearningRate;
        }
        double cosine = Math.cos(Math.PI * iteration / totalIterations);
        return minLearningRate + 0.5 * (baseLearningRate - minLearningRate) * (1 + cosine);
    }

    /**
     * Returns the learning rate of the first optimizer step, before the schedule has been stepped:
     * 0 when there is a warm-up (timm starts at {@code warmup_lr_init = 0}), the base rate
     * otherwise.
     *
     * @return the first step's learning rate
     */
    public double initialLearningRate() {
        return warmupIterations > 0 ? 0 : baseLearningRate;
    }

    /**
     * Returns the peak learning rate.
     *
     * @return the base learning rate
     */
    public double getBaseLearningRate() {
        return baseLearningRate;
    }

    /**
     * Returns the floor the cosine decays to.
     *
     * @return the minimum learning rate
     */
    public double getMinLearningRate() {
        return minLearningRate;
    }

    /**
     * Returns the length of the warm-up in loader iterations.
     *
     * @return the warm-up iterations
     */
    public long getWarmupIterations() {
        return warmupIterations;
    }

    /**
     * Returns the cosine's period in loader iterations (epochs × iterations per epoch).
     *
     * @return the total iterations
     */
    public long getTotalIterations() {
        return totalIterations;
    }

    /** Builds a {@link CosineWarmupSchedule}. */
    public static final class Builder {

        private double baseLearningRate = Double.NaN;
        private double minLearningRate = Double.NaN;
        private double minLearningRateRatio = 0.01;
        private long warmupIterations;
        private long totalIterations = -1;

        Builder() {}

        /**
         * Sets the peak learning rate reached at the end of the warm-up.
         *
         * @param learningRate a positive rate
         * @return this builder
         */
        public Builder setBaseLearningRate(double learningRate) {
            this.baseLearningRate = learningRate;
            return this;
        }

        /**
         * Sets the cosine's period: epochs × loader iterations per epoch.
         *
         * @param totalIterations a positive count
         * @return this builder
         */
        public Builder setTotalIterations(long totalIterations) {
            this.totalIterations = totalIterations;
            return this;
        }

        /**
         * Sets the warm-up length: warm-up epochs × loader iterations per epoch (0 by default).
         *
         * @param warmupIterations a count of 0 or more
         * @return this builder
         */
        public Builder optWarmupIterations(long warmupIterations) {
            this.warmupIterations = warmupIterations;
            return this;
        }

        /**
         * Sets the floor as a fraction of the base rate (0.01 by default, the reference's {@code
         * LR/100}).
         *
         * @param ratio a fraction in [0, 1]
         * @return this builder
         */
        public Builder optMinLearningRateRatio(double ratio) {
            this.minLearningRateRatio = ratio;
            this.minLearningRate = Double.NaN;
            return this;
        }

        /**
         * Sets the floor as an absolute rate instead of a ratio.
         *
         * @param minLearningRate a rate in [0, base]
         * @return this builder
         */
        public Builder optMinLearningRate(double minLearningRate) {
            this.minLearningRate = minLearningRate;
            return this;
        }

        /**
         * Builds the schedule.
         *
         * @return the schedule
         * @throws IllegalArgumentException if a value is missing or out of range
         */
        public CosineWarmupSchedule build() {
            if (!(baseLearningRate > 0) || Double.isInfinite(baseLearningRate)) {
                throw new IllegalArgumentException(
                        "The base learning rate must be a positive number, got "
                                + baseLearningRate);
            }
            if (totalIterations <= 0) {
                throw new IllegalArgumentException(
                        "The total number of iterations must be positive, got " + totalIterations);
            }
            if (warmupIterations < 0) {
                throw new IllegalArgumentException(
                        "Warm-up iterations must be 0 or more, got " + warmupIterations);
            }
            if (Double.isNaN(minLearningRate)) {
                if (!(minLearningRateRatio >= 0 && minLearningRateRatio <= 1)) {
                    throw new IllegalArgumentException(
                            "The floor ratio must be in [0, 1], got " + minLearningRateRatio);
                }
                minLearningRate = baseLearningRate * minLearningRateRatio;
            }
            if (!(minLearningRate >= 0 && minLearningRate <= baseLearningRate)) {
                throw new IllegalArgumentException(
                        "The floor must be in [0, base learning rate "
                                + baseLearningRate
                                + "], got "
                                + minLearningRate);
            }
            return new CosineWarmupSchedule(this);
        }
    }
}
