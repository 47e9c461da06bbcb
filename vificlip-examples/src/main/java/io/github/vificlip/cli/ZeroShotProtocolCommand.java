/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.protocols.ZeroShotProtocol;
import io.github.vificlip.training.Recipes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip protocol zero-shot}: evaluates one model on several test splits, each with its
 * own class list, and reports top-1 as mean ± std over the splits (the paper's HMDB-51, UCF-101 and
 * K600 zero-shot numbers).
 */
@Command(
        name = "zero-shot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluate a model on several test splits (e.g. HMDB-51 val1..val3) and"
                    + " report top-1 as mean ± std.",
            "Writes split-N.json and summary.json to --out."
        })
public final class ZeroShotProtocolCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Option(
            names = "--split",
            paramLabel = "LIST=CSV",
            required = true,
            description = "A test list and its label CSV; repeat for each split.")
    private Map<Path, Path> splits;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Option(
            names = "--frames",
            paramLabel = "T",
            description = "Frames (default: ${DEFAULT-VALUE}).")
    private int frames = 32;

    @Option(names = "--bare", description = "Bare class names (vanilla CLIP zero-shot).")
    private boolean bare;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ZeroShotProtocol.Result result;
        try (ViFiClip vifi = model.build(TuningMode.NONE, 0)) {
            ZeroShotProtocol.Builder protocol =
                    ZeroShotProtocol.builder()
                            .setModel(vifi)
                            .setRun(
                                    model.run(
                                            Recipes.withOverrides(
                                                    Recipes.get("zero-shot-k400"),
                                                    Map.of("frames", String.valueOf(frames))),
                                            source))
                            .setRoot(source.root())
                            .optBare(bare)
                            .optListener(
                                    split ->
                                            stdout.printf(
                                                    Locale.ROOT,
                                                    "split %d (%s): top-1 %.2f%%, top-5 %.2f%%%n",
                                                    split.index(),
                                                    split.list().getFileName(),
                                                    100 * split.result().top1(),
                                                    100 * split.result().top5()));
            splits.forEach(protocol::addSplit);
            result = protocol.build().run(out);
        }
        stdout.printf(
                Locale.ROOT,
                "zero-shot top-1 over %d splits: %.2f ± %.2f%%%n",
                result.top1().runs(),
                100 * result.top1().mean(),
                100 * result.top1().std());
        stdout.flush();
        return 0;
    }
}
