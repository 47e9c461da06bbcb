/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import picocli.CommandLine;

/** Checks of option values that the parser cannot make, reported as usage errors. */
final class OptionChecks {

    private OptionChecks() {}

    /**
     * Refuses a count below one, naming the option and the value given.
     *
     * @param commandLine the command whose usage the error shows
     * @param option the option's name, e.g. {@code --top-k}
     * @param value the value given
     * @throws CommandLine.ParameterException if {@code value < 1}
     */
    static void atLeastOne(CommandLine commandLine, String option, long value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(
                    commandLine, option + " must be at least 1, got " + value);
        }
    }
}
