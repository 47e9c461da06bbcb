/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The settings every protocol's builder shares: how it runs, the folder of its videos and a
 * listener told of each finished run (a seed, a K or a split).
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <U> what the listener is told of after each run
 */
abstract class ProtocolBuilder<B extends ProtocolBuilder<B, U>, U> {

    private final String protocol;
    TrainingRun run;
    Path root;
    Consumer<U> listener = unit -> {};

    /**
     * Starts a builder for the protocol named in its refusals.
     *
     * @param protocol the protocol's name, e.g. "few-shot"
     */
    ProtocolBuilder(String protocol) {
        this.protocol = protocol;
    }

    /**
     * Sets the recipe and how training and evaluation run (devices, frames per view, decoding
     * threads, progress).
     *
     * @param run the run settings
     * @return this builder
     */
    public B setRun(TrainingRun run) {
        this.run = run;
        return self();
    }

    /**
     * Sets the folder the lists' video paths are relative to.
     *
     * @param root the video folder
     * @return this builder
     */
    public B setRoot(Path root) {
        this.root = root;
        return self();
    }

    /**
     * Sets a listener called after each run of the protocol (each seed, K or split).
     *
     * @param listener the listener
     * @return this builder
     */
    public B optListener(Consumer<U> listener) {
        this.listener = listener;
        return self();
    }

    /** Returns this builder as its concrete type. */
    abstract B self();

    /**
     * Refuses a setting that is missing or inconsistent.
     *
     * @param present whether the setting is there
     * @param needs what the protocol needs and which call gives it
     * @throws IllegalArgumentException "The NAME protocol needs NEEDS" when {@code present} is
     *     false
     */
    final void require(boolean present, String needs) {
        if (!present) {
            throw new IllegalArgumentException("The " + protocol + " protocol needs " + needs);
        }
    }
}
