/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a class name becomes the text the tokenizer sees: a pattern with one {@code {}} that the name
 * replaces verbatim (no case change, no CamelCase splitting, as {@code trainers/vificlip.py} builds
 * its prompts).
 *
 * @param pattern the text with exactly one {@code {}}
 */
public record PromptTemplate(String pattern) {

    /** {@value #PLACEHOLDER}: where the class name goes. */
    public static final String PLACEHOLDER = "{}";

    /** ViFi-CLIP's fine-tuning prompt, "a photo of a {}." (the default everywhere). */
    public static final PromptTemplate FINE_TUNE = new PromptTemplate("a photo of a {}.");

    /** The bare class name: vanilla-CLIP zero-shot evaluation ({@code ZS_EVAL}). */
    public static final PromptTemplate BARE = new PromptTemplate(PLACEHOLDER);

    /**
     * Checks the pattern.
     *
     * @param pattern the text with exactly one {@code {}}
     * @throws IllegalArgumentException if the pattern is null or does not hold exactly one {@code
     *     {}}
     */
    public PromptTemplate {
        if (pattern == null
                || !pattern.contains(PLACEHOLDER)
                || pattern.indexOf(PLACEHOLDER) != pattern.lastIndexOf(PLACEHOLDER)) {
            throw new IllegalArgumentException(
                    "A prompt template needs exactly one '{}' for the class name, got "
                            + (pattern == null ? "null" : "'" + pattern + "'"));
        }
    }

    /**
     * Returns a template for a pattern of the user's own, such as {@code "a video of a person
     * {}."}.
     *
     * @param pattern the text with exactly one {@code {}}
     * @return the template
     * @throws IllegalArgumentException if the pattern does not hold exactly one {@code {}}
     */
    public static PromptTemplate of(String pattern) {
        return new PromptTemplate(pattern);
    }

    /**
     * Puts a class name into the pattern.
     *
     * @param className the name, used exactly as given
     * @return the prompt text
     */
    public String apply(String className) {
        return pattern.replace(PLACEHOLDER, className);
    }

    /**
     * Puts each class name into the pattern.
     *
     * @param classNames the names, used exactly as given
     * @return the prompt texts, in order
     */
    public List<String> apply(List<String> classNames) {
        List<String> prompts = new ArrayList<>(classNames.size());
        for (String name : classNames) {
            prompts.add(apply(name));
        }
        return prompts;
    }
}
