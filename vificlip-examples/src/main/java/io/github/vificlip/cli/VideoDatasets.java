/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;

/** Training and evaluation datasets with the reference's sampling and transforms. */
final class VideoDatasets {

    private VideoDatasets() {}

    /** The short side the reference resizes to before a crop of {@code size}: int(256/224·size). */
    static int shortSide(int size) {
        return (int) (256.0 / 224 * size);
    }

    /** TSN training sampling and the reference's augmentation. */
    static VideoDataset training(
            VideoList videos, int frames, int size, long seed, boolean failFast, int threads) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.train(frames))
                .setTransform(
                        TrainTransform.builder()
                                .optSize(size)
                                .optShortSide(shortSide(size))
                                .build())
                .optSeed(seed)
                .optFailFast(failFast)
                .optDecodeThreads(threads)
                .setSampling(1, false)
                .build();
    }

    /**
     * Test sampling: segment centres for one clip, several clips otherwise; one centre crop or
     * three crops (short side {@code size}, as the reference).
     */
    static VideoDataset evaluation(
            VideoList videos,
            int frames,
            int clips,
            int crops,
            int size,
            long seed,
            boolean randomClips,
            boolean failFast,
            int threads) {
        SegmentSampler sampler =
                clips == 1
                        ? SegmentSampler.test(frames)
                        : randomClips
                                ? SegmentSampler.multiViewRandom(frames, clips)
                                : SegmentSampler.multiView(frames, clips);
        EvalTransform transform =
                EvalTransform.builder()
                        .optSize(size)
                        .optCrops(crops)
                        .optShortSide(crops == 1 ? shortSide(size) : size)
                        .build();
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(sampler)
                .setTransform(transform)
                .optSeed(seed)
                .optFailFast(failFast)
                .optDecodeThreads(threads)
                .setSampling(1, false)
                .build();
    }
}
