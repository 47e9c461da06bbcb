/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import ai.djl.util.Progress;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoEntry;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.BaseNovelSplit;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the demo's video benchmark: real MP4 (H.264) files of coloured shapes moving in several
 * ways, with compositional class names, split base/novel by {@link LatinSquareSplit}. Training
 * videos are written for the base classes only (novel classes are never trained on); test videos
 * for every class.
 *
 * <pre>{@code
 * BenchmarkFiles files = SyntheticBenchmark.builder()
 *         .setSplit(LatinSquareSplit.of(4, 1))
 *         .optVideosPerClass(16, 4)
 *         .build()
 *         .write(Path.of("demo-report/benchmark"), progress);
 * }</pre>
 *
 * <p>Every video's look is drawn from its own random stream, seeded from the benchmark seed and the
 * video's number, so a seed gives the same benchmark whatever the number of threads.
 */
public final class SyntheticBenchmark {

    private final LatinSquareSplit split;
    private final int trainPerClass;
    private final int testPerClass;
    private final int width;
    private final int height;
    private final int frames;
    private final long seed;
    private final int threads;

    private SyntheticBenchmark(Builder builder) {
        this.split = builder.split;
        this.trainPerClass = builder.trainPerClass;
        this.testPerClass = builder.testPerClass;
        this.width = builder.width;
        this.height = builder.height;
        this.frames = builder.frames;
        this.seed = builder.seed;
        this.threads = builder.threads;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the class split the benchmark is written for.
     *
     * @return the split
     */
    public LatinSquareSplit split() {
        return split;
    }

    /**
     * Returns the number of video files {@link #write} produces.
     *
     * @return training videos of the base classes plus test videos of every class
     */
    public int videoCount() {
        return split.base().size() * trainPerClass + split.all().size() * testPerClass;
    }

    /**
     * Writes the videos, label CSVs and list files into a folder.
     *
     * @param root the folder (created if missing); videos go to its {@code videos/} subfolder
     * @param progress reports each finished video
     * @return where the files are
     * @throws IOException if a file cannot be written
     */
    public BenchmarkFiles write(Path root, Progress progress) throws IOException {
        BenchmarkFiles files = BenchmarkFiles.in(root);
        Files.createDirectories(root.resolve("videos"));
        List<CompositionalClass> classes = split.all();
        LabelMap all = LabelMap.of(classes.stream().map(CompositionalClass::name).toList());
        all.writeCsv(files.labels());
        LabelMap.of(split.base().stream().map(CompositionalClass::name).toList())
                .writeCsv(files.baseLabels());
        LabelMap.of(split.novel().stream().map(CompositionalClass::name).toList())
                .writeCsv(files.novelLabels());

        List<Job> jobs = new ArrayList<>();
        List<VideoEntry> train = new ArrayList<>();
        List<VideoEntry> val = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            CompositionalClass composition = classes.get(label);
            String stem = composition.name().replace(' ', '_');
            int trainVideos = split.isNovel(composition) ? 0 : trainPerClass;
            for (int k = 0; k < trainVideos + testPerClass; k++) {
                boolean training = k < trainVideos;
                String path =
                        String.format(
                                Locale.ROOT,
                                "videos/%s_%s%02d.mp4",
                                stem,
                                training ? "train" : "test",
                                training ? k : k - trainVideos);
                (training ? train : val).add(new VideoEntry(path, label));
                jobs.add(new Job(root.resolve(path), composition, jobs.size()));
            }
        }
        encode(jobs, progress);

        VideoList trainList = VideoList.of(root, all, train);
        VideoList valList = VideoList.of(root, all, val);
        trainList.write(files.train());
        valList.write(files.val());
        BaseNovelSplit baseNovel =
                BaseNovelSplit.fromLabelFiles(all, files.baseLabels(), files.novelLabels());
        baseNovel.baseList(trainList).write(files.baseTrain());
        baseNovel.baseList(valList).write(files.baseVal());
        baseNovel.novelList(valList).write(files.novelVal());
        return files;
    }

    private record Job(Path file, CompositionalClass composition, int number) {}

    private void encode(List<Job> jobs, Progress progress) throws IOException {
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(width, height)
                        .build();
        progress.reset("Writing " + jobs.size() + " videos", jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Job job : jobs) {
                done.add(
                        pool.submit(
                                () -> {
                                    SplittableRandom random =
                                            new SplittableRandom(
                                                    seed * 0x9E3779B97F4A7C15L + job.number());
                                    writer.write(
                                            job.file(),
                                            frames,
                                            ClipPainter.random(
                                                    job.composition(),
                                                    width,
                                                    height,
                                                    frames,
                                                    random));
                                    progress.increment(1);
                                    return null;
                                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing the benchmark videos");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Cannot write a benchmark video: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            progress.end();
        }
    }

    /** Builds a {@link SyntheticBenchmark}. */
    public static final class Builder {

        private LatinSquareSplit split;
        private int trainPerClass = 16;
        private int testPerClass = 4;
        private int width = 64;
        private int height = 64;
        private int frames = 32;
        private long seed = 7;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

        Builder() {}

        /**
         * Sets the classes and their base/novel division (required).
         *
         * @param split the split
         * @return this builder
         */
        public Builder setSplit(LatinSquareSplit split) {
            this.split = split;
            return this;
        }

        /**
         * Sets how many videos each class gets (16 training, 4 test by default).
         *
         * @param train training videos per base class, at least 1
         * @param test test videos per class, at least 1
         * @return this builder
         */
        public Builder optVideosPerClass(int train, int test) {
            this.trainPerClass = train;
            this.testPerClass = test;
            return this;
        }

        /**
         * Sets the frame size of the videos (64×64 by default).
         *
         * @param width the width in pixels, even
         * @param height the height in pixels, even
         * @return this builder
         */
        public Builder optVideoSize(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Sets the length of every video (32 frames by default, 1.28 s at 25 frames per second).
         *
         * @param frames at least 2
         * @return this builder
         */
        public Builder optFrames(int frames) {
            this.frames = frames;
            return this;
        }

        /**
         * Sets the seed every video's look derives from.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets how many videos are encoded at once (all cores by default).
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException if the split is missing or a value is out of range
         */
        public SyntheticBenchmark build() {
            if (split == null) {
                throw new IllegalArgumentException("setSplit(LatinSquareSplit) is required");
            }
            if (trainPerClass < 1 || testPerClass < 1) {
                throw new IllegalArgumentException(
                        "Every class needs at least one training and one test video, got "
                                + trainPerClass
                                + " and "
                                + testPerClass);
            }
            if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException(
                        "The video size must be even and at least 16x16, got "
                                + width
                                + "x"
                                + height);
            }
            if (frames < 2 || threads < 1) {
                throw new IllegalArgumentException(
                        "Videos need at least 2 frames and writing at least 1 thread, got "
                                + frames
                                + " and "
                                + threads);
            }
            return new SyntheticBenchmark(this);
        }
    }
}
