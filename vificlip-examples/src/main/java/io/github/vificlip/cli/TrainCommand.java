/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.protocols.Provenance;
import io.github.vificlip.protocols.TrainableBlocks;
import io.github.vificlip.protocols.TrainingRun;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingHistory;
import io.github.vificlip.training.TrainingResult;
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
 * {@code vificlip train}: trains a model on a video list with one of the paper's recipes and writes
 * checkpoints, history, pictures and metrics to the output folder.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train on a list of videos with one of the paper's recipes (see" + " --list-recipes).",
            "Writes checkpoints, model.safetensors, history.json, epochs.csv,"
                    + " training-curve.png, evaluations and metrics.json to --out.",
            "Prompt recipes (bridge and prompt) freeze the --weights model and learn"
                    + " prompts only; their model.safetensors is a prompt-only file for"
                    + " --prompts.",
            "An unreadable video is logged and replaced by another (unless" + " --fail-fast)."
        })
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private RecipeOptions recipeOptions = new RecipeOptions();

    @Option(names = "--list-recipes", description = "Print the recipes and exit.")
    private boolean listRecipes;

    @Option(
            names = "--train",
            paramLabel = "LIST",
            description = "Training list (path label per line).")
    private Path trainList;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            description = "Label CSV (id,name) of the training list.")
    private Path labels;

    @Option(
            names = "--val",
            paramLabel = "LIST",
            description = "Validation list, evaluated during training.")
    private Path validationList;

    @Option(
            names = "--val-labels",
            paramLabel = "CSV",
            description = "Label CSV of the validation list (default: --labels).")
    private Path validationLabels;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder (required unless --list-recipes).")
    private Path out;

    @Option(names = "--resume", description = "Continue from the latest checkpoint in --out.")
    private boolean resume;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Override
    public Integer call() throws IOException {
        if (listRecipes) {
            printRecipes();
            return 0;
        }
        requireOptions();
        Path root = source.root();
        Recipe settings = recipeOptions.recipe();
        LabelMap trainLabels = LabelMap.readCsv(labels);
        VideoList videos = VideoList.read(trainList, root, trainLabels);
        VideoList validation = validation(root, trainLabels);
        Provenance provenance = provenance(settings);
        TrainingRun run = model.run(settings, source);
        try (ViFiClip vifi = model.build(TuningMode.NONE, settings.seed())) {
            VideoClassificationBlock block =
                    TrainableBlocks.forRecipe(vifi, settings, model.prompts);
            int size = vifi.getConfig().imageSize();
            TrainingResult result =
                    run.train(block, size, videos, validation, out, resume, provenance);
            ObjectNode metrics = metrics(settings, result);
            if (validation != null) {
                metrics.put("bestTop1", result.bestTop1());
                metrics.put("bestEpoch", result.bestEpoch());
                EvaluationResult last = finalEvaluation(run, block, size, validation, settings);
                if (last != null) {
                    metrics.set("final", last.toJson());
                }
            }
            JsonFiles.write(out.resolve("metrics.json"), metrics);
            printSummary(settings, result, validation != null);
        }
        return 0;
    }

    private void printRecipes() {
        PrintWriter stdout = spec.commandLine().getOut();
        for (String name : Recipes.names()) {
            stdout.printf("%-28s %s%n", name, Recipes.get(name).description());
        }
        stdout.flush();
    }

    /** Reads {@code --val} with its own labels or the training ones; null without {@code --val}. */
    private VideoList validation(Path root, LabelMap trainLabels) throws IOException {
        if (validationList == null) {
            return null;
        }
        LabelMap labelMap =
                validationLabels != null ? LabelMap.readCsv(validationLabels) : trainLabels;
        return VideoList.read(validationList, root, labelMap);
    }

    /** What the run was made from: the recipe and the files given. */
    private Provenance provenance(Recipe settings) throws IOException {
        Provenance provenance =
                new Provenance()
                        .put("recipe", settings.name())
                        .file("train.list", trainList)
                        .file("train.labels", labels)
                        .files("weights", model.weights);
        if (validationList != null) {
            provenance.file("val.list", validationList);
        }
        if (model.prompts != null) {
            provenance.file("prompts", model.prompts);
        }
        return provenance;
    }

    /** The training figures of {@code metrics.json}: recipe, epochs, final loss, unreadables. */
    private static ObjectNode metrics(Recipe settings, TrainingResult result) {
        ObjectNode metrics = new ObjectMapper().createObjectNode();
        metrics.put("recipe", settings.name());
        metrics.put("epochs", settings.epochs());
        List<TrainingHistory.Epoch> epochs = result.history().getEpochs();
        metrics.put("finalMeanLoss", epochs.get(epochs.size() - 1).meanLoss());
        metrics.put(
                "unreadableTrainingVideos",
                result.history().getUnreadable().stream()
                        .mapToInt(TrainingHistory.Unreadable::videos)
                        .sum());
        return metrics;
    }

    /**
     * Evaluates the trained block with the recipe's final views when they differ from those of the
     * evaluations during training; returns null when they do not.
     */
    private EvaluationResult finalEvaluation(
            TrainingRun run,
            VideoClassificationBlock block,
            int size,
            VideoList validation,
            Recipe settings)
            throws IOException {
        if (settings.finalTestClips() == settings.testClips()
                && settings.finalTestCrops() == settings.testCrops()) {
            return null;
        }
        return run.evaluate(
                block,
                size,
                validation,
                settings.finalTestClips(),
                settings.finalTestCrops(),
                out,
                "eval-final");
    }

    private void printSummary(Recipe settings, TrainingResult result, boolean validated) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "Trained %d epochs of %s; %s: %s%s%n",
                settings.epochs(),
                settings.name(),
                settings.tune() == TuningMode.PROMPTS
                        ? "prompts (use with --weights and --prompts)"
                        : "model",
                result.modelFile(),
                validated
                        ? String.format(
                                Locale.ROOT,
                                "; best validation top-1 %.2f%% (epoch %d)",
                                100 * result.bestTop1(),
                                result.bestEpoch())
                        : "");
        stdout.flush();
    }

    /** Names every missing option at once, and the one option that needs none of them. */
    private void requireOptions() {
        List<String> missing = new ArrayList<>();
        if (trainList == null) {
            missing.add("--train=LIST");
        }
        if (labels == null) {
            missing.add("--labels=CSV");
        }
        if (out == null) {
            missing.add("--out=DIR");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "Missing required option"
                            + (missing.size() == 1 ? ": " : "s: ")
                            + String.join(", ", missing)
                            + " (only --list-recipes runs without them)");
        }
    }
}
