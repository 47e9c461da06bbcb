/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.Device;
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
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark model}: the CLIP towers' throughput as a fraction of the same machine's
 * fp32 matrix-multiply FLOP/s, measured in the same run.
 *
 * <p>First a calibration picks the fastest of a few large fp32 matrix products (square ones and the
 * shape of the image tower's largest product). Then each tower (random weights; a batch of frames,
 * or of class-name prompts) is timed in rounds, each round timing that matrix product right before
 * the tower pass. The headline fraction is the best tower pass against the best matrix product:
 * interference from other processes only ever lengthens a run, so minima are the robust estimate on
 * a shared machine. The median of the per-round ratios is printed beside it. FLOPs come from the
 * configuration ({@link ClipConfig#visionMacsPerImage()}, and {@link
 * ClipConfig#textMacsPerPrompt(int)} for the tokens the text tower runs: up to each slice's last
 * end-of-text token), 2 per multiply-accumulate.
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
            description = "Timed rounds of each measurement (default: ${DEFAULT-VALUE}).")
    private int rounds = 5;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClipConfig config = ClipConfig.preset(preset);
        RunConditions.print(out);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            MatrixMultiply peak = calibrate(manager, out, config);
            imageTower(manager, out, peak, config);
            textTower(manager, out, peak, config);
        }
        out.flush();
        return 0;
    }

    /** Times the image tower on a batch of random frames and prints its figures. */
    private void imageTower(
            NDManager manager, PrintWriter out, MatrixMultiply peak, ClipConfig config) {
        ClipVisionTransformer image = ClipVisionTransformer.builder().setConfig(config).build();
        int size = config.imageSize();
        Result imageResult =
                measure(
                        manager,
                        peak,
                        image,
                        new Shape(1, 3, size, size),
                        scope -> scope.randomNormal(new Shape(frames, 3, size, size)),
                        (store, input) -> image.encode(store, input, false),
                        2.0 * config.visionMacsPerImage() * frames);
        out.printf(
                "%s image tower, %d frames of %d px: %.3f s per pass (best), %.1f frames/s,"
                        + " %.1f GFLOP/s = %.1f%% of the best matmul (%.1f GFLOP/s); median of %d"
                        + " paired rounds %.1f%%%n",
                config.name(),
                frames,
                size,
                imageResult.seconds,
                frames / imageResult.seconds,
                imageResult.flops / 1e9,
                100 * imageResult.bestRatio(),
                imageResult.matMulFlops / 1e9,
                rounds,
                100 * imageResult.medianRatio);
    }

    /** Times the text tower on a batch of class-name prompts and prints its figures. */
    private void textTower(
            NDManager manager, PrintWriter out, MatrixMultiply peak, ClipConfig config) {
        ClipTextTransformer text = ClipTextTransformer.builder().setConfig(config).build();
        List<String> texts = TokenizerBenchmark.prompts().subList(0, prompts);
        ClipTokenizer tokenizer =
                ClipTokenizer.builder().optContextLength(config.contextLength()).build();
        TextTowerFlops work = TextTowerFlops.of(config, tokenizer, texts);
        Result textResult =
                measure(
                        manager,
                        peak,
                        text,
                        new Shape(1, config.contextLength()),
                        scope -> tokenizer.tokenize(scope, texts),
                        (store, input) -> text.encode(store, input, false),
                        work.flops());
        out.printf(
                "%s text tower, %d prompts (%.1f of %d tokens run on average): %.3f s per pass"
                        + " (best), %.1f prompts/s, %.1f GFLOP/s = %.1f%% of the best matmul (%.1f"
                        + " GFLOP/s); median of %d paired rounds %.1f%%%n",
                config.name(),
                prompts,
                (double) work.tokens() / prompts,
                config.contextLength(),
                textResult.seconds,
                prompts / textResult.seconds,
                textResult.flops / 1e9,
                100 * textResult.bestRatio(),
                textResult.matMulFlops / 1e9,
                rounds,
                100 * textResult.medianRatio);
    }

    /** Picks the fastest of a few large fp32 matrix products. */
    private MatrixMultiply calibrate(NDManager manager, PrintWriter out, ClipConfig config) {
        long tokens = (long) frames * config.visionTokens();
        return MatrixMultiply.fastest(
                manager,
                out,
                Math.max(rounds, 5),
                new long[] {1024, 1024, 1024},
                new long[] {2048, 2048, 2048},
                new long[] {tokens, config.visionWidth(), config.visionMlpWidth()});
    }

    /**
     * Initialises a frozen tower and times it in rounds paired with the reference product.
     *
     * @return the best pass time, its FLOP/s, the median per-round fraction of matmul FLOP/s and
     *     the best matmul FLOP/s
     */
    private Result measure(
            NDManager manager,
            MatrixMultiply peak,
            Block tower,
            Shape initShape,
            Function<NDManager, NDArray> input,
            BiFunction<ParameterStore, NDArray, NDArray> pass,
            double flops) {
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
                            pass.apply(new ParameterStore(step, false), data).toFloatArray();
                        }
                    };
            once.run(); // warm-up
            double[] fractions = new double[rounds];
            double[] matMuls = new double[rounds];
            double bestSeconds = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                matMuls[r] = peak.bestFlops(3);
                double seconds = MatrixMultiply.time(once);
                bestSeconds = Math.min(bestSeconds, seconds);
                fractions[r] = flops / seconds / matMuls[r];
            }
            Arrays.sort(fractions);
            Arrays.sort(matMuls);
            return new Result(
                    bestSeconds, flops / bestSeconds, fractions[rounds / 2], matMuls[rounds - 1]);
        }
    }

    /**
     * A tower's figures: its best pass, that pass's FLOP/s, the median of the per-round ratios and
     * the best reference-product FLOP/s seen in the rounds.
     */
    private record Result(double seconds, double flops, double medianRatio, double matMulFlops) {

        /** Best against best: interference only ever lengthens a run, so minima are robust. */
        double bestRatio() {
            return flops / matMulFlops;
        }
    }
}
