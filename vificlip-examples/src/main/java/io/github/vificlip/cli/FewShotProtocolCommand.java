/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip protocol few-shot}: one training run per K (2, 4, 8, 16 in the paper), each on
 * exactly K videos per class (the released lists, or drawn here from a full training list), all
 * evaluated on the same test list (SPEC §5.3).
 */
@Command(
        name = "few-shot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train once per K on K videos per class and evaluate each on the same test list.",
            "Give the released lists (--train-k 2=train1_few_shot_2.txt ...) or a full list",
            "to draw them from (--train LIST --shots 2,4,8,16). Writes k-K/ runs and",
            "summary.json to --out."
        })
public final class FewShotProtocolCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Mixin private RecipeOptions recipeOptions = new RecipeOptions();

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            required = true,
            description = "Label CSV of all classes.")
    private Path labels;

    @Option(
            names = "--val",
            paramLabel = "LIST",
            required = true,
            description = "Test list (val1 for HMDB/UCF).")
    private Path validation;

    @Option(
            names = "--train-k",
            paramLabel = "K=LIST",
            description = "A K-shot training list; repeat per K.")
    private Map<Integer, Path> kShotLists = new LinkedHashMap<>();

    @Option(
            names = "--train",
            paramLabel = "LIST",
            description = "Full training list to draw K-shot sets from.")
    private Path trainList;

    @Option(
            names = "--shots",
            paramLabel = "K",
            split = ",",
            description = "The K values to draw (default: ${DEFAULT-VALUE}).")
    private List<Integer> shots = List.of(2, 4, 8, 16);

    @Option(
            names = "--draw-seed",
            paramLabel = "S",
            description = "Seed of the K-shot draws (default: ${DEFAULT-VALUE}).")
    private long drawSeed = 1;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (kShotLists.isEmpty() == (trainList == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Give either --train-k K=LIST... or --train LIST --shots ...");
        }
        Recipe recipe = recipeOptions.recipe();
        LabelMap labelMap = LabelMap.readCsv(labels);
        VideoList test = VideoList.read(validation, source.root(), labelMap);
        Map<Integer, VideoList> sets = new LinkedHashMap<>();
        if (trainList != null) {
            VideoList full = VideoList.read(trainList, source.root(), labelMap);
            for (int k : shots) {
                VideoList drawn =
                        KShotSampler.builder().setShots(k).optSeed(drawSeed).build().sample(full);
                Files.createDirectories(out.resolve("k-" + k));
                drawn.write(out.resolve("k-" + k).resolve("train.txt"));
                sets.put(k, drawn);
            }
        } else {
            for (Map.Entry<Integer, Path> entry : kShotLists.entrySet()) {
                sets.put(entry.getKey(), VideoList.read(entry.getValue(), source.root(), labelMap));
            }
        }
        TrainingRun run = new TrainingRun(recipe, model, source.workers, source.failFast);
        ObjectNode summary = ProtocolSummaries.JSON.createObjectNode().put("recipe", recipe.name());
        ArrayNode results = summary.putArray("shots");
        PrintWriter stdout = spec.commandLine().getOut();
        for (Map.Entry<Integer, VideoList> set : sets.entrySet()) {
            Path runOut = out.resolve("k-" + set.getKey());
            try (ViFiClip vifi = model.build(TuningMode.NONE, recipe.seed())) {
                VideoClassificationBlock block = Models.trainable(vifi, recipe, model.prompts);
                int size = vifi.getConfig().imageSize();
                run.train(
                        block,
                        size,
                        set.getValue(),
                        null,
                        runOut,
                        false,
                        new Provenance()
                                .put("protocol", "few-shot")
                                .put("shots", String.valueOf(set.getKey()))
                                .files("weights", model.weights));
                EvaluationResult result =
                        run.evaluate(
                                block,
                                size,
                                test,
                                recipe.finalTestClips(),
                                recipe.finalTestCrops(),
                                runOut,
                                "eval");
                results.addObject()
                        .put("k", set.getKey())
                        .put("trainVideos", set.getValue().size())
                        .put("top1", result.top1())
                        .put("top5", result.top5());
                stdout.printf(
                        Locale.ROOT,
                        "K=%d (%d videos): top-1 %.2f%%, top-5 %.2f%%%n",
                        set.getKey(),
                        set.getValue().size(),
                        100 * result.top1(),
                        100 * result.top5());
            }
        }
        summary.put("chance", 1.0 / labelMap.size());
        ProtocolSummaries.write(summary, out.resolve("summary.json"));
        stdout.flush();
        return 0;
    }
}
