/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * What the backends' decoders share: the read strategy their readers use, and a builder that sets
 * it and refuses a backend whose classes are not on the class path.
 */
abstract class BackendDecoder implements VideoDecoder {

    private final ReadStrategy strategy;

    BackendDecoder(ReadStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * Returns the strategy readers use to reach frames.
     *
     * @return the read strategy
     */
    public ReadStrategy strategy() {
        return strategy;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + strategy + "]";
    }

    /**
     * Builds a backend's decoder.
     *
     * @param <B> the builder's own type
     * @param <D> the decoder built
     */
    abstract static class Builder<B extends Builder<B, D>, D extends BackendDecoder> {

        private final String backend;
        private ReadStrategy strategy = ReadStrategy.AUTO;

        Builder(String backend) {
            this.backend = backend;
        }

        /**
         * Sets how readers reach the wanted frames (default {@link ReadStrategy#AUTO}).
         *
         * @param strategy the strategy
         * @return this builder
         */
        public B optStrategy(ReadStrategy strategy) {
            this.strategy = strategy;
            return self();
        }

        /**
         * Builds the decoder.
         *
         * @return the decoder
         * @throws IllegalArgumentException if the strategy is null
         * @throws IllegalStateException if the backend's classes are not on the class path, naming
         *     the Maven coordinates to add
         */
        public D build() {
            if (strategy == null) {
                throw new IllegalArgumentException("The read strategy must not be null");
            }
            VideoDecoders.requireAvailable(backend);
            return create(strategy);
        }

        abstract B self();

        abstract D create(ReadStrategy strategy);
    }
}
