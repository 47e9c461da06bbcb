/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.data.video.VideoDecoder;

/** Training and evaluation datasets with the reference's sampling and transforms. */
public final class VideoDatasets {

    private VideoDatasets() {}

    /**
     * The short side the reference resizes to before a crop of {@code size}: int(256/224·size).
     *
     * @param size the crop size in pixels
     * @return the short side in pixels
     */
    public static int shortSide(int size) {
        return (int) (256.0 / 224 * size);
    }

    /**
     * TSN training sampling and the reference's augmentation.
     *
     * @param videos the videos
     * @param frames the frames per clip (T)
     * @param size the crop size in pixels
     * @param seed the seed of sampling and augmentation
     * @param failFast whether an unreadable video stops the pass
     * @param threads the decoding threads
     * @param decoder the video decoding backend
     * @return the dataset
     */
    public static VideoDataset training(
            VideoList videos,
            int frames,
            int size,
            long seed,
            boolean failFast,
            int threads,
            VideoDecoder decoder) {
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
                .optDecoder(decoder)
                .build();
    }

    /**
     * Test sampling: segment centres for one clip, several clips otherwise; one centre crop or
     * three crops (short side {@code size}, as the reference).
     *
     * <p>An unreadable video is not replaced: reading it throws, for the evaluator to leave it out
     * of the metrics and report it.
     *
     * @param videos the videos
     * @param frames the frames per clip (T)
     * @param clips the clips per video
     * @param crops the crops per clip (1 or 3)
     * @param size the crop size in pixels
     * @param seed the seed of random clip positions
     * @param randomClips whether several clips start at random positions instead of evenly
     * @param failFast whether an unreadable video stops the pass
     * @param threads the decoding threads
     * @param decoder the video decoding backend
     * @return the dataset
     */
    public static VideoDataset evaluation(
            VideoList videos,
            int frames,
            int clips,
            int crops,
            int size,
            long seed,
            boolean randomClips,
            boolean failFast,
            int threads,
            VideoDecoder decoder) {
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
                .optReplaceUnreadable(false)
                .optDecodeThreads(threads)
                .optDecoder(decoder)
                .build();
    }
}
