/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vificlip split}: makes base/novel and K-shot split files. */
@Command(
        name = "split",
        mixinStandardHelpOptions = true,
        description = "Make base/novel and K-shot split files in ViFi-CLIP's formats.",
        subcommands = {SplitBaseNovelCommand.class, SplitKShotCommand.class})
public final class SplitCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Subcommands.missing(spec);
    }
}
