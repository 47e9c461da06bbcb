/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.zoo.ZooArguments;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a video file is prepared for the model: shared by {@code classify} and {@code embed}. */
final class VideoViewOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--frames",
            paramLabel = "T",
            description = "Frames per view, at segment centres (default: ${DEFAULT-VALUE}).")
    int frames = 32;

    @Option(
            names = "--views",
            paramLabel = "CLIPSxCROPS",
            description =
                    "Temporal clips × spatial crops (1 or 3) per video (default:"
                            + " ${DEFAULT-VALUE}).")
    private String views = "1x1";

    /** Returns {clips, crops}; a malformed {@code --views} or {@code --frames} is a usage error. */
    int[] clipsAndCrops() {
        OptionChecks.atLeastOne(mixee.commandLine(), "--frames", frames);
        try {
            return ZooArguments.parseViews(views);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
        }
    }
}
