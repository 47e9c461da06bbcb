/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import io.github.vificlip.tokenizer.ClipTokenizer;

/**
 * The settings of a ViFi-CLIP model, shared by the builders of the block ({@link
 * ViFiClipBlock.Builder}) and of the ready-to-use model ({@link ViFiClip.Builder}): architecture,
 * seed, tuning mode, prompt template and tokenizer.
 *
 * @param <B> the concrete builder, returned by the setters
 * @param <T> what it builds
 */
public abstract class ViFiClipSettings<B extends ViFiClipSettings<B, T>, T>
        extends ClipBlockBuilder<B, T> {

    TuningMode tuning;
    PromptTemplate template = PromptTemplate.FINE_TUNE;
    ClipTokenizer tokenizer;

    ViFiClipSettings(TuningMode tuning) {
        this.tuning = tuning;
    }

    /**
     * Sets which parameters train (the default depends on what is built: {@link TuningMode#BOTH},
     * the paper's ViFi-CLIP, for a block; {@link TuningMode#NONE}, frozen for inference, for a
     * {@link ViFiClip}).
     *
     * @param tuning the tuning mode
     * @return this builder
     */
    public B optTuning(TuningMode tuning) {
        this.tuning = tuning;
        return self();
    }

    /**
     * Sets the prompt template of the class names ({@link PromptTemplate#FINE_TUNE} by default).
     *
     * @param template the template
     * @return this builder
     */
    public B optTemplate(PromptTemplate template) {
        this.template = template;
        return self();
    }

    /**
     * Sets the tokenizer (CLIP's shipped vocabulary with the configuration's context length by
     * default).
     *
     * @param tokenizer the tokenizer
     * @return this builder
     */
    public B optTokenizer(ClipTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        return self();
    }

    /**
     * Checks the settings and fills in the default tokenizer.
     *
     * @throws IllegalArgumentException if the configuration, tuning mode or template is missing, or
     *     the tokenizer does not fit the configuration
     */
    void validate() {
        if (config == null) {
            throw new IllegalArgumentException("setConfig(ClipConfig) is required");
        }
        if (tuning == null || template == null) {
            throw new IllegalArgumentException("tuning and template must not be null");
        }
        if (tokenizer == null) {
            tokenizer = ClipTokenizer.builder().optContextLength(config.contextLength()).build();
        }
        if (tokenizer.getContextLength() != config.contextLength()) {
            throw new IllegalArgumentException(
                    "The tokenizer's context length "
                            + tokenizer.getContextLength()
                            + " differs from the model's "
                            + config.contextLength());
        }
        if (tokenizer.getVocabularySize() > config.vocabSize()) {
            throw new IllegalArgumentException(
                    "The tokenizer's "
                            + tokenizer.getVocabularySize()
                            + " ids do not fit the model's vocabulary of "
                            + config.vocabSize());
        }
    }
}
