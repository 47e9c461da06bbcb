/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import io.github.vificlip.data.sampling.FrameSampler;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.VideoTensor;
import io.github.vificlip.data.transform.VideoTransform;
import io.github.vificlip.data.video.RgbFrame;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Decodes, samples and transforms one video into a prepared clip: open, read the frame count, pick
 * frame indices with the sampler, decode just those frames, transform them. Stateless and
 * thread-safe; {@link VideoDataset} runs one per record.
 */
public final class ClipLoader {

    private final VideoDecoder decoder;
    private final FrameSampler sampler;
    private final VideoTransform transform;

    /**
     * Creates a loader.
     *
     * @param decoder the decoding backend
     * @param sampler chooses the frames
     * @param transform prepares them
     */
    public ClipLoader(VideoDecoder decoder, FrameSampler sampler, VideoTransform transform) {
        this.decoder = decoder;
        this.sampler = sampler;
        this.transform = transform;
    }

    /**
     * Creates the loader of the reference's test preparation: T frames at segment centres for one
     * clip, or clips spread evenly over each segment ({@link SegmentSampler#multiView}); then one
     * centre crop or three crops ({@link EvalTransform}).
     *
     * @param decoder the decoding backend
     * @param frames the frames per view (T)
     * @param clips the temporal clips per video
     * @param crops the spatial crops per clip (1 or 3)
     * @param size the crop size in pixels
     * @return a loader whose clips are {@code [clips * crops * T, 3, size, size]}, crop-major
     */
    public static ClipLoader forTesting(
            VideoDecoder decoder, int frames, int clips, int crops, int size) {
        return new ClipLoader(
                decoder,
                clips == 1 ? SegmentSampler.test(frames) : SegmentSampler.multiView(frames, clips),
                EvalTransform.builder().optSize(size).optCrops(crops).build());
    }

    /**
     * Returns the sampler.
     *
     * @return the frame sampler
     */
    public FrameSampler sampler() {
        return sampler;
    }

    /**
     * Returns the transform.
     *
     * @return the video transform
     */
    public VideoTransform transform() {
        return transform;
    }

    /**
     * Loads one clip. The sampler draws first, then the transform, from the same random source.
     *
     * @param path the video file
     * @param random the random source for this clip
     * @return {@code [views * T, 3, size, size]} with views = clips x crops, crop-major
     * @throws IOException if the video cannot be opened or decoded (names the file)
     */
    public VideoTensor load(Path path, SplittableRandom random) throws IOException {
        try (VideoReader reader = decoder.open(path)) {
            int[] indices = sampler.sample(reader.info().frameCount(), random);
            RgbFrame[] frames = reader.read(indices);
            return transform.apply(frames, random);
        }
    }
}
