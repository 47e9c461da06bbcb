/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.split;

import io.github.vificlip.data.list.VideoEntry;
import io.github.vificlip.data.list.VideoList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws exactly K videos per class, as ViFi-CLIP's few-shot and base-to-novel training sets ({@code
 * train1_few_shot_K.txt}, {@code fs_base_s{1,2,3}_train.txt}).
 *
 * <p>Each class draws from its own random stream, derived from (seed, K, class), with SplitMix64
 * mixing and {@link SplittableRandom}: the same seed gives the same files on any machine and Java
 * version, the K-shot sets for different K are independent draws (not nested), and changing one
 * class's videos does not change another's draw. The selected videos keep their list order, class
 * by class.
 *
 * <pre>{@code
 * VideoList fewShot = KShotSampler.builder().setShots(16).optSeed(1).build().sample(split.baseList(train));
 * }</pre>
 */
public final class KShotSampler {

    private final int shots;
    private final long seed;
    private final boolean allowFewer;

    private KShotSampler(Builder builder) {
        this.shots = builder.shots;
        this.seed = builder.seed;
        this.allowFewer = builder.allowFewer;
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns K.
     *
     * @return videos per class
     */
    public int shots() {
        return shots;
    }

    /**
     * Returns the seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Draws K videos of every class.
     *
     * @param list the videos to draw from
     * @return a list with the same root and labels and K videos per class
     * @throws IllegalArgumentException if a class has fewer than K videos (naming it) and fewer are
     *     not allowed
     */
    public VideoList sample(VideoList list) {
        int classes = list.labels().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < list.size(); i++) {
            byClass.get(list.get(i).label()).add(i);
        }
        List<VideoEntry> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> videos = byClass.get(c);
            if (videos.size() < shots && !allowFewer) {
                throw new IllegalArgumentException(
                        "Class "
                                + c
                                + " \""
                                + list.labels().name(c)
                                + "\" has "
                                + videos.size()
                                + " videos, fewer than K="
                                + shots
                                + " (to take all of them: vificlip split k-shot --allow-fewer, or"
                                + " KShotSampler.builder().optAllowFewer(true))");
            }
            int take = Math.min(shots, videos.size());
            int[] pool = videos.stream().mapToInt(Integer::intValue).toArray();
            SplittableRandom random = new SplittableRandom(classSeed(c));
            for (int i = 0; i < take; i++) { // partial Fisher-Yates
                int j = i + random.nextInt(pool.length - i);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            int[] picked = Arrays.copyOf(pool, take);
            Arrays.sort(picked);
            for (int index : picked) {
                chosen.add(list.get(index));
            }
        }
        return list.withEntries(chosen);
    }

    private long classSeed(int label) {
        return mix(mix(mix(seed) ^ shots) ^ label);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Builds a {@link KShotSampler}. */
    public static final class Builder {

        private int shots;
        private long seed = 1;
        private boolean allowFewer;

        private Builder() {}

        /**
         * Sets K, the videos per class (required).
         *
         * @param shots K, at least 1
         * @return this builder
         */
        public Builder setShots(int shots) {
            this.shots = shots;
            return this;
        }

        /**
         * Sets the seed (default 1).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Lets a class with fewer than K videos contribute all of them instead of failing.
         *
         * @param allowFewer whether to allow it
         * @return this builder
         */
        public Builder optAllowFewer(boolean allowFewer) {
            this.allowFewer = allowFewer;
            return this;
        }

        /**
         * Builds the sampler.
         *
         * @return the sampler
         * @throws IllegalArgumentException if K is not positive
         */
        public KShotSampler build() {
            if (shots <= 0) {
                throw new IllegalArgumentException("setShots(K) needs K >= 1, got " + shots);
            }
            return new KShotSampler(this);
        }
    }
}
