/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.model.PromptTemplate;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The class-name prompt that {@code --template} and {@code --bare} choose, shared by the commands
 * that score class names ({@code classify}, {@code eval}).
 */
final class ClassPrompts {

    private ClassPrompts() {}

    /**
     * Refuses {@code --template} or {@code --bare} next to {@code --prompts}, whose learned context
     * is the class text.
     *
     * @param commandLine the command whose usage the error shows
     * @param prompts the {@code --prompts} file, or null
     * @param bare whether {@code --bare} was given
     * @param template the {@code --template} text, or null
     * @throws CommandLine.ParameterException if prompts and a class text are both given
     */
    static void refuseWithPrompts(
            CommandLine commandLine, Path prompts, boolean bare, String template) {
        if (prompts != null && (bare || template != null)) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "--prompts brings its own class text (the learned context): drop --template"
                            + " and --bare");
        }
    }

    /**
     * Returns the template the options give: the bare name with {@code --bare}, the {@code
     * --template} text, or null when neither was given.
     *
     * @param bare whether {@code --bare} was given
     * @param template the {@code --template} text, or null
     * @return the template, or null for the default
     */
    static PromptTemplate given(boolean bare, String template) {
        if (bare) {
            return PromptTemplate.BARE;
        }
        return template == null ? null : PromptTemplate.of(template);
    }

    /**
     * Returns the template the options choose, {@link PromptTemplate#FINE_TUNE} ("a photo of a
     * {}.") when neither was given.
     *
     * @param bare whether {@code --bare} was given
     * @param template the {@code --template} text, or null
     * @return the template
     */
    static PromptTemplate chosen(boolean bare, String template) {
        PromptTemplate given = given(bare, template);
        return given != null ? given : PromptTemplate.FINE_TUNE;
    }
}
