/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.sampling;

import java.util.SplittableRandom;

/**
 * Chooses which frames of a video a clip is made of. A sampler returns {@link #clips()} temporal
 * clips of {@link #framesPerClip()} frame indices each, concatenated clip by clip.
 *
 * <p>Samplers are stateless: all randomness comes from the {@link SplittableRandom} passed in, so
 * the same seed gives the same indices on any machine and in any thread.
 */
public interface FrameSampler {

    /**
     * Returns T, the number of frames in one clip.
     *
     * @return frames per clip
     */
    int framesPerClip();

    /**
     * Returns the number of temporal clips drawn per video (1 except for multi-view testing).
     *
     * @return the clip count
     */
    int clips();

    /**
     * Returns the frame indices for a video.
     *
     * @param frameCount the video's frame count, at least 1
     * @param random the source of randomness (unused by deterministic samplers)
     * @return {@code clips() * framesPerClip()} indices in {@code [0, frameCount)}, clip-major
     * @throws IllegalArgumentException if {@code frameCount} is not positive
     */
    int[] sample(int frameCount, SplittableRandom random);
}
