/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.protocols.BaseToNovelProtocol;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip protocol base-to-novel}: for each seed's training list, trains on the base
 * classes, evaluates the base classes and the novel classes each against its own class list, and
 * reports the seed-averaged base and novel accuracy and their harmonic mean, as the paper reports
 * base-to-novel results.
 */
@Command(
        name = "base-to-novel",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train on the base classes once per seed and evaluate base and novel"
                    + " classes, each against its own class list.",
            "Give one --train list per seed. Reports base, novel and the harmonic"
                    + " mean of their seed averages, and writes seed-N/ runs and summary.json"
                    + " to --out."
        })
public final class BaseToNovelProtocolCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Mixin private RecipeOptions recipeOptions = new RecipeOptions();

    @Option(
            names = "--base-labels",
            paramLabel = "CSV",
            required = true,
            description = "Label CSV of the base classes.")
    private Path baseLabels;

    @Option(
            names = "--novel-labels",
            paramLabel = "CSV",
            required = true,
            description = "Label CSV of the novel classes.")
    private Path novelLabels;

    @Option(
            names = "--train",
            paramLabel = "LIST",
            required = true,
            description =
                    "Base training list of one seed (e.g. fs_base_s1_train.txt); repeat per seed.")
    private List<Path> trainLists;

    @Option(
            names = "--base-val",
            paramLabel = "LIST",
            required = true,
            description = "Base-class test list.")
    private Path baseVal;

    @Option(
            names = "--novel-val",
            paramLabel = "LIST",
            required = true,
            description = "Novel-class test list.")
    private Path novelVal;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Recipe recipe = recipeOptions.recipe();
        PrintWriter stdout = spec.commandLine().getOut();
        BaseToNovelProtocol.Builder protocol =
                BaseToNovelProtocol.builder()
                        .setModels(model.models())
                        .setRun(model.run(recipe, source))
                        .setRoot(source.root())
                        .setBase(baseLabels, baseVal)
                        .setNovel(novelLabels, novelVal)
                        .optPrompts(model.prompts)
                        .optProvenance(model.weightsProvenance())
                        .optListener(
                                seed ->
                                        stdout.printf(
                                                Locale.ROOT,
                                                "seed %d: base %.2f%%, novel %.2f%%%n",
                                                seed.index(),
                                                100 * seed.base().top1(),
                                                100 * seed.novel().top1()));
        trainLists.forEach(protocol::addTrainList);
        BaseToNovelProtocol.Result result = protocol.build().run(out);
        stdout.printf(
                Locale.ROOT,
                "base %.2f%%, novel %.2f%%, HM %.2f%% over %d seeds (chance %.1f%% / %.1f%%)%n",
                100 * result.summary().base().mean(),
                100 * result.summary().novel().mean(),
                100 * result.summary().harmonicMean(),
                result.seeds().size(),
                100.0 / result.baseClasses(),
                100.0 / result.novelClasses());
        stdout.flush();
        return 0;
    }
}
