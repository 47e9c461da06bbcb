/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;
import java.util.SplittableRandom;

/**
 * ViFi-CLIP's training augmentation, in the reference's order, one decision per clip:
 *
 * <ol>
 *   <li>resize the short side to 256 ({@code int(256/224*size)}), bilinear as cv2;
 *   <li>{@link MultiScaleCrop} (scales 1, .875, .75, .66; five fixed offsets);
 *   <li>resize the crop to {@code size x size};
 *   <li>horizontal flip with probability 0.5;
 *   <li>colour jitter with probability 0.8 (brightness .4, contrast .4, saturation .2, hue .1;
 *       factors and order drawn per frame);
 *   <li>grayscale with probability 0.2;
 *   <li>normalise (ImageNet statistics on 0-255 by default).
 * </ol>
 *
 * Random draws, in order: crop size pair, crop position, flip coin, jitter coin, the jitter
 * parameters of each frame (if jittering), grayscale coin.
 */
public final class TrainTransform implements VideoTransform {

    private final int size;
    private final int shortSide;
    private final MultiScaleCrop crop;
    private final double flipProbability;
    private final double jitterProbability;
    private final ColorJitter jitter;
    private final double grayscaleProbability;
    private final Normalization normalization;

    private TrainTransform(Builder builder) {
        this.size = builder.size;
        this.shortSide = builder.shortSide > 0 ? builder.shortSide : (int) (256.0 / 224 * size);
        this.crop = new MultiScaleCrop(size, builder.scales, builder.maxScaleGap);
        this.flipProbability = builder.flipProbability;
        this.jitterProbability = builder.jitterProbability;
        this.jitter = builder.jitter;
        this.grayscaleProbability = builder.grayscaleProbability;
        this.normalization = builder.normalization;
    }

    /**
     * Returns a builder with the reference's settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int crops() {
        return 1;
    }

    /**
     * Returns the short side frames are resized to before cropping.
     *
     * @return the short side, 256 for size 224
     */
    public int shortSide() {
        return shortSide;
    }

    @Override
    public VideoTensor apply(RgbFrame[] frames, SplittableRandom random) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("A clip needs at least one frame");
        }
        return apply(frames, decide(frames[0].width(), frames[0].height(), frames.length, random));
    }

    /**
     * The random decisions for one clip.
     *
     * @param crop the crop of the short-side-resized frame
     * @param flip whether to mirror the clip
     * @param jitters per-frame colour jitter parameters, or {@code null} for none
     * @param gray whether to turn the clip grey
     */
    record Decisions(CropBox crop, boolean flip, ColorJitter.Params[] jitters, boolean gray) {}

    /** Draws the decisions for a clip of {@code frames} frames of the given size. */
    Decisions decide(int width, int height, int frames, SplittableRandom random) {
        int[] resized = Crops.shortSideSize(width, height, shortSide);
        CropBox box = crop.choose(resized[0], resized[1], random);
        boolean flip = random.nextDouble() < flipProbability;
        ColorJitter.Params[] jitters = null;
        if (random.nextDouble() < jitterProbability) {
            jitters = new ColorJitter.Params[frames];
            for (int t = 0; t < frames; t++) {
                jitters[t] = jitter.draw(random);
            }
        }
        boolean gray = random.nextDouble() < grayscaleProbability;
        return new Decisions(box, flip, jitters, gray);
    }

    /** Applies drawn decisions. */
    VideoTensor apply(RgbFrame[] frames, Decisions decisions) {
        int width = frames[0].width();
        int height = frames[0].height();
        int[] resized = Crops.shortSideSize(width, height, shortSide);
        int frameValues = 3 * size * size;
        float[] out = new float[frames.length * frameValues];
        for (int t = 0; t < frames.length; t++) {
            RgbFrame frame = frames[t];
            if (frame.width() != width || frame.height() != height) {
                frame = BilinearResize.resize(frame, width, height);
            }
            frame = BilinearResize.resize(frame, resized[0], resized[1], decisions.crop());
            frame = BilinearResize.resize(frame, size, size);
            if (decisions.flip()) {
                frame = Crops.flipHorizontally(frame);
            }
            if (decisions.jitters() != null) {
                frame = ColorJitter.apply(frame, decisions.jitters()[t]);
            }
            if (decisions.gray()) {
                frame = PilColor.grayscale(frame);
            }
            normalization.writeChw(frame, out, t * frameValues);
        }
        return new VideoTensor(out, frames.length, size, size);
    }

    /** Builds a {@link TrainTransform}; the defaults are the reference's. */
    public static final class Builder {

        private int size = 224;
        private int shortSide;
        private double[] scales = MultiScaleCrop.DEFAULT_SCALES;
        private int maxScaleGap = 1;
        private double flipProbability = 0.5;
        private double jitterProbability = 0.8;
        private ColorJitter jitter = ColorJitter.REFERENCE;
        private double grayscaleProbability = 0.2;
        private Normalization normalization = Normalization.IMAGENET;

        private Builder() {}

        /**
         * Sets the output side (default 224).
         *
         * @param size the side in pixels
         * @return this builder
         */
        public Builder optSize(int size) {
            this.size = size;
            return this;
        }

        /**
         * Sets the short side before cropping (default {@code int(256/224*size)}, 256).
         *
         * @param shortSide the side in pixels
         * @return this builder
         */
        public Builder optShortSide(int shortSide) {
            this.shortSide = shortSide;
            return this;
        }

        /**
         * Sets the multi-scale crop scales and the largest scale-index gap (default 1, .875, .75,
         * .66 and 1).
         *
         * @param scales the scales, each in (0, 1]
         * @param maxScaleGap the gap
         * @return this builder
         */
        public Builder optCropScales(double[] scales, int maxScaleGap) {
            this.scales = scales.clone();
            this.maxScaleGap = maxScaleGap;
            return this;
        }

        /**
         * Sets the probability of flipping a clip (default 0.5; 0 for datasets where left and right
         * matter, which the reference does not do).
         *
         * @param probability 0 to 1
         * @return this builder
         */
        public Builder optFlipProbability(double probability) {
            this.flipProbability = probability;
            return this;
        }

        /**
         * Sets the colour jitter and the probability of applying it to a clip (default {@link
         * ColorJitter#REFERENCE} with 0.8).
         *
         * @param probability 0 to 1
         * @param jitter the strengths
         * @return this builder
         */
        public Builder optColorJitter(double probability, ColorJitter jitter) {
            this.jitterProbability = probability;
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the probability of turning a clip grey (default 0.2).
         *
         * @param probability 0 to 1
         * @return this builder
         */
        public Builder optGrayscaleProbability(double probability) {
            this.grayscaleProbability = probability;
            return this;
        }

        /**
         * Sets the normalisation (default {@link Normalization#IMAGENET}, as the reference).
         *
         * @param normalization the statistics
         * @return this builder
         */
        public Builder optNormalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /**
         * Builds the transform.
         *
         * @return the transform
         * @throws IllegalArgumentException if a value is out of range
         */
        public TrainTransform build() {
            if (size <= 0) {
                throw new IllegalArgumentException("Size must be positive, got " + size);
            }
            if (shortSide != 0 && shortSide < size) {
                throw new IllegalArgumentException(
                        "Short side " + shortSide + " is smaller than the output size " + size);
            }
            checkProbability("flip", flipProbability);
            checkProbability("colour jitter", jitterProbability);
            checkProbability("grayscale", grayscaleProbability);
            if (jitter == null || normalization == null) {
                throw new IllegalArgumentException("Jitter and normalisation must not be null");
            }
            return new TrainTransform(this);
        }

        private static void checkProbability(String name, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(
                        "The " + name + " probability must be in [0, 1], got " + p);
            }
        }
    }
}
