/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.protocols.FewShotProtocol;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.io.PrintWriter;
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
 * evaluated on the same test list (the reference's {@code configs/few_shot}).
 */
@Command(
        name = "few-shot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train once per K on K videos per class and evaluate each on the same" + " test list.",
            "Give the released lists (--train-k 2=train1_few_shot_2.txt ...) or a"
                    + " full list to draw them from (--train LIST --shots 2,4,8,16). Writes"
                    + " k-K/ runs and summary.json to --out."
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
        PrintWriter stdout = spec.commandLine().getOut();
        FewShotProtocol.Builder protocol =
                FewShotProtocol.builder()
                        .setModels(model.models())
                        .setRun(model.run(recipe, source))
                        .setRoot(source.root())
                        .setClasses(labels, validation)
                        .optPrompts(model.prompts)
                        .optProvenance(model.weightsProvenance())
                        .optListener(
                                shot ->
                                        stdout.printf(
                                                Locale.ROOT,
                                                "K=%d (%d videos): top-1 %.2f%%, top-5 %.2f%%%n",
                                                shot.k(),
                                                shot.trainVideos(),
                                                100 * shot.result().top1(),
                                                100 * shot.result().top5()));
        if (trainList != null) {
            protocol.setDrawnFrom(trainList, shots, drawSeed);
        } else {
            kShotLists.forEach(protocol::addKShotList);
        }
        protocol.build().run(out);
        stdout.flush();
        return 0;
    }
}
