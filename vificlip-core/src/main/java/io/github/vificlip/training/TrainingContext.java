/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.nn.Parameter;
import io.github.vificlip.model.VideoClassificationBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A training run as its {@link TrainingListener}s see it: the model, the recipe, the class names,
 * the output folder, the provenance and where the run stands (history, learning rate, best
 * validation).
 */
public final class TrainingContext {

    private final VideoClassificationBlock model;
    private final Recipe recipe;
    private final List<String> classNames;
    private final Path outputDirectory;
    private final Map<String, String> provenance;
    private final Map<String, Parameter> trainable;
    private final AdamW optimizer;
    private final Checkpoints checkpoints;
    private RunState state;

    TrainingContext(
            VideoClassificationBlock model,
            Recipe recipe,
            List<String> classNames,
            Map<String, String> provenance,
            Map<String, Parameter> trainable,
            AdamW optimizer,
            Checkpoints checkpoints,
            RunState state) {
        this.model = model;
        this.recipe = recipe;
        this.classNames = List.copyOf(classNames);
        this.outputDirectory = checkpoints.directory();
        this.provenance = Map.copyOf(provenance);
        this.trainable = trainable;
        this.optimizer = optimizer;
        this.checkpoints = checkpoints;
        this.state = state;
    }

    /**
     * Returns the model being trained.
     *
     * @return the model
     */
    public VideoClassificationBlock getModel() {
        return model;
    }

    /**
     * Returns the settings of the run.
     *
     * @return the recipe
     */
    public Recipe getRecipe() {
        return recipe;
    }

    /**
     * Returns the training class names.
     *
     * @return the names in label order
     */
    public List<String> getClassNames() {
        return classNames;
    }

    /**
     * Returns the folder of the run's outputs.
     *
     * @return the output folder
     */
    public Path getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * Returns where the run came from, as its outputs record it.
     *
     * @return the provenance entries
     */
    public Map<String, String> getProvenance() {
        return provenance;
    }

    /**
     * Returns what the run measured so far (including epochs before a resume).
     *
     * @return the history
     */
    public TrainingHistory getHistory() {
        return state.history();
    }

    /**
     * Returns the learning rate of the next optimizer step.
     *
     * @return the learning rate
     */
    public double getLearningRate() {
        return state.learningRate();
    }

    /**
     * Returns the best validation top-1 so far.
     *
     * @return the accuracy, negative before any evaluation
     */
    public double getBestTop1() {
        return state.bestTop1();
    }

    /**
     * Returns the epoch of the best validation.
     *
     * @return the epoch (from 1), or 0 before any evaluation
     */
    public int getBestEpoch() {
        return state.bestEpoch();
    }

    RunState state() {
        return state;
    }

    void setState(RunState state) {
        this.state = state;
    }

    Map<String, Parameter> trainable() {
        return trainable;
    }

    AdamW optimizer() {
        return optimizer;
    }

    Checkpoints checkpoints() {
        return checkpoints;
    }
}
