/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import java.nio.file.Path;

/**
 * The settings of a protocol that trains a fresh model per run (base-to-novel per seed, few-shot
 * per K): what makes the models, the prompts to start from and the runs' common provenance.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <U> what the listener is told of after each run
 */
abstract class TrainingProtocolBuilder<B extends TrainingProtocolBuilder<B, U>, U>
        extends ProtocolBuilder<B, U> {

    private ModelFactory models;
    private Path prompts;
    private Provenance provenance = new Provenance();

    /**
     * Starts a builder for the protocol named in its refusals.
     *
     * @param protocol the protocol's name, e.g. "few-shot"
     */
    TrainingProtocolBuilder(String protocol) {
        super(protocol);
    }

    /**
     * Sets what makes a fresh model for each training run (each seed or K).
     *
     * @param models the model factory
     * @return this builder
     */
    public B setModels(ModelFactory models) {
        this.models = models;
        return self();
    }

    /**
     * Sets learned prompts to start from (prompt recipes only).
     *
     * @param prompts a prompt file, or null
     * @return this builder
     */
    public B optPrompts(Path prompts) {
        this.prompts = prompts;
        return self();
    }

    /**
     * Sets what every run records as made from (e.g. the weights files); the protocol adds its own
     * entries.
     *
     * @param provenance the common provenance
     * @return this builder
     */
    public B optProvenance(Provenance provenance) {
        this.provenance = provenance;
        return self();
    }

    /** Refuses a builder without models, a run or a video folder. */
    final void requireModelsRunAndRoot() {
        require(
                models != null && run != null && root != null,
                "models, a run and a video folder: call setModels, setRun and setRoot");
    }

    /** Returns the runs these settings make, with a copy of the provenance. */
    final FreshModelRuns runs() {
        return new FreshModelRuns(models, run, root, prompts, provenance.copy());
    }
}
