/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import io.github.vificlip.data.video.RgbFrame;
import java.util.SplittableRandom;

/**
 * Turns the decoded frames of one video into a normalised float clip {@code [N, 3, size, size]}.
 * Every random decision (crop, flip, jitter, grayscale) is made once per clip from the given random
 * source, except the colour-jitter factors, which are drawn per frame as in the reference.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface VideoTransform {

    /**
     * Returns the side of the square output frames.
     *
     * @return the output size, e.g. 224
     */
    int size();

    /**
     * Returns how many spatial crops each input frame produces (1, or 3 for three-crop testing).
     *
     * @return the crop count
     */
    int crops();

    /**
     * Transforms the frames of one video.
     *
     * @param frames the frames, clip by clip (all of one size)
     * @param random the random source for this clip
     * @return {@code crops() * frames.length} frames, crop-major
     * @throws IllegalArgumentException if there are no frames
     */
    VideoTensor apply(RgbFrame[] frames, SplittableRandom random);
}
