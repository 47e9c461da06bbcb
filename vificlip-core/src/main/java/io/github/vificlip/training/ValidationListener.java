/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the model on the validation set every {@code frequency} epochs and after the last one:
 * writes {@code eval-epoch-N.json}, adds the result to the epoch, and keeps the best model as
 * {@code best.safetensors}.
 */
final class ValidationListener implements TrainingListener {

    private final RandomAccessDataset validation;
    private final List<String> classNames;
    private final int frequency;
    private final VideoEvaluator evaluator;

    ValidationListener(
            RandomAccessDataset validation,
            List<String> classNames,
            int frequency,
            VideoEvaluator evaluator) {
        this.validation = validation;
        this.classNames = classNames;
        this.frequency = frequency;
        this.evaluator = evaluator;
    }

    @Override
    public void onEpochEnd(TrainingContext run, EpochEnd epoch) throws IOException {
        if (!epoch.isDue(frequency)) {
            return;
        }
        EvaluationResult result = evaluator.evaluate(run.getModel(), validation, classNames);
        result.writeJson(
                run.getOutputDirectory()
                        .resolve(String.format(Locale.ROOT, "eval-epoch-%d.json", epoch.epoch())));
        run.getModel().setClassNames(run.getClassNames());
        epoch.setValidation(result);
        if (result.top1() > run.getBestTop1()) {
            run.setState(run.state().withBest(result.top1(), epoch.epoch()));
            run.checkpoints().writeModel(run.getModel(), "best.safetensors", run.getProvenance());
        }
    }

    /** Builds the evaluator a run validates with. */
    static VideoEvaluator evaluator(Recipe recipe, int workers, Progress progress) {
        return VideoEvaluator.builder()
                .setFramesPerView(recipe.frames())
                .optWorkers(workers)
                .optProgress(progress)
                .build();
    }
}
