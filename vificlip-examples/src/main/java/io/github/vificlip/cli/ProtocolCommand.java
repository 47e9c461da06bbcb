/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vificlip protocol}: the paper's evaluation protocols, each a series of training and
 * evaluation runs with a summary (zero-shot over test splits, base-to-novel over seeds, few-shot
 * over K).
 */
@Command(
        name = "protocol",
        mixinStandardHelpOptions = true,
        description =
                "Run the paper's evaluation protocols (zero-shot, base-to-novel, few-shot) and"
                        + " write their summaries.",
        subcommands = {
            ZeroShotProtocolCommand.class,
            BaseToNovelProtocolCommand.class,
            FewShotProtocolCommand.class
        })
public final class ProtocolCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Subcommands.missing(spec);
    }
}
