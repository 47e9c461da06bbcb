/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * The two embedding paths of a CLIP video model and its temperature: what a {@link VideoClassifier}
 * scores with. {@link ViFiClipBlock} is one (class names through a {@link PromptTemplate}); a
 * prompted model from module vificlip-prompts is another (class names after learned context, videos
 * with vision prompts). Both run on the weights of one {@link ViFiClip}, which supplies the device
 * and the memory scopes (see {@link ViFiClip#classifier(VideoTextModel, List, PromptTemplate)}).
 */
public interface VideoTextModel {

    /**
     * Embeds videos: per-frame embeddings averaged over time, then L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param video clips {@code [B, T, 3, imageSize, imageSize]}, already normalised
     * @param training whether this is a training pass
     * @return the video features {@code [B, embedDim]}, unit length
     * @throws IllegalArgumentException if {@code video} has the wrong shape
     */
    NDArray encodeVideo(ParameterStore parameterStore, NDArray video, boolean training);

    /**
     * Embeds class names through this model's class prompt, L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns the result (on the model's device)
     * @param classNames the class names, in label order
     * @param template how a name becomes text (for a prompted model: the text after the learned
     *     context)
     * @param training whether this is a training pass
     * @return the class features {@code [classes, embedDim]}, unit length
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    NDArray encodeClassNames(
            ParameterStore parameterStore,
            NDManager manager,
            List<String> classNames,
            PromptTemplate template,
            boolean training);

    /**
     * Returns the temperature; logits are exp(logit_scale) times the cosine similarity.
     *
     * @return the 0-d {@code logit_scale} parameter
     */
    Parameter getLogitScale();
}
