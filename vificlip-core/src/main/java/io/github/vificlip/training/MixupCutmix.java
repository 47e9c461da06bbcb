/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The reference's batch blending (X-CLIP's {@code CutmixMixupBlending} in {@code
 * datasets/blending.py}): soft targets with label smoothing folded in, then per batch either CutMix
 * (probability {@code switchProbability}) or Mixup with a random partner permutation.
 *
 * <p>Targets are {@code off = smoothing/classes} and {@code on = 1 − smoothing + off}. CutMix draws
 * λ ~ Beta(α<sub>c</sub>, α<sub>c</sub>), cuts a box of {@code int(W·√(1−λ)) × int(H·√(1−λ))}
 * centred at a uniform pixel, clamped to the frame, pastes it from the partner into <b>every
 * frame</b> and recomputes λ from the clamped area. Mixup draws λ ~ Beta(α<sub>m</sub>,
 * α<sub>m</sub>) and blends whole clips. An α of 0 turns that branch off; with both off only the
 * smoothed one-hot targets are made.
 */
public final class MixupCutmix {

    private final int numClasses;
    private final double labelSmoothing;
    private final double mixupAlpha;
    private final double cutmixAlpha;
    private final double switchProbability;

    /** The kind of blending applied to a batch. */
    public enum Kind {
        /** Whole clips blended with weight λ. */
        MIXUP,
        /** A box from the partner clip pasted into every frame. */
        CUTMIX,
        /** No blending: smoothed one-hot targets only. */
        NONE
    }

    /**
     * A blended batch.
     *
     * @param videos the blended clips, same shape as the input
     * @param targets soft targets [B, classes], each row summing to 1
     * @param kind the blending applied
     * @param lambda the weight of each clip's own label (1 for {@link Kind#NONE})
     */
    public record Blend(NDArray videos, NDArray targets, Kind kind, double lambda) {}

    private MixupCutmix(Builder builder) {
        this.numClasses = builder.numClasses;
        this.labelSmoothing = builder.labelSmoothing;
        this.mixupAlpha = builder.mixupAlpha;
        this.cutmixAlpha = builder.cutmixAlpha;
        this.switchProbability = builder.switchProbability;
    }

    /**
     * Returns a builder with the reference's settings (smoothing 0.1, Mixup α 0.8, CutMix α 1.0,
     * switch probability 0.5).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Blends a batch of clips.
     *
     * @param videos clips [B, ..., H, W] (for example [B,T,3,H,W]); not modified
     * @param labels the class index of each clip
     * @param random the stream the blending draws from
     * @return the blended clips (the input itself when nothing is blended; otherwise a new array
     *     owned by the clips' manager) and their soft targets
     * @throws IllegalArgumentException if a label is outside [0, classes) or the counts differ
     */
    public Blend blend(NDArray videos, long[] labels, SeededRandom random) {
        int batch = Math.toIntExact(videos.getShape().get(0));
        if (labels.length != batch) {
            throw new IllegalArgumentException(
                    "Got " + labels.length + " labels for a batch of " + batch + " clips");
        }
        float[][] oneHot = smoothedOneHot(labels);
        Kind kind = chooseKind(random);
        if (kind == Kind.NONE) {
            return new Blend(videos, targets(videos.getManager(), oneHot, null, 1), kind, 1);
        }
        int[] partner = random.permutation(batch);
        NDManager manager = videos.getManager();
        try (NDManager scope = manager.newSubManager()) {
            NDArray partnerIndex = scope.create(toLongs(partner));
            if (kind == Kind.CUTMIX) {
                double lambda = random.nextBeta(cutmixAlpha);
                Shape shape = videos.getShape();
                int height = Math.toIntExact(shape.get(shape.dimension() - 2));
                int width = Math.toIntExact(shape.get(shape.dimension() - 1));
                double cutRatio = Math.sqrt(1 - lambda);
                int cutWidth = (int) (width * cutRatio);
                int cutHeight = (int) (height * cutRatio);
                int centreX = random.nextInt(width);
                int centreY = random.nextInt(height);
                int x1 = clamp(centreX - cutWidth / 2, width);
                int y1 = clamp(centreY - cutHeight / 2, height);
                int x2 = clamp(centreX + cutWidth / 2, width);
                int y2 = clamp(centreY + cutHeight / 2, height);
                NDArray blended = videos.duplicate();
                blended.attach(manager);
                if (x2 > x1 && y2 > y1) {
                    NDIndex box = new NDIndex("..., {}:{}, {}:{}", y1, y2, x1, x2);
                    blended.set(box, videos.get(partnerIndex).get(box));
                }
                double areaLambda = 1 - (double) (x2 - x1) * (y2 - y1) / ((double) width * height);
                return new Blend(
                        blended, targets(manager, oneHot, partner, areaLambda), kind, areaLambda);
            }
            double lambda = random.nextBeta(mixupAlpha);
            NDArray blended =
                    videos.mul((float) lambda)
                            .addi(videos.get(partnerIndex).muli((float) (1 - lambda)));
            blended.attach(manager);
            return new Blend(blended, targets(manager, oneHot, partner, lambda), kind, lambda);
        }
    }

    private Kind chooseKind(SeededRandom random) {
        boolean mixup = mixupAlpha > 0;
        boolean cutmix = cutmixAlpha > 0;
        if (mixup && cutmix) {
            return random.nextDouble() < switchProbability ? Kind.CUTMIX : Kind.MIXUP;
        }
        return cutmix ? Kind.CUTMIX : mixup ? Kind.MIXUP : Kind.NONE;
    }

    private float[][] smoothedOneHot(long[] labels) {
        float off = (float) (labelSmoothing / numClasses);
        float on = (float) (1 - labelSmoothing + labelSmoothing / numClasses);
        float[][] rows = new float[labels.length][numClasses];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "Label "
                                + labels[i]
                                + " of clip "
                                + i
                                + " is outside [0, "
                                + numClasses
                                + ")");
            }
            java.util.Arrays.fill(rows[i], off);
            rows[i][(int) labels[i]] = on;
        }
        return rows;
    }

    /** λ·own + (1−λ)·partner's targets, as a [B, classes] array. */
    private NDArray targets(NDManager manager, float[][] oneHot, int[] partner, double lambda) {
        int batch = oneHot.length;
        float[] flat = new float[batch * numClasses];
        for (int i = 0; i < batch; i++) {
            for (int c = 0; c < numClasses; c++) {
                double own = oneHot[i][c];
                double other = partner == null ? own : oneHot[partner[i]][c];
                flat[i * numClasses + c] = (float) (lambda * own + (1 - lambda) * other);
            }
        }
        return manager.create(flat, new Shape(batch, numClasses));
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private static long[] toLongs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Builds a {@link MixupCutmix}. */
    public static final class Builder {

        private int numClasses;
        private double labelSmoothing = 0.1;
        private double mixupAlpha = 0.8;
        private double cutmixAlpha = 1.0;
        private double switchProbability = 0.5;

        Builder() {}

        /**
         * Sets the number of classes, which sizes the targets.
         *
         * @param numClasses at least 1
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Sets the label smoothing folded into the targets (0.1 by default).
         *
         * @param labelSmoothing a value in [0, 1)
         * @return this builder
         */
        public Builder optLabelSmoothing(double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /**
         * Sets Mixup's Beta shape (0.8 by default; 0 turns Mixup off).
         *
         * @param alpha a value of 0 or more
         * @return this builder
         */
        public Builder optMixupAlpha(double alpha) {
            this.mixupAlpha = alpha;
            return this;
        }

        /**
         * Sets CutMix's Beta shape (1.0 by default; 0 turns CutMix off).
         *
         * @param alpha a value of 0 or more
         * @return this builder
         */
        public Builder optCutmixAlpha(double alpha) {
            this.cutmixAlpha = alpha;
            return this;
        }

        /**
         * Sets the probability of CutMix when both are on (0.5 by default).
         *
         * @param probability a value in [0, 1]
         * @return this builder
         */
        public Builder optSwitchProbability(double probability) {
            this.switchProbability = probability;
            return this;
        }

        /**
         * Builds the blending.
         *
         * @return the blending
         * @throws IllegalArgumentException if a value is out of range
         */
        public MixupCutmix build() {
            if (numClasses < 1) {
                throw new IllegalArgumentException(
                        "The number of classes must be at least 1, got " + numClasses);
            }
            if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
                throw new IllegalArgumentException(
                        "Label smoothing must be in [0, 1), got " + labelSmoothing);
            }
            if (!(mixupAlpha >= 0) || !(cutmixAlpha >= 0)) {
                throw new IllegalArgumentException(
                        "Mixup and CutMix alphas must be 0 or more, got "
                                + mixupAlpha
                                + " and "
                                + cutmixAlpha);
            }
            if (!(switchProbability >= 0 && switchProbability <= 1)) {
                throw new IllegalArgumentException(
                        "The switch probability must be in [0, 1], got " + switchProbability);
            }
            return new MixupCutmix(this);
        }
    }
}
