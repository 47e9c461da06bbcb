/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ViFi-CLIP's test preprocessing, deterministic:
 *
 * <ul>
 *   <li><b>one crop</b>: resize the short side to 256 ({@code int(256/224*size)}), centre crop
 *       {@code size}, normalise;
 *   <li><b>three crops</b>: resize the short side to {@code size}, take the left (top), right
 *       (bottom) and middle squares along the long side, normalise; output crop-major.
 * </ul>
 */
public final class EvalTransform implements VideoTransform {

    private final int size;
    private final int crops;
    private final int shortSide;
    private final Normalization normalization;

    private EvalTransform(Builder builder) {
        this.size = builder.size;
        this.crops = builder.crops;
        this.shortSide =
                builder.shortSide > 0
                        ? builder.shortSide
                        : crops == 3 ? size : (int) (256.0 / 224 * size);
        this.normalization = builder.normalization;
    }

    /**
     * Returns a builder with the reference's single-crop settings.
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
        return crops;
    }

    /**
     * Returns the short side frames are resized to before cropping.
     *
     * @return 256 for one crop of 224, 224 for three
     */
    public int shortSide() {
        return shortSide;
    }

    @Override
    public VideoTensor apply(RgbFrame[] frames, SplittableRandom random) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("A clip needs at least one frame");
        }
        int width = frames[0].width();
        int height = frames[0].height();
        int[] resized = Crops.shortSideSize(width, height, shortSide);
        List<CropBox> boxes =
                crops == 3
                        ? Crops.threeCrop(resized[0], resized[1], size)
                        : List.of(Crops.center(resized[0], resized[1], size));
        int frameValues = 3 * size * size;
        float[] out = new float[crops * frames.length * frameValues];
        for (int c = 0; c < boxes.size(); c++) {
            for (int t = 0; t < frames.length; t++) {
                RgbFrame frame = frames[t];
                if (frame.width() != width || frame.height() != height) {
                    frame = BilinearResize.resize(frame, width, height);
                }
                BilinearResize.resizeNormalized(
                        frame,
                        resized[0],
                        resized[1],
                        boxes.get(c),
                        normalization,
                        out,
                        (c * frames.length + t) * frameValues);
            }
        }
        return new VideoTensor(out, crops * frames.length, size, size);
    }

    /** Builds an {@link EvalTransform}. */
    public static final class Builder {

        private int size = 224;
        private int crops = 1;
        private int shortSide;
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
         * Sets the number of spatial crops: 1 (centre, default) or 3 (three-crop).
         *
         * @param crops 1 or 3
         * @return this builder
         */
        public Builder optCrops(int crops) {
            this.crops = crops;
            return this;
        }

        /**
         * Sets the short side before cropping (default 256 for one crop, the output size for three,
         * as the reference).
         *
         * @param shortSide the side in pixels
         * @return this builder
         */
        public Builder optShortSide(int shortSide) {
            this.shortSide = shortSide;
            return this;
        }

        /**
         * Sets the normalisation (default {@link Normalization#IMAGENET}).
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
        public EvalTransform build() {
            if (size <= 0) {
                throw new IllegalArgumentException("Size must be positive, got " + size);
            }
            if (crops != 1 && crops != 3) {
                throw new IllegalArgumentException("Crops must be 1 or 3, got " + crops);
            }
            if (shortSide != 0 && shortSide < size) {
                throw new IllegalArgumentException(
                        "Short side " + shortSide + " is smaller than the output size " + size);
            }
            if (crops == 3 && shortSide != 0 && shortSide != size) {
                throw new IllegalArgumentException(
                        "Three-crop resizes the short side to the crop size "
                                + size
                                + ", got short side "
                                + shortSide);
            }
            if (normalization == null) {
                throw new IllegalArgumentException("Normalisation must not be null");
            }
            return new EvalTransform(this);
        }
    }
}
