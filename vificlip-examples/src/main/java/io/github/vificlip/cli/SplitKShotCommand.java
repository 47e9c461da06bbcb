/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.KShotSampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vificlip split k-shot}: draws exactly K videos per class into a new list file. */
@Command(
        name = "k-shot",
        mixinStandardHelpOptions = true,
        description = {
            "Draw exactly K videos per class from a list file and write them in the"
                    + " same list format.",
            "The draw is seeded: the same seed gives the same file on any machine,"
                    + " and different K are independent draws."
        })
public final class SplitKShotCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--k", required = true, description = "Videos per class.")
    private int shots;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--labels", required = true, description = "Label CSV the list indexes.")
    private Path labels;

    @Option(names = "--list", required = true, description = "List file to draw from.")
    private Path list;

    @Option(names = "--out", required = true, description = "List file to write.")
    private Path out;

    @Option(
            names = "--allow-fewer",
            description = "Take all videos of a class that has fewer than K instead of failing.")
    private boolean allowFewer;

    @Override
    public Integer call() throws IOException {
        VideoList videos = VideoList.read(list, Path.of(""), LabelMap.readCsv(labels));
        VideoList sample =
                KShotSampler.builder()
                        .setShots(shots)
                        .optSeed(seed)
                        .optAllowFewer(allowFewer)
                        .build()
                        .sample(videos);
        sample.write(out);
        PrintWriter print = spec.commandLine().getOut();
        int[] counts = sample.countsPerClass();
        int full = 0;
        for (int count : counts) {
            full += count == shots ? 1 : 0;
        }
        print.printf(
                "%s: %d videos, %d classes with %d each, %d with fewer%n",
                out, sample.size(), full, shots, counts.length - full);
        print.flush();
        return 0;
    }
}
