/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.ColorJitter;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;

/**
 * The demo's datasets: the reference's TSN sampling and test preprocessing, and its training
 * augmentation without what would destroy a class of the benchmark. Colour is a class attribute, so
 * there is no colour jitter or grayscale; the multi-scale crop keeps its two largest scales, so
 * that no crop cuts a path in half and changes its set of positions. Flips stay: mirroring a
 * horizontal line, a vertical line, a circle or a still object gives the same motion.
 */
public final class DemoDatasets {

    /** Crop scales that keep every path in the frame. */
    private static final double[] CROP_SCALES = {1, 0.875};

    private DemoDatasets() {}

    /**
     * Returns the training dataset: TSN sampling with a random frame per segment, the demo's
     * augmentation, resized to the model's input.
     *
     * @param videos the training list
     * @param frames frames per clip (T)
     * @param size the model's image size
     * @param seed the augmentation seed
     * @param threads decoding threads
     * @return the dataset
     */
    public static VideoDataset training(
            VideoList videos, int frames, int size, long seed, int threads) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.train(frames))
                .setTransform(
                        TrainTransform.builder()
                                .optSize(size)
                                .optCropScales(CROP_SCALES, 1)
                                .optColorJitter(0, ColorJitter.REFERENCE)
                                .optGrayscaleProbability(0)
                                .build())
                .optSeed(seed)
                .optFailFast(true)
                .optDecodeThreads(threads)
                .build();
    }

    /**
     * Returns an evaluation dataset: segment centres and one centre crop, as the reference tests.
     *
     * @param videos the test list
     * @param frames frames per clip (T)
     * @param size the model's image size
     * @param threads decoding threads
     * @return the dataset
     */
    public static VideoDataset evaluation(VideoList videos, int frames, int size, int threads) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.test(frames))
                .setTransform(EvalTransform.builder().optSize(size).build())
                .optFailFast(true)
                .optDecodeThreads(threads)
                .build();
    }
}
