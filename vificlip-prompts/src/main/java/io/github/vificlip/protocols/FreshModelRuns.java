/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training runs of a protocol: each makes a fresh model from the recipe's seed, trains the
 * block the recipe tunes, evaluates it and closes the model.
 */
final class FreshModelRuns {

    private final ModelFactory models;
    private final TrainingRun run;
    private final Path root;
    private final Path prompts;
    private final Provenance provenance;

    FreshModelRuns(
            ModelFactory models, TrainingRun run, Path root, Path prompts, Provenance provenance) {
        this.models = models;
        this.run = run;
        this.root = root;
        this.prompts = prompts;
        this.provenance = provenance;
    }

    /** Returns the recipe every run trains with. */
    Recipe recipe() {
        return run.recipe();
    }

    /** Reads a list whose video paths are relative to the protocol's video folder. */
    VideoList list(Path list, LabelMap labels) throws IOException {
        return VideoList.read(list, root, labels);
    }

    /** Returns a copy of the common provenance with the protocol's name, for one run to extend. */
    Provenance provenance(String protocol) {
        return provenance.copy().put("protocol", protocol);
    }

    /**
     * Trains a fresh model on {@code train} into {@code out}, then evaluates it on each test, in
     * order, writing each test's results into {@code out} too.
     *
     * @param train the training videos
     * @param out the run's output folder
     * @param made what the run records as made from
     * @param tests the evaluations of the trained block
     * @return the tests' results, in order
     * @throws IOException if weights, videos or outputs cannot be read or written
     */
    List<EvaluationResult> trainAndEvaluate(
            VideoList train, Path out, Provenance made, List<Test> tests) throws IOException {
        Recipe recipe = run.recipe();
        try (ViFiClip model = models.create(recipe.seed())) {
            VideoClassificationBlock block = TrainableBlocks.forRecipe(model, recipe, prompts);
            int size = model.getConfig().imageSize();
            run.train(block, size, train, null, out, false, made);
            List<EvaluationResult> results = new ArrayList<>();
            for (Test test : tests) {
                results.add(
                        run.evaluate(
                                block,
                                size,
                                test.list(),
                                test.clips(),
                                test.crops(),
                                out,
                                test.name()));
            }
            return results;
        }
    }

    /**
     * An evaluation of a trained block.
     *
     * @param list the test videos, against their own class names
     * @param clips the clips per video
     * @param crops the crops per clip
     * @param name the base name of its output files
     */
    record Test(VideoList list, int clips, int crops, String name) {}
}
