/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.github.vificlip.loading.ClipBatch;
import io.github.vificlip.loading.LoggingProgress;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.VideoClassificationBlock;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every video of a dataset against a list of class names, as the reference validates ({@code
 * validate} in {@code main.py}): each record holds V views of T frames ([V·T,3,H,W], crop-major),
 * every view is scored, the softmaxes are summed over views, and top-1/top-5, per-class accuracy
 * and the confusion matrix are accumulated.
 *
 * <p>While it runs the model is in {@link TuningMode#NONE}, so class text features are computed
 * once for the pass; the previous mode is restored afterwards.
 *
 * <p>A record whose read fails with an {@link IOException} (an unreadable video) is left out of
 * every metric and listed in the result, unless {@code optFailFast}: the dataset must not put
 * another video in its place (see {@code VideoDataset}'s {@code optReplaceUnreadable(false)}).
 */
public final class VideoEvaluator {

    static {
        DjlDefaults.apply();
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(VideoEvaluator.class);

    private final int framesPerView;
    private final int batchSize;
    private final int workers;
    private final boolean failFast;
    private final Progress progress;

    private VideoEvaluator(Builder builder) {
        this.failFast = builder.failFast;
        this.framesPerView = builder.framesPerView;
        this.batchSize = builder.batchSize;
        this.workers = builder.workers;
        this.progress = builder.progress;
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
     * Evaluates a model on every record of a dataset.
     *
     * @param model the model; its class names are set to {@code classNames} for the pass
     * @param dataset records {@code [video [V·T,3,H,W]], [label]}
     * @param classNames the class names in label order
     * @return the metrics
     * @throws IOException if a record cannot be read
     * @throws IllegalArgumentException if a record's frame count is not a multiple of T
     */
    public EvaluationResult evaluate(
            VideoClassificationBlock model, RandomAccessDataset dataset, List<String> classNames)
            throws IOException {
        List<String> previousClasses = model.getClassNames();
        TuningMode previousTuning = model.getTuning();
        model.setClassNames(classNames);
        model.setTuning(TuningMode.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(workers, ClipBatch::loaderThread);
        ClassificationMetrics metrics = new ClassificationMetrics(classNames);
        long size = dataset.size();
        try (ai.djl.ndarray.NDManager manager = managerOf(model)) {
            progress.reset("Evaluating " + size + " videos", size);
            CompletableFuture<ClipBatch> next = load(dataset, 0, size, manager, pool);
            for (long start = 0; start < size; start += batchSize) {
                try (ClipBatch batch = ClipBatch.await(next)) {
                    batch.borrowWeights(model);
                    next =
                            start + batchSize < size
                                    ? load(dataset, start + batchSize, size, manager, pool)
                                    : null;
                    batch.unreadable().forEach(metrics::addUnreadable);
                    if (batch.labels().length > 0) {
                        metrics.add(score(model, batch.videos()), batch.labels());
                    }
                    progress.increment(batch.labels().length + batch.unreadable().size());
                }
            }
            progress.end();
        } finally {
            pool.shutdownNow();
            model.setTuning(previousTuning);
            if (!previousClasses.isEmpty()) {
                model.setClassNames(previousClasses);
            }
        }
        EvaluationResult result = metrics.result();
        LOGGER.info(
                "Evaluated {} videos{}: top-1 {}%, top-5 {}%",
                result.videos(),
                result.unreadable().isEmpty()
                        ? ""
                        : " (" + result.unreadable().size() + " unreadable, left out)",
                String.format("%.2f", 100 * result.top1()),
                String.format("%.2f", 100 * result.top5()));
        return result;
    }

    private CompletableFuture<ClipBatch> load(
            RandomAccessDataset dataset,
            long start,
            long size,
            ai.djl.ndarray.NDManager manager,
            ExecutorService pool) {
        long end = Math.min(size, start + batchSize);
        long[] indices = new long[(int) (end - start)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return ClipBatch.load(dataset, indices, manager, pool, !failFast);
    }

    /** Logits of every view, softmaxed and summed over views: [B, classes]. */
    private NDArray score(VideoClassificationBlock model, NDArray videos) {
        Shape shape = videos.getShape();
        long batch = shape.get(0);
        long frames = shape.get(1);
        if (frames % framesPerView != 0) {
            throw new IllegalArgumentException(
                    "A record has "
                            + frames
                            + " frames, which is not a whole number of views of "
                            + framesPerView
                            + " frames");
        }
        long views = frames / framesPerView;
        NDArray perView =
                videos.reshape(new Shape(batch * views, framesPerView).addAll(shape.slice(2)));
        ParameterStore store = new ParameterStore(videos.getManager(), false);
        NDArray logits =
                model.forward(store, new ai.djl.ndarray.NDList(perView), false).singletonOrThrow();
        return ClassificationMetrics.sumOfSoftmax(logits.reshape(batch, views, -1));
    }

    private static ai.djl.ndarray.NDManager managerOf(VideoClassificationBlock model) {
        NDArray any = model.getParameters().valueAt(0).getArray();
        return any.getManager().newSubManager(any.getDevice());
    }

    /** Builds a {@link VideoEvaluator}. */
    public static final class Builder {

        private int framesPerView;
        private int batchSize = 2;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private boolean failFast;
        private Progress progress = new LoggingProgress();

        Builder() {}

        /**
         * Sets the frames of one view (T); records hold a whole number of views.
         *
         * @param frames at least 1
         * @return this builder
         */
        public Builder setFramesPerView(int frames) {
            this.framesPerView = frames;
            return this;
        }

        /**
         * Sets how many videos are scored together (2 by default, as the reference validates).
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the threads that read and decode records (all cores by default).
         *
         * @param workers at least 1
         * @return this builder
         */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Makes the first record that cannot be read end the evaluation with its exception (default
         * false: such records are left out of every metric and listed in {@link
         * EvaluationResult#unreadable()}; nothing is scored in their place).
         *
         * @param failFast whether to fail fast
         * @return this builder
         */
        public Builder optFailFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets where progress goes (SLF4J by default; pass a console bar in programs).
         *
         * @param progress the progress report
         * @return this builder
         */
        public Builder optProgress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Builds the evaluator.
         *
         * @return the evaluator
         * @throws IllegalArgumentException if a value is out of range
         */
        public VideoEvaluator build() {
            if (framesPerView < 1) {
                throw new IllegalArgumentException(
                        "setFramesPerView must be at least 1, got " + framesPerView);
            }
            if (batchSize < 1 || workers < 1) {
                throw new IllegalArgumentException(
                        "Batch size and workers must be at least 1, got "
                                + batchSize
                                + " and "
                                + workers);
            }
            return new VideoEvaluator(this);
        }
    }
}
