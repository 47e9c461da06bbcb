/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;

/**
 * A block that scores videos against a list of class names: input {@code [video [B,T,3,H,W]]},
 * output {@code [logits [B,C]]}. The training engine and the evaluator work through this type, so
 * the fine-tuned model ({@link ViFiClipBlock}) and the prompted one (module vificlip-prompts)
 * train, checkpoint and evaluate the same way.
 *
 * <p>Its two embedding paths and its temperature are also what a {@link VideoClassifier} scores
 * with: a prompted model runs on the weights of one {@link ViFiClip}, which supplies the device and
 * the memory scopes (see {@link ViFiClip#classifier(VideoClassificationBlock, List,
 * PromptTemplate)}). {@link VideoTextBlock} implements what the two models share.
 */
public interface VideoClassificationBlock extends Block {

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

    /**
     * Returns the parameters that train in the current mode, under stable names (OpenAI's key names
     * for CLIP weights).
     *
     * @return an unmodifiable name → parameter map
     */
    Map<String, Parameter> trainableParameters();

    /**
     * Returns what trains.
     *
     * @return the tuning mode
     */
    TuningMode getTuning();

    /**
     * Freezes and unfreezes parameters as the mode says.
     *
     * @param tuning which parameters train
     * @throws IllegalArgumentException if the block has nothing that mode trains
     */
    void setTuning(TuningMode tuning);

    /**
     * Returns the class names the logits are for.
     *
     * @return the names in logit order
     */
    List<String> getClassNames();

    /**
     * Sets the classes the logits are for.
     *
     * @param classNames the names, in label order
     */
    void setClassNames(List<String> classNames);

    /**
     * Sets the classes the logits are for, each through {@code template} where this block's class
     * text takes one: a fine-tuned {@link ViFiClipBlock} applies it (and keeps it for later {@link
     * #setClassNames(List)} calls); a prompted block ignores it, its class text being the learned
     * context followed by its learner's own template.
     *
     * @param classNames the names, in label order
     * @param template how a name becomes text, for blocks that take one
     */
    void setClassNames(List<String> classNames, PromptTemplate template);

    /**
     * Copies tensors into the parameters of the same names.
     *
     * @param tensors fp32 tensors by name
     * @param strict whether any missing, unexpected or mis-shaped tensor is an error
     * @return what was loaded, missing, unexpected and mis-shaped
     * @throws StateDictMismatchException in strict mode, when anything does not match
     */
    LoadReport loadStateDict(Map<String, NDArray> tensors, boolean strict);

    /**
     * Returns the live arrays this block exports as its trained model ({@code model.safetensors}):
     * every CLIP weight for a fine-tuned model, only the prompt tensors for a prompted one.
     *
     * @return an unmodifiable name → array map
     */
    Map<String, NDArray> stateDict();

    /**
     * Returns what the exported file must record beside {@link #stateDict()} to be loaded again, as
     * safetensors metadata (for a prompted model: its prompt sizes and template).
     *
     * @return metadata entries; empty by default
     */
    default Map<String, String> exportMetadata() {
        return Map.of();
    }
}
