/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Evaluations;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.ViFiClipTrainer;
import io.github.vificlip.training.VideoEvaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
            "Train on a list of videos with one of the paper's recipes (see --list-recipes).",
            "Writes checkpoints, model.safetensors, history.json, epochs.csv,",
            "training-curve.png, evaluations and metrics.json to --out.",
            "Prompt recipes (bridge and prompt) freeze the --weights model and learn prompts",
            "only; their model.safetensors is a prompt-only file for --prompts.",
            "An unreadable video is logged and replaced by another (unless --fail-fast)."
        })
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "The recipe (default: ${DEFAULT-VALUE}).")
    private String recipe = "few-shot-finetune";

    @Option(names = "--list-recipes", description = "Print the recipes and exit.")
    private boolean listRecipes;

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "Folder the list paths are relative to.")
    private Path root;

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

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Option(names = "--resume", description = "Continue from the latest checkpoint in --out.")
    private boolean resume;

    @Mixin private ModelOptions model = new ModelOptions();

    @Option(names = "--epochs", paramLabel = "N", description = "Override the recipe's epochs.")
    private Integer epochs;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Override the recipe's learning rate.")
    private Double learningRate;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "Override the clips per device.")
    private Integer batchSize;

    @Option(
            names = "--accumulation",
            paramLabel = "A",
            description = "Override the accumulation steps.")
    private Integer accumulation;

    @Option(names = "--frames", paramLabel = "T", description = "Override the frames per clip.")
    private Integer frames;

    @Option(names = "--seed", paramLabel = "S", description = "Override the seed.")
    private Long seed;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override any recipe value, e.g. --set warmupEpochs=1 --set tune=image.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Threads that decode videos (default: cores).")
    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fail-fast", description = "Stop at the first unreadable video.")
    private boolean failFast;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (listRecipes) {
            for (String name : Recipes.names()) {
                stdout.printf("%-28s %s%n", name, Recipes.get(name).description());
            }
            stdout.flush();
            return 0;
        }
        requireOption(root, "--root");
        requireOption(trainList, "--train");
        requireOption(labels, "--labels");
        Recipe settings = Recipes.withOverrides(Recipes.get(recipe), recipeOverrides());
        LabelMap trainLabels = LabelMap.readCsv(labels);
        VideoList videos = VideoList.read(trainList, root, trainLabels);
        Provenance provenance =
                new Provenance()
                        .put("recipe", settings.name())
                        .file("train.list", trainList)
                        .file("train.labels", labels)
                        .files("weights", model.weights);
        if (model.prompts != null) {
            provenance.file("prompts", model.prompts);
        }
        try (ViFiClip vifi =
                model.build(io.github.vificlip.model.TuningMode.NONE, settings.seed())) {
            VideoClassificationBlock block = Models.trainable(vifi, settings, model.prompts);
            int size = vifi.getConfig().imageSize();
            VideoDataset train =
                    VideoDatasets.training(
                            videos, settings.frames(), size, settings.seed(), failFast, workers);
            VideoDataset validation = null;
            LabelMap valLabels = trainLabels;
            if (validationList != null) {
                valLabels =
                        validationLabels != null ? LabelMap.readCsv(validationLabels) : trainLabels;
                provenance.file("val.list", validationList);
                validation =
                        VideoDatasets.evaluation(
                                VideoList.read(validationList, root, valLabels),
                                settings.frames(),
                                settings.testClips(),
                                settings.testCrops(),
                                size,
                                settings.seed(),
                                false,
                                failFast,
                                workers);
            }
            java.util.concurrent.atomic.AtomicBoolean passStarted =
                    new java.util.concurrent.atomic.AtomicBoolean();
            ViFiClipTrainer.Builder trainer =
                    ViFiClipTrainer.builder()
                            .optRecipe(settings)
                            .optOutputDirectory(out)
                            .optResume(resume)
                            .optDevices(model.devices())
                            .optWorkers(workers)
                            .optProgress(new ConsoleProgress())
                            .optEpochStart(
                                    epoch -> {
                                        if (passStarted.getAndSet(true)) {
                                            train.failures().endPass();
                                        }
                                        train.setPass(epoch);
                                    });
            provenance.entries().forEach(trainer::optProvenance);
            TrainingResult result =
                    trainer.build()
                            .fit(block, train, trainLabels.names(), validation, valLabels.names());
            train.failures().endPass();
            ObjectNode metrics = new ObjectMapper().createObjectNode();
            metrics.put("recipe", settings.name());
            metrics.put("epochs", settings.epochs());
            metrics.put(
                    "finalMeanLoss",
                    result.history()
                            .getEpochs()
                            .get(result.history().getEpochs().size() - 1)
                            .meanLoss());
            if (validation != null) {
                metrics.put("bestTop1", result.bestTop1());
                metrics.put("bestEpoch", result.bestEpoch() + 1);
                if (settings.finalTestClips() != settings.testClips()
                        || settings.finalTestCrops() != settings.testCrops()) {
                    EvaluationResult last =
                            VideoEvaluator.builder()
                                    .setFramesPerView(settings.frames())
                                    .optWorkers(workers)
                                    .optProgress(new ConsoleProgress())
                                    .build()
                                    .evaluate(
                                            block,
                                            VideoDatasets.evaluation(
                                                    VideoList.read(validationList, root, valLabels),
                                                    settings.frames(),
                                                    settings.finalTestClips(),
                                                    settings.finalTestCrops(),
                                                    size,
                                                    settings.seed(),
                                                    false,
                                                    failFast,
                                                    workers),
                                            valLabels.names());
                    Evaluations.writeJson(last, out.resolve("eval-final.json"));
                    metrics.set("final", Evaluations.toJson(last));
                }
            }
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("metrics.json").toFile(), metrics);
            stdout.printf(
                    Locale.ROOT,
                    "Trained %d epochs of %s; %s: %s%s%n",
                    settings.epochs(),
                    settings.name(),
                    "prompts".equals(settings.tune())
                            ? "prompts (use with --weights and --prompts)"
                            : "model",
                    result.modelFile(),
                    validation == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; best validation top-1 %.2f%% (epoch %d)",
                                    100 * result.bestTop1(),
                                    result.bestEpoch() + 1));
            stdout.flush();
        }
        return 0;
    }

    private Map<String, String> recipeOverrides() {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        putIfSet(all, "epochs", epochs);
        putIfSet(all, "learningRate", learningRate);
        putIfSet(all, "batchSize", batchSize);
        putIfSet(all, "accumulation", accumulation);
        putIfSet(all, "frames", frames);
        putIfSet(all, "seed", seed);
        return all;
    }

    private static void putIfSet(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, String.valueOf(value));
        }
    }

    private void requireOption(Object value, String name) {
        if (value == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Missing required option: " + name);
        }
    }
}
