/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.video.VideoDecoder;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a command's videos are and how they are read: shared by the commands that decode lists. */
final class VideoSourceOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Folder the list paths are relative to (required with any list).")
    private Path root;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Threads that decode videos (default: cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-fast", description = "Stop at the first unreadable video.")
    boolean failFast;

    @Mixin private DecoderOption decoder = new DecoderOption();

    /** Returns a decoder of the {@code --decoder} backend. */
    VideoDecoder decoder() {
        return decoder.decoder();
    }

    /** Returns {@code --root}, which every use of a list needs (optional only for the parser). */
    Path root() {
        if (root == null) {
            throw new CommandLine.ParameterException(
                    mixee.commandLine(), "Missing required option: --root");
        }
        return root;
    }
}
