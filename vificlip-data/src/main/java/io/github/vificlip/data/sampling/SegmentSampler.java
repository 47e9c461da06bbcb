/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.sampling;

import java.util.SplittableRandom;

/**
 * TSN segment sampling, one frame per segment, as ViFi-CLIP (mmaction's {@code SampleFrames} with
 * {@code clip_len=1, frame_interval=1, num_clips=T}). With n frames and T segments:
 *
 * <ul>
 *   <li><b>train</b>: with {@code avg = n / T} (integer division) &gt; 0, frame {@code i} is {@code
 *       i*avg + uniform[0, avg)}, drawn independently per segment (frames past {@code T*avg} are
 *       never chosen); a video shorter than T frames takes {@code round(i*n/T)} with
 *       round-half-to-even;
 *   <li><b>test</b>: with {@code avg = n / T} as a real number, frame {@code i} is the segment
 *       centre {@code (int) (i*avg + avg/2)};
 *   <li><b>multi-view test</b> with C clips: by default deterministic clips, clip {@code c} taking
 *       {@code (int) (i*avg + avg*(c + 0.5)/C)} (C=1 is the test rule); or, as the reference does,
 *       C independent train-mode draws ({@link #multiViewRandom}).
 * </ul>
 *
 * All indices are taken modulo n. Example (test, n=300, T=32): 4, 14, 23, 32, 42, ..., 285, 295.
 */
public final class SegmentSampler implements FrameSampler {

    private enum Mode {
        TRAIN,
        TEST,
        UNIFORM_CLIPS
    }

    /**
     * The most frames one record may sample (frames per clip times clips): 32 times the paper's
     * largest setting (32 frames), and already about 600 MB of float pixels per 224-pixel crop.
     * Beyond it a clip cannot be held in memory (100,000 frames would be 60 GB).
     */
    public static final int MAX_FRAMES = 1024;

    private final Mode mode;
    private final int frames;
    private final int clips;

    private SegmentSampler(Mode mode, int frames, int clips) {
        if (frames <= 0) {
            throw new IllegalArgumentException("Frames per clip must be positive, got " + frames);
        }
        if (clips <= 0) {
            throw new IllegalArgumentException("Clip count must be positive, got " + clips);
        }
        if ((long) frames * clips > MAX_FRAMES) {
            throw new IllegalArgumentException(
                    "Too many frames per video: "
                            + frames
                            + " frames x "
                            + clips
                            + " clips = "
                            + (long) frames * clips
                            + ", more than "
                            + MAX_FRAMES
                            + " (the paper samples 8 to 32 frames per clip)");
        }
        this.mode = mode;
        this.frames = frames;
        this.clips = clips;
    }

    /**
     * Training sampling: a random frame in each of T segments.
     *
     * @param frames T, frames per clip
     * @return the sampler
     * @throws IllegalArgumentException if {@code frames} is not positive
     */
    public static SegmentSampler train(int frames) {
        return new SegmentSampler(Mode.TRAIN, frames, 1);
    }

    /**
     * Single-view test sampling: the centre frame of each of T segments.
     *
     * @param frames T, frames per clip
     * @return the sampler
     * @throws IllegalArgumentException if {@code frames} is not positive
     */
    public static SegmentSampler test(int frames) {
        return new SegmentSampler(Mode.TEST, frames, 1);
    }

    /**
     * Multi-view test sampling with deterministic clips: clip {@code c} takes the point at {@code
     * (c + 0.5)/C} of each segment.
     *
     * @param frames T, frames per clip
     * @param clips C, the number of temporal clips
     * @return the sampler
     * @throws IllegalArgumentException if a count is not positive
     */
    public static SegmentSampler multiView(int frames, int clips) {
        return new SegmentSampler(Mode.UNIFORM_CLIPS, frames, clips);
    }

    /**
     * Multi-view test sampling as the reference implements it: C independent training-mode draws.
     *
     * @param frames T, frames per clip
     * @param clips C, the number of temporal clips
     * @return the sampler
     * @throws IllegalArgumentException if a count is not positive
     */
    public static SegmentSampler multiViewRandom(int frames, int clips) {
        return new SegmentSampler(Mode.TRAIN, frames, clips);
    }

    @Override
    public int framesPerClip() {
        return frames;
    }

    @Override
    public int clips() {
        return clips;
    }

    @Override
    public int[] sample(int frameCount, SplittableRandom random) {
        if (frameCount <= 0) {
            throw new IllegalArgumentException(
                    "A video needs at least one frame to sample from, got " + frameCount);
        }
        int[] indices = new int[clips * frames];
        for (int c = 0; c < clips; c++) {
            int offset = c * frames;
            switch (mode) {
                case TRAIN -> trainClip(frameCount, random, indices, offset);
                case TEST -> pointClip(frameCount, 0.5, indices, offset);
                case UNIFORM_CLIPS -> pointClip(frameCount, (c + 0.5) / clips, indices, offset);
            }
        }
        return indices;
    }

    private void trainClip(int n, SplittableRandom random, int[] out, int offset) {
        int average = n / frames;
        for (int i = 0; i < frames; i++) {
            int index;
            if (average > 0) {
                index = i * average + random.nextInt(average);
            } else {
                index = (int) Math.rint(i * ((double) n / frames)); // numpy.around: half to even
            }
            out[offset + i] = index % n;
        }
    }

    private void pointClip(int n, double position, int[] out, int offset) {
        double average = (double) n / frames;
        for (int i = 0; i < frames; i++) {
            out[offset + i] = (int) (i * average + average * position) % n;
        }
    }

    @Override
    public String toString() {
        return "SegmentSampler[" + mode + ", T=" + frames + ", clips=" + clips + "]";
    }
}
