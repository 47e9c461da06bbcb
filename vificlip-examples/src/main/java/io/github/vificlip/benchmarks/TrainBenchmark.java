/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import io.github.vificlip.loading.SilentProgress;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.tokenizer.ClipTokenizer;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingHistory;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.ViFiClipTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark train}: the time of one training step of the full model (ViT-B/16 by
 * default, one clip of 8 frames, both towers trained, AdamW) as the trainer runs it, against 3× the
 * forward FLOPs (forward + backward ≈ 3 forwards) at the matrix-multiply rate measured in the same
 * run.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Measure a full training step against 3x the forward FLOPs at matmul speed.")
public final class TrainBenchmark implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", description = "Architecture (default: ${DEFAULT-VALUE}).")
    private String preset = "ViT-B/16";

    @Option(names = "--frames", description = "Frames of the clip (default: ${DEFAULT-VALUE}).")
    private int frames = 8;

    @Option(
            names = "--classes",
            description = "Class prompts the text tower trains on (default: ${DEFAULT-VALUE}).")
    private int classes = 10;

    @Option(
            names = "--steps",
            description = "Timed steps, after one epoch of warm-up (default: ${DEFAULT-VALUE}).")
    private int steps = 4;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ClipConfig config = ClipConfig.preset(preset);
        RunConditions.print(out);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class number " + c);
        }
        Path dir = Files.createTempDirectory("vificlip-train-benchmark");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                ViFiClip model =
                        ViFiClip.builder().setConfig(config).optTuning(TuningMode.BOTH).build()) {
            MatrixMultiply peak =
                    MatrixMultiply.fastest(
                            manager,
                            out,
                            5,
                            new long[] {2048, 2048, 2048},
                            new long[] {
                                (long) frames * config.visionTokens(),
                                config.visionWidth(),
                                config.visionMlpWidth()
                            });
            TrainingResult result = train(model, randomClips(manager, config), names, dir);
            double matMul = peak.bestFlops(5);
            TrainingHistory.Epoch timed = result.history().getEpochs().get(1);
            report(out, config, model, names, timed.seconds() / steps, matMul);
        } finally {
            BenchmarkFolder.delete(dir);
        }
        return 0;
    }

    /** One random clip per step, labelled with the classes in turn. */
    private ArrayDataset randomClips(NDManager manager, ClipConfig config) {
        int size = config.imageSize();
        float[] labels = new float[steps];
        for (int i = 0; i < steps; i++) {
            labels[i] = i % classes;
        }
        return new ArrayDataset.Builder()
                .setData(manager.randomNormal(new Shape(steps, frames, 3, size, size)))
                .optLabels(manager.create(labels).toType(DataType.INT64, false))
                .setSampling(1, false)
                .build();
    }

    /** Two epochs of the few-shot fine-tuning recipe, one clip a step: warm-up, then timed. */
    private TrainingResult train(ViFiClip model, ArrayDataset clips, List<String> names, Path dir)
            throws IOException {
        return ViFiClipTrainer.builder()
                .optRecipe(
                        Recipes.get("few-shot-finetune").toBuilder()
                                .optEpochs(2)
                                .optWarmupEpochs(0)
                                .optBatchSize(1)
                                .optAccumulation(1)
                                .optFrames(frames)
                                .optSaveFrequency(1000)
                                .build())
                .optWorkers(1)
                .optProgress(new SilentProgress())
                .optOutputDirectory(dir)
                .build()
                .fit(model.getBlock(), clips, names);
    }

    /** Prints the step time and 3x its forward FLOPs as a rate and a fraction of the matmul's. */
    private void report(
            PrintWriter out,
            ClipConfig config,
            ViFiClip model,
            List<String> names,
            double stepSeconds,
            double matMul) {
        ClipTokenizer tokenizer = model.getBlock().getTokenizer();
        double textFlops =
                TextTowerFlops.of(config, tokenizer, PromptTemplate.FINE_TUNE.apply(names)).flops();
        double forward = 2.0 * config.visionMacsPerImage() * frames + textFlops;
        out.printf(
                "%s training step, 1 clip x %d frames, %d class prompts, both towers + AdamW:"
                        + " %.3f s per step (epoch 2, %d steps)%n",
                config.name(), frames, classes, stepSeconds, steps);
        out.printf(
                "3 x forward = %.1f GFLOP per step -> %.1f GFLOP/s = %.1f%% of the matmul rate"
                        + " (%.1f GFLOP/s)%n",
                3 * forward / 1e9,
                3 * forward / stepSeconds / 1e9,
                100 * 3 * forward / stepSeconds / matMul,
                matMul / 1e9);
        out.flush();
    }
}
