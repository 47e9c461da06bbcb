/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Evaluations;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.report.Charts;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.ViFiClipTrainer;
import io.github.vificlip.training.VideoEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Training and evaluation as the commands run them: the reference's datasets for a recipe, a
 * console progress bar, per-pass summaries of unreadable videos, and provenance in the outputs.
 */
final class TrainingRun {

    private final Recipe recipe;
    private final ModelOptions model;
    private final int workers;
    private final boolean failFast;

    TrainingRun(Recipe recipe, ModelOptions model, int workers, boolean failFast) {
        this.recipe = recipe;
        this.model = model;
        this.workers = workers;
        this.failFast = failFast;
    }

    /**
     * Trains {@code block} (images of {@code size} pixels) on {@code train}, validating on {@code
     * validation} (may be null) with its own class names.
     */
    TrainingResult train(
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
                        train, recipe.frames(), size, recipe.seed(), failFast, workers);
        VideoDataset validationData =
                validation == null
                        ? null
                        : dataset(validation, size, recipe.testClips(), recipe.testCrops());
        AtomicBoolean passStarted = new AtomicBoolean();
        ViFiClipTrainer.Builder trainer =
                ViFiClipTrainer.builder()
                        .optRecipe(recipe)
                        .optOutputDirectory(out)
                        .optResume(resume)
                        .optDevices(model.devices())
                        .optWorkers(workers)
                        .optProgress(new ConsoleProgress())
                        .optEpochStart(
                                epoch -> {
                                    if (passStarted.getAndSet(true)) {
                                        trainData.failures().endPass();
                                    }
                                    trainData.setPass(epoch);
                                });
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
     */
    EvaluationResult evaluate(
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
                        .optProgress(new ConsoleProgress())
                        .build()
                        .evaluate(block, data, list.labels().names());
        data.failures().endPass();
        Files.createDirectories(out);
        Evaluations.writeJson(result, out.resolve(name + ".json"));
        Charts.confusionMatrix(result, out.resolve(name + "-confusion.png"));
        return result;
    }

    private VideoDataset dataset(VideoList list, int size, int clips, int crops) {
        return VideoDatasets.evaluation(
                list, recipe.frames(), clips, crops, size, recipe.seed(), false, failFast, workers);
    }
}
