/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipTextTransformer;
import io.github.vificlip.model.ClipVisionTransformer;
import io.github.vificlip.tokenizer.ClipTokenizer;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark model}: the CLIP towers' throughput as a fraction of the same machine's
 * fp32 matrix-multiply FLOP/s, measured in the same run.
 *
 * <p>First the peak: the best of a few large fp32 matrix products (square ones and the shape of the
 * image tower's largest product). Then the image tower (random weights, a batch of frames) and the
 * text tower (class-name prompts), each timed as the median of several passes after a warm-up;
 * their FLOPs come from the configuration ({@link ClipConfig#visionMacsPerImage()}, 2 FLOPs per
 * multiply-accumulate).
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description =
                "Measure CLIP image and text tower throughput against the machine's matrix"
                        + " multiply FLOP/s.")
public final class ModelBenchmark implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", description = "CLIP architecture (default: ${DEFAULT-VALUE}).")
    private String preset = "ViT-B/16";

    @Option(
            names = "--frames",
            description = "Frames per image-tower pass (default: ${DEFAULT-VALUE}).")
    private int frames = 8;

    @Option(
            names = "--prompts",
            description = "Prompts per text-tower pass (default: ${DEFAULT-VALUE}).")
    private int prompts = 400;

    @Option(
            names = "--rounds",
            description = "Timed passes of each measurement (default: ${DEFAULT-VALUE}).")
    private int rounds = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClipConfig config = ClipConfig.preset(preset);
        Engine engine = Engine.getInstance();
        out.printf(
                "%s %s, %d intra-op threads, %s%n",
                engine.getEngineName(),
                engine.getVersion(),
                Runtime.getRuntime().availableProcessors(),
                Device.cpu());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            double peak = matMulPeak(manager, out, config);
            double image = imageTower(manager, config);
            double imageFlops = 2.0 * config.visionMacsPerImage() * frames;
            out.printf(
                    "%s image tower, %d frames of %d px: %.3f s per pass, %.1f frames/s, %.1f"
                            + " GFLOP/s = %.1f%% of matmul peak%n",
                    config.name(),
                    frames,
                    config.imageSize(),
                    image,
                    frames / image,
                    imageFlops / image / 1e9,
                    100 * imageFlops / image / peak);
            double text = textTower(manager, config);
            double textFlops = 2.0 * config.textMacsPerPrompt() * prompts;
            out.printf(
                    "%s text tower, %d prompts of %d tokens: %.3f s per pass, %.1f prompts/s,"
                            + " %.1f GFLOP/s = %.1f%% of matmul peak%n",
                    config.name(),
                    prompts,
                    config.contextLength(),
                    text,
                    prompts / text,
                    textFlops / text / 1e9,
                    100 * textFlops / text / peak);
        }
        out.flush();
        return 0;
    }

    /** Returns the best fp32 matrix-multiply FLOP/s over a few large products. */
    private double matMulPeak(NDManager manager, PrintWriter out, ClipConfig config) {
        long tokens = (long) frames * config.visionTokens();
        long[][] shapes = {
            {1024, 1024, 1024},
            {2048, 2048, 2048},
            {tokens, config.visionWidth(), config.visionMlpWidth()}
        };
        double best = 0;
        for (long[] mkn : shapes) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray a = scope.randomNormal(new Shape(mkn[0], mkn[1]));
                NDArray b = scope.randomNormal(new Shape(mkn[1], mkn[2]));
                double seconds =
                        median(
                                () -> {
                                    try (NDArray c = a.matMul(b)) {
                                        c.toFloatArray(); // waits for the result
                                    }
                                },
                                Math.max(rounds, 5));
                double flops = 2.0 * mkn[0] * mkn[1] * mkn[2] / seconds;
                out.printf(
                        "matmul [%d x %d] x [%d x %d]: %.1f GFLOP/s%n",
                        mkn[0], mkn[1], mkn[1], mkn[2], flops / 1e9);
                best = Math.max(best, flops);
            }
        }
        out.printf("matmul peak: %.1f GFLOP/s%n", best / 1e9);
        return best;
    }

    private double imageTower(NDManager manager, ClipConfig config) {
        ClipVisionTransformer tower = ClipVisionTransformer.builder().setConfig(config).build();
        int size = config.imageSize();
        return timeTower(
                manager,
                tower,
                new Shape(1, 3, size, size),
                scope -> scope.randomNormal(new Shape(frames, 3, size, size)),
                (store, input) -> tower.encode(store, input, false));
    }

    private double textTower(NDManager manager, ClipConfig config) {
        ClipTextTransformer tower = ClipTextTransformer.builder().setConfig(config).build();
        List<String> texts = TokenizerBenchmark.prompts().subList(0, prompts);
        ClipTokenizer tokenizer =
                ClipTokenizer.builder().optContextLength(config.contextLength()).build();
        return timeTower(
                manager,
                tower,
                new Shape(1, config.contextLength()),
                scope -> tokenizer.tokenize(scope, texts),
                (store, input) -> tower.encode(store, input, false));
    }

    /** Initialises a frozen tower, then returns the median seconds of one forward pass. */
    private double timeTower(
            NDManager manager,
            Block tower,
            Shape initShape,
            Function<NDManager, NDArray> input,
            TowerPass pass) {
        try (NDManager weights = manager.newSubManager()) {
            tower.initialize(weights, DataType.FLOAT32, initShape);
            for (Parameter parameter : tower.getParameters().values()) {
                parameter.freeze(true);
            }
            NDArray data = input.apply(weights);
            Runnable once =
                    () -> {
                        try (NDManager step = weights.newSubManager()) {
                            step.tempAttachAll(data);
                            pass.run(new ParameterStore(step, false), data).toFloatArray();
                        }
                    };
            return median(once, rounds);
        }
    }

    /**
     * Runs {@code work} once to warm up, then returns the median seconds of {@code rounds} runs.
     */
    private static double median(Runnable work, int rounds) {
        work.run();
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[rounds / 2];
    }

    @FunctionalInterface
    private interface TowerPass {
        NDArray run(ParameterStore store, NDArray input);
    }
}
