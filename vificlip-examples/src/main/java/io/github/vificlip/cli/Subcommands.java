/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What a command made only of subcommands says when it is run without one. */
public final class Subcommands {

    private Subcommands() {}

    /**
     * Returns the usage error for a missing subcommand: it names every subcommand and where to read
     * about one.
     *
     * @param spec the command that was run without a subcommand
     * @return the exception to throw (exit status 2, with the usage)
     */
    public static CommandLine.ParameterException missing(CommandSpec spec) {
        List<String> names =
                spec.subcommands().keySet().stream().filter(name -> !"help".equals(name)).toList();
        return new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: give one of "
                        + String.join(", ", names)
                        + " (`"
                        + spec.qualifiedName()
                        + " COMMAND --help` describes one)");
    }
}
