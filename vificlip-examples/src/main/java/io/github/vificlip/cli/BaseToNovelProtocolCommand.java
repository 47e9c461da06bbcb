/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * reports the seed-averaged base and novel accuracy and their harmonic mean (SPEC §5.2).
 */
@Command(
        name = "base-to-novel",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train on base classes once per seed (one --train list each), evaluate base and",
            "novel classes with their own class lists, and report base, novel and the",
            "harmonic mean of their seed averages. Writes seed-N/ runs and summary.json."
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
        LabelMap base = LabelMap.readCsv(baseLabels);
        LabelMap novel = LabelMap.readCsv(novelLabels);
        VideoList baseTest = VideoList.read(baseVal, source.root(), base);
        VideoList novelTest = VideoList.read(novelVal, source.root(), novel);
        TrainingRun run = new TrainingRun(recipe, model, source.workers, source.failFast);
        List<Double> baseTop1 = new ArrayList<>();
        List<Double> novelTop1 = new ArrayList<>();
        ObjectNode summary = ProtocolSummaries.JSON.createObjectNode().put("recipe", recipe.name());
        ArrayNode seeds = summary.putArray("seeds");
        PrintWriter stdout = spec.commandLine().getOut();
        for (int seed = 0; seed < trainLists.size(); seed++) {
            Path seedOut = out.resolve("seed-" + (seed + 1));
            Provenance provenance =
                    new Provenance()
                            .put("protocol", "base-to-novel")
                            .put("recipe", recipe.name())
                            .file("train.list", trainLists.get(seed))
                            .file("base.labels", baseLabels)
                            .files("weights", model.weights);
            try (ViFiClip vifi = model.build(TuningMode.NONE, recipe.seed())) {
                VideoClassificationBlock block = Models.trainable(vifi, recipe, model.prompts);
                int size = vifi.getConfig().imageSize();
                run.train(
                        block,
                        size,
                        VideoList.read(trainLists.get(seed), source.root(), base),
                        null,
                        seedOut,
                        false,
                        provenance);
                EvaluationResult baseResult =
                        run.evaluate(block, size, baseTest, 1, 1, seedOut, "eval-base");
                EvaluationResult novelResult =
                        run.evaluate(block, size, novelTest, 1, 1, seedOut, "eval-novel");
                baseTop1.add(baseResult.top1());
                novelTop1.add(novelResult.top1());
                seeds.addObject()
                        .put("train", trainLists.get(seed).toString())
                        .put("base", baseResult.top1())
                        .put("novel", novelResult.top1())
                        .put(
                                "harmonicMean",
                                Summaries.harmonicMean(baseResult.top1(), novelResult.top1()));
                stdout.printf(
                        Locale.ROOT,
                        "seed %d: base %.2f%%, novel %.2f%%%n",
                        seed + 1,
                        100 * baseResult.top1(),
                        100 * novelResult.top1());
            }
        }
        Summaries.BaseNovel result = Summaries.baseToNovel(baseTop1, novelTop1);
        summary.set("base", ProtocolSummaries.meanStd(result.base()));
        summary.set("novel", ProtocolSummaries.meanStd(result.novel()));
        summary.put("harmonicMean", result.harmonicMean());
        summary.put("chanceBase", 1.0 / base.size());
        summary.put("chanceNovel", 1.0 / novel.size());
        ProtocolSummaries.write(summary, out.resolve("summary.json"));
        stdout.printf(
                Locale.ROOT,
                "base %.2f%%, novel %.2f%%, HM %.2f%% over %d seeds (chance %.1f%% / %.1f%%)%n",
                100 * result.base().mean(),
                100 * result.novel().mean(),
                100 * result.harmonicMean(),
                trainLists.size(),
                100.0 / base.size(),
                100.0 / novel.size());
        stdout.flush();
        return 0;
    }
}
