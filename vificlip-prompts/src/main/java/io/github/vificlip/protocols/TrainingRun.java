/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import ai.djl.Device;
import ai.djl.util.Progress;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.loading.LoggingProgress;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.report.Charts;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.UnreadableRecords;
import io.github.vificlip.training.ViFiClipTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Training and evaluation as the paper's protocols run them: the reference's datasets for a recipe
 * ({@link VideoDatasets}), progress reported to a DJL {@link Progress} (SLF4J by default), per-pass
 * summaries of unreadable videos, and provenance in the outputs.
 *
 * <pre>{@code
 * TrainingRun run = TrainingRun.builder().setRecipe(Recipes.get("few-shot-finetune")).build();
 * TrainingResult result = run.train(model.getBlock(), 224, train, null, out, false, new Provenance());
 * }</pre>
 */
public final class TrainingRun {

    private final Recipe recipe;
    private final Device[] devices;
    private final int workers;
    private final boolean failFast;
    private final VideoDecoder decoder;
    private final Supplier<Progress> progress;

    private TrainingRun(Builder builder) {
        this.recipe = builder.recipe;
        this.devices = builder.devices;
        this.workers = builder.workers;
        this.failFast = builder.failFast;
        this.decoder =
                builder.decoder != null
                        ? builder.decoder
                        : VideoDecoders.byName(VideoDecoders.defaultName());
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
     * Returns the recipe this run trains and evaluates with.
     *
     * @return the recipe
     */
    public Recipe recipe() {
        return recipe;
    }

    /**
     * Trains {@code block} (images of {@code size} pixels) on {@code train}, validating on {@code
     * validation} (may be null) with its own class names, writing checkpoints and metrics into
     * {@code out}.
     *
     * @param block the block to train (a model's block, or prompts attached to it)
     * @param size the model's image size in pixels
     * @param train the training videos
     * @param validation the validation videos, or null
     * @param out the output folder
     * @param resume whether to resume from the last checkpoint in {@code out}
     * @param provenance what the run was made from, stored in its checkpoints
     * @return the training result
     * @throws IOException if a file cannot be read or written
     */
    public TrainingResult train(
            VideoClassificationBlock block,
            int size,
            VideoList train,
            VideoList validation,
            Path out,
            boolean resume,
            Provenance provenance)
            throws IOException {
        VideoDataset trainData =
                VideoDatasets.training(
                        train, recipe.frames(), size, recipe.seed(), failFast, workers, decoder);
        VideoDataset validationData =
                validation == null
                        ? null
                        : dataset(validation, size, recipe.testClips(), recipe.testCrops());
        ViFiClipTrainer.Builder trainer =
                ViFiClipTrainer.builder()
                        .optRecipe(recipe)
                        .optOutputDirectory(out)
                        .optResume(resume)
                        .optDevices(devices)
                        .optWorkers(workers)
                        .optProgress(progress.get())
                        .addListener(new DatasetPasses(trainData))
                        .addListener(
                                new UnreadableRecords(
                                        () -> trainData.failures().currentPass().size()))
                        .addListener(new TrainingCharts());
        provenance.entries().forEach(trainer::optProvenance);
        TrainingResult result =
                trainer.build()
                        .fit(
                                block,
                                trainData,
                                train.labels().names(),
                                validationData,
                                validation == null ? null : validation.labels().names());
        trainData.failures().endPass();
        return result;
    }

    /**
     * Evaluates {@code block} on every video of {@code list} against the list's class names with
     * {@code clips} × {@code crops} views, writing {@code name.json} (and the confusion matrix as
     * {@code name-confusion.png}) into {@code out}.
     *
     * @param block the block to evaluate, its class names set to the list's
     * @param size the model's image size in pixels
     * @param list the test videos
     * @param clips the clips per video
     * @param crops the crops per clip
     * @param out the output folder
     * @param name the base name of the output files
     * @return the evaluation result
     * @throws IOException if a file cannot be read or written
     */
    public EvaluationResult evaluate(
            VideoClassificationBlock block,
            int size,
            VideoList list,
            int clips,
            int crops,
            Path out,
            String name)
            throws IOException {
        VideoDataset data = dataset(list, size, clips, crops);
        EvaluationResult result =
                VideoEvaluator.builder()
                        .setFramesPerView(recipe.frames())
                        .optWorkers(workers)
                        .optFailFast(failFast)
                        .optProgress(progress.get())
                        .build()
                        .evaluate(block, data, list.labels().names());
        data.failures().endPass();
        Files.createDirectories(out);
        result.writeJson(out.resolve(name + ".json"));
        Charts.confusionMatrix(result, out.resolve(name + "-confusion.png"));
        return result;
    }

    private VideoDataset dataset(VideoList list, int size, int clips, int crops) {
        return VideoDatasets.evaluation(
                list,
                recipe.frames(),
                clips,
                crops,
                size,
                recipe.seed(),
                false,
                failFast,
                workers,
                decoder);
    }

    /** Builds a {@link TrainingRun}. */
    public static final class Builder {

        private Recipe recipe;
        private Device[] devices = {Device.cpu()};
        private int workers = 2;
        private boolean failFast;
        private VideoDecoder decoder;
        private Supplier<Progress> progress = LoggingProgress::new;

        private Builder() {}

        /**
         * Sets the recipe (frames, views, seed and every training value).
         *
         * @param recipe the recipe
         * @return this builder
         */
        public Builder setRecipe(Recipe recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Sets the devices training runs on (data parallel over several; default: the CPU).
         *
         * @param devices the devices
         * @return this builder
         */
        public Builder optDevices(Device... devices) {
            this.devices = devices.clone();
            return this;
        }

        /**
         * Sets the decoding threads (default 2).
         *
         * @param workers the threads
         * @return this builder
         */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Sets whether an unreadable video stops the run instead of being skipped and counted.
         *
         * @param failFast whether to stop at the first unreadable video
         * @return this builder
         */
        public Builder optFailFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets the video decoding backend (default: Humble Video, or FFmpeg 8 without it; {@code
         * VideoDecoders.byName("ffmpeg")} for FFmpeg 8).
         *
         * @param decoder the backend
         * @return this builder
         */
        public Builder optDecoder(VideoDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Sets where progress goes: a new {@link Progress} for each training or evaluation (by
         * default: SLF4J at INFO; the command line draws console bars).
         *
         * @param progress makes a progress listener for each pass
         * @return this builder
         */
        public Builder optProgress(Supplier<Progress> progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Builds the run.
         *
         * @return the run
         */
        public TrainingRun build() {
            if (recipe == null) {
                throw new IllegalArgumentException("A training run needs a recipe: call setRecipe");
            }
            if (devices.length == 0) {
                throw new IllegalArgumentException("A training run needs at least one device");
            }
            if (workers < 1) {
                throw new IllegalArgumentException(
                        "A training run needs at least one decoding thread, got " + workers);
            }
            return new TrainingRun(this);
        }
    }
}
