/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.sampling.SegmentSampler;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip sample}: prints the frame indices TSN segment sampling picks for a video of N
 * frames, one line per temporal clip.
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = {
            "Print the frame indices that TSN segment sampling picks, one JSON array per"
                    + " temporal clip.",
            "--video-frames N is the length of the video; --frames T is how many frames each"
                    + " clip takes (NUM_FRAMES in the reference's configs)."
        })
public final class SampleCommand implements Callable<Integer> {

    /** Sampling modes. */
    enum Mode {
        train,
        test
    }

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--video-frames",
            required = true,
            paramLabel = "N",
            description = "Frames in the video (its length).")
    private int videoFrames;

    @Option(
            names = "--frames",
            required = true,
            paramLabel = "T",
            description = "Frames sampled per clip (NUM_FRAMES in the reference's configs).")
    private int frames;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "test",
            description =
                    "train (a random frame per segment) or test (segment centres); default:"
                            + " ${DEFAULT-VALUE}.")
    private Mode mode;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1024",
            description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--clips",
            paramLabel = "C",
            defaultValue = "1",
            description = "Temporal clips for multi-view testing (default: ${DEFAULT-VALUE}).")
    private int clips;

    @Option(
            names = "--random-clips",
            description = "With --clips > 1: independent training-mode draws, as the reference.")
    private boolean randomClips;

    @Override
    public Integer call() {
        OptionChecks.atLeastOne(spec.commandLine(), "--video-frames", videoFrames);
        SegmentSampler sampler;
        if (mode == Mode.train) {
            sampler =
                    clips == 1
                            ? SegmentSampler.train(frames)
                            : SegmentSampler.multiViewRandom(frames, clips);
        } else {
            sampler =
                    clips == 1
                            ? SegmentSampler.test(frames)
                            : randomClips
                                    ? SegmentSampler.multiViewRandom(frames, clips)
                                    : SegmentSampler.multiView(frames, clips);
        }
        int[] indices = sampler.sample(videoFrames, new SplittableRandom(seed));
        PrintWriter out = spec.commandLine().getOut();
        for (int c = 0; c < clips; c++) {
            out.println(
                    Arrays.stream(indices, c * frames, (c + 1) * frames)
                            .mapToObj(Integer::toString)
                            .collect(Collectors.joining(",", "[", "]")));
        }
        out.flush();
        return 0;
    }
}
