/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import io.github.vificlip.weights.CheckpointEntries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt settings of a ViFi-CLIP checkpoint's {@code config} entry: the {@code
 * TRAINER.ViFi_CLIP} node of the yacs {@code CfgNode} that the reference's {@code epoch_saving}
 * stores beside the weights ({@code utils/config.py} names and defaults).
 *
 * @param textContext {@code N_CTX_TEXT}
 * @param contextInit {@code CTX_INIT}, empty when unset
 * @param textDepth {@code PROMPT_DEPTH_TEXT}
 * @param visionContext {@code N_CTX_VISION}
 * @param visionDepth {@code PROMPT_DEPTH_VISION}
 */
record ReferencePromptConfig(
        int textContext, String contextInit, int textDepth, int visionContext, int visionDepth) {

    private static final List<String> PATH = List.of("TRAINER", "ViFi_CLIP");

    /**
     * Reads the settings of a checkpoint.
     *
     * @param file a {@code torch.save} checkpoint
     * @return the settings; empty if the file has no {@code config} entry
     * @throws IOException if the file cannot be read, or its config lacks a setting or holds one of
     *     the wrong type (the message names the file and the setting)
     */
    static Optional<ReferencePromptConfig> read(Path file) throws IOException {
        Optional<Object> config = CheckpointEntries.read(file, "config");
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Object node = config.get();
        for (String key : PATH) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IOException(
                        file + ": its config has no " + String.join(".", PATH) + " node");
            }
            node = map.get(key);
        }
        if (!(node instanceof Map<?, ?> trainer)) {
            throw new IOException(file + ": config " + String.join(".", PATH) + " is not a node");
        }
        Object init = trainer.get("CTX_INIT");
        if (init != null && !(init instanceof String)) {
            throw new IOException(file + ": config CTX_INIT is not a string: " + init);
        }
        return Optional.of(
                new ReferencePromptConfig(
                        integer(file, trainer, "N_CTX_TEXT"),
                        init == null ? "" : (String) init,
                        integer(file, trainer, "PROMPT_DEPTH_TEXT"),
                        integer(file, trainer, "N_CTX_VISION"),
                        integer(file, trainer, "PROMPT_DEPTH_VISION")));
    }

    /**
     * Returns the words the text context starts from, as {@code VLPromptLearner} decides: {@code
     * CTX_INIT} when it is set and {@code N_CTX_TEXT} ≤ {@value PromptLearner#MAX_INIT_WORDS};
     * otherwise the context is random and the placeholder text is "X X … X".
     *
     * @return the init words, or empty
     */
    Optional<String> initWords() {
        return contextInit.isEmpty() || textContext > PromptLearner.MAX_INIT_WORDS
                ? Optional.empty()
                : Optional.of(contextInit);
    }

    /**
     * Lists how a learner read from the tensors disagrees with these settings.
     *
     * @param learner the sizes and depths the prompt tensors have
     * @return the disagreements, empty if none
     */
    List<String> disagreements(PromptLearner learner) {
        int vision = visionDepth == 0 ? 0 : visionContext;
        int text = textDepth == 0 ? 0 : textContext;
        List<String> problems = new ArrayList<>();
        compare(problems, "N_CTX_TEXT", text, learner.textContext());
        compare(problems, "PROMPT_DEPTH_TEXT", text == 0 ? 0 : textDepth, learner.textDepth());
        compare(problems, "N_CTX_VISION", vision, learner.visionContext());
        compare(
                problems,
                "PROMPT_DEPTH_VISION",
                vision == 0 ? 0 : visionDepth,
                learner.visionDepth());
        return problems;
    }

    private static void compare(List<String> problems, String setting, int config, int tensors) {
        if (config != tensors) {
            problems.add(
                    "config " + setting + " is " + config + " but the tensors give " + tensors);
        }
    }

    private static int integer(Path file, Map<?, ?> node, String key) throws IOException {
        Object value = node.get(key);
        if (!(value instanceof Long number) || number < 0 || number > Integer.MAX_VALUE) {
            throw new IOException(
                    file
                            + ": config TRAINER.ViFi_CLIP."
                            + key
                            + " must be a non-negative int, found "
                            + value);
        }
        return number.intValue();
    }
}
