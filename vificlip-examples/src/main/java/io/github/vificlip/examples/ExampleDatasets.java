/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;

/**
 * The datasets the training examples read from their video lists: ViFi-CLIP's TSN sampling (the
 * clip is cut into T segments, one frame from each) and its preprocessing, at the model's input
 * size.
 */
final class ExampleDatasets {

    private ExampleDatasets() {}

    /**
     * Training clips: a random frame per segment and the reference's augmentation (multi-scale
     * crop, flip, colour jitter, grayscale).
     */
    static VideoDataset training(VideoList videos, int frames, int size) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.train(frames))
                .setTransform(TrainTransform.builder().optSize(size).build())
                .build();
    }

    /** Single-view test clips: the T segment centres, resized and centre-cropped. */
    static VideoDataset test(VideoList videos, int frames, int size) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.test(frames))
                .setTransform(EvalTransform.builder().optSize(size).build())
                .build();
    }
}
