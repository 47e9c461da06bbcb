/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.FrameSampler;
import io.github.vificlip.data.transform.VideoTensor;
import io.github.vificlip.data.transform.VideoTransform;
import io.github.vificlip.data.video.VideoDecodeException;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DJL dataset of video clips for training and evaluation. Each record is {@code data =
 * NDList(video)} with {@code video} float32 {@code [V*T, 3, H, W]} and {@code labels =
 * NDList(label)} with {@code label} an int64 scalar (the row of the label CSV). V = {@link
 * #views()} is 1 for training and single-view testing, and clips x crops for multi-view testing,
 * crop-major: each run of T = {@link #framesPerView()} frames is one (crop, clip) view.
 *
 * <pre>{@code
 * VideoDataset train = VideoDataset.builder()
 *         .setVideos(VideoList.read(listFile, root, LabelMap.readCsv(labelCsv)))
 *         .setSampler(SegmentSampler.train(32))
 *         .setTransform(TrainTransform.builder().build())
 *         .optSeed(1024)
 *         .setSampling(4, true)
 *         .build();
 * for (Batch batch : train.getData(manager)) { ... }   // decodes on optDecodeThreads threads
 * }</pre>
 *
 * <p>Without {@code setSampling} the dataset reads records one by one in order, which is what the
 * trainer and the evaluator need: they read records with {@link #get} and batch them themselves.
 *
 * <p><b>Randomness.</b> Every record draws from its own {@link SplittableRandom} seeded from (seed,
 * pass, index): the same seed gives the same clips on any machine, in any thread order, and each
 * pass over the data ({@link #getData}) gets fresh augmentations. A training loop that reads
 * records with {@link #get} itself calls {@link #setPass} with the epoch first, so that a resumed
 * run draws the augmentations an uninterrupted one would.
 *
 * <p><b>Unreadable videos.</b> A video that cannot be opened or decoded is logged with its path and
 * reason, counted, remembered (not decoded again) and replaced by the next readable video in the
 * list (lists are usually grouped by class, so the replacement tends to share the label). With
 * {@code optFailFast(true)} the first failure throws instead; with {@code
 * optReplaceUnreadable(false)} (evaluation) every unreadable video throws {@link
 * UnreadableVideoException}, for the caller to leave out and report. Only a video's own failure
 * marks it: a pass that is stopped (its threads interrupted) marks nothing. When a pass from {@link
 * #getData} ends, a summary of that pass's failures is logged; {@link #failures()} gives them to
 * code.
 */
public final class VideoDataset extends RandomAccessDataset {

    private final VideoList videos;
    private final ClipLoader loader;
    private final long seed;
    private final boolean failFast;
    private final int maxReplacements;
    private final boolean replaceUnreadable;
    private final int decodeThreads;
    private final FailureLog failures;
    private final AtomicInteger pass = new AtomicInteger();
    private ExecutorService pool;

    private VideoDataset(Builder builder) {
        super(builder);
        this.videos = builder.videos;
        this.loader = new ClipLoader(builder.decoder, builder.sampler, builder.transform);
        this.seed = builder.seed;
        this.failFast = builder.failFast;
        this.maxReplacements = builder.maxReplacements;
        this.replaceUnreadable = builder.replaceUnreadable;
        this.decodeThreads = builder.decodeThreads;
        this.failures =
                new FailureLog(
                        "Dataset of " + videos.size() + " videos in " + videos.root(),
                        replaceUnreadable);
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
     * Returns the videos.
     *
     * @return the list the dataset reads
     */
    public VideoList videos() {
        return videos;
    }

    /**
     * Returns the class names in label order (the rows of the label CSV).
     *
     * @return the names
     */
    public List<String> classNames() {
        return videos.labels().names();
    }

    /**
     * Returns T, the frames of one view.
     *
     * @return frames per view
     */
    public int framesPerView() {
        return loader.sampler().framesPerClip();
    }

    /**
     * Returns V, the views per record: temporal clips times spatial crops.
     *
     * @return views per record
     */
    public int views() {
        return loader.sampler().clips() * loader.transform().crops();
    }

    /**
     * Returns the record of failures.
     *
     * @return the failure log
     */
    public FailureLog failures() {
        return failures;
    }

    /**
     * Sets the pass (epoch) whose augmentations {@link #get} draws from now on; {@link #getData}
     * starts the pass after it.
     *
     * @param pass the pass number, for example the epoch from 0
     */
    public void setPass(int pass) {
        this.pass.set(pass);
    }

    /**
     * Returns the pass whose augmentations {@link #get} draws.
     *
     * @return the current pass number
     */
    public int getPass() {
        return pass.get();
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        int size = videos.size();
        int candidate = Math.toIntExact(index);
        int passNumber = pass.get();
        for (int attempt = 0; attempt <= maxReplacements; attempt++) {
            if (failures.isKnownBad(candidate)) {
                failures.recordSkipped(candidate);
                if (!replaceUnreadable) {
                    throw new UnreadableVideoException(failures.knownFailure(candidate), null);
                }
            } else {
                Path path = videos.resolve(candidate);
                try {
                    VideoTensor clip = loader.load(path, random(passNumber, index, attempt));
                    return new Record(
                            new NDList(clip.toNDArray(manager)),
                            new NDList(manager.create((long) videos.get(candidate).label())));
                } catch (IOException | RuntimeException e) {
                    failed(candidate, path, e);
                }
            }
            candidate = (candidate + 1) % size;
        }
        throw new IOException(
                "Video "
                        + index
                        + " ("
                        + videos.resolve(Math.toIntExact(index))
                        + ") and the "
                        + maxReplacements
                        + " videos after it are all unreadable; see the failure summary");
    }

    /**
     * Handles one video's failure: an interruption (the pass was stopped) is passed on without
     * marking the video; the video's own failure is recorded, then thrown when failing fast or not
     * replacing.
     */
    private void failed(int candidate, Path path, Exception e) throws IOException {
        if (e instanceof InterruptedIOException || Thread.currentThread().isInterrupted()) {
            InterruptedIOException stopped =
                    new InterruptedIOException("Stopped while loading " + path);
            stopped.initCause(e);
            throw stopped;
        }
        String reason =
                e instanceof VideoDecodeException decode
                        ? decode.reason()
                        : e.getMessage() != null ? e.getMessage() : e.toString();
        DecodeFailure failure = new DecodeFailure(candidate, path, reason);
        failures.record(failure);
        if (failFast) {
            throw e instanceof IOException io
                    ? io
                    : new IOException("Cannot load " + path + ": " + reason, e);
        }
        if (!replaceUnreadable) {
            throw new UnreadableVideoException(failure, e);
        }
    }

    private SplittableRandom random(int passNumber, long index, int attempt) {
        long z = mix(seed);
        z = mix(z ^ passNumber);
        z = mix(z ^ index);
        return new SplittableRandom(mix(z ^ attempt));
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Iterates over one pass of batches. Without an executor of your own, records are decoded on
     * the dataset's {@code optDecodeThreads} daemon threads. Each call starts a new pass (fresh
     * augmentations); when the iteration ends, the pass's failures are summarised in the log.
     *
     * @param manager the manager for the batches
     * @param sampler the batch sampler
     * @param executor decodes batches in parallel, or {@code null} for the dataset's own threads
     * @return the batches of one pass
     * @throws IOException if preparing the dataset fails
     * @throws TranslateException if a pipeline fails
     */
    @Override
    public Iterable<Batch> getData(NDManager manager, Sampler sampler, ExecutorService executor)
            throws IOException, TranslateException {
        pass.incrementAndGet();
        ExecutorService decoding = executor != null ? executor : decodePool();
        Iterator<Batch> batches = super.getData(manager, sampler, decoding).iterator();
        Iterator<Batch> endOfPass =
                new Iterator<>() {
                    private boolean ended;

                    @Override
                    public boolean hasNext() {
                        boolean more = batches.hasNext();
                        if (!more && !ended) {
                            ended = true;
                            failures.endPass();
                        }
                        return more;
                    }

                    @Override
                    public Batch next() {
                        return batches.next();
                    }
                };
        return () -> endOfPass;
    }

    private synchronized ExecutorService decodePool() {
        if (decodeThreads <= 1) {
            return null;
        }
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            pool =
                    Executors.newFixedThreadPool(
                            decodeThreads,
                            task -> {
                                Thread thread =
                                        new Thread(
                                                task, "vificlip-decode-" + count.incrementAndGet());
                                thread.setDaemon(true);
                                return thread;
                            });
        }
        return pool;
    }

    @Override
    protected long availableSize() {
        return videos.size();
    }

    @Override
    public void prepare(Progress progress) {
        // Videos are read on demand; nothing to download or index.
    }

    /** Builds a {@link VideoDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {

        private VideoList videos;
        private FrameSampler sampler;
        private VideoTransform transform;
        private VideoDecoder decoder;
        private long seed = 1024;
        private boolean failFast;
        private int maxReplacements = 10;
        private boolean replaceUnreadable = true;
        private int decodeThreads = Runtime.getRuntime().availableProcessors();

        /** Records one by one, in order, until {@code setSampling} says otherwise. */
        private Builder() {
            setSampling(1, false);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the videos and their labels (required).
         *
         * @param videos the list
         * @return this builder
         */
        public Builder setVideos(VideoList videos) {
            this.videos = videos;
            return this;
        }

        /**
         * Sets the frame sampler (required), e.g. {@code SegmentSampler.train(32)}.
         *
         * @param sampler the sampler
         * @return this builder
         */
        public Builder setSampler(FrameSampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /**
         * Sets the transform (required), e.g. {@code TrainTransform.builder().build()}.
         *
         * @param transform the transform
         * @return this builder
         */
        public Builder setTransform(VideoTransform transform) {
            this.transform = transform;
            return this;
        }

        /**
         * Sets the decoding backend (default {@link VideoDecoders#byDefault()}: Humble Video, or
         * FFmpeg 8 where only that backend is on the class path).
         *
         * @param decoder the decoder
         * @return this builder
         */
        public Builder optDecoder(VideoDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Sets the seed of all sampling and augmentation (default 1024, the reference's).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Makes the first unreadable video throw instead of being replaced (default false).
         *
         * @param failFast whether to fail fast
         * @return this builder
         */
        public Builder optFailFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets how many following videos are tried in place of an unreadable one (default 10).
         *
         * @param replacements 0 or more
         * @return this builder
         */
        public Builder optMaxReplacements(int replacements) {
            this.maxReplacements = replacements;
            return this;
        }

        /**
         * Sets whether an unreadable video is replaced by the next readable one (default true, as
         * the reference trains). Evaluation sets false: {@link #get} then throws {@link
         * UnreadableVideoException} for it, so that the caller leaves it out of the metrics and
         * reports it instead of scoring another video in its place.
         *
         * @param replace whether to replace
         * @return this builder
         */
        public Builder optReplaceUnreadable(boolean replace) {
            this.replaceUnreadable = replace;
            return this;
        }

        /**
         * Sets the threads that decode batches when {@link #getData} gets no executor (default: the
         * number of cores; 1 decodes on the caller's thread).
         *
         * @param threads 1 or more
         * @return this builder
         */
        public Builder optDecodeThreads(int threads) {
            this.decodeThreads = threads;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         * @throws IllegalArgumentException if a required part is missing or a value is out of range
         */
        public VideoDataset build() {
            if (videos == null || sampler == null || transform == null) {
                throw new IllegalArgumentException(
                        "setVideos(...), setSampler(...) and setTransform(...) are required");
            }
            if (videos.size() == 0) {
                throw new IllegalArgumentException("The video list is empty: " + videos);
            }
            if (maxReplacements < 0) {
                throw new IllegalArgumentException(
                        "maxReplacements must be >= 0, got " + maxReplacements);
            }
            if (decodeThreads < 1) {
                throw new IllegalArgumentException(
                        "decodeThreads must be >= 1, got " + decodeThreads);
            }
            if (decoder == null) {
                decoder = VideoDecoders.byDefault();
            }
            if (prefetchNumber <= 0) {
                prefetchNumber = 2 * decodeThreads;
            }
            return new VideoDataset(this);
        }
    }
}
