/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.zoo.ColourClips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains, evaluates and embeds with the command line on real mp4 files written here, in process
 * and, once, in a fresh JVM.
 */
class TrainEvalCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;

    @BeforeAll
    static void writeClipsListsAndConfig() throws Exception {
        ColourClips.write(dir);
    }

    private static CommandRun train(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--recipe",
                                "few-shot-finetune",
                                "--config",
                                dir.resolve("tiny.json").toString(),
                                "--root",
                                dir.resolve("videos").toString(),
                                "--train",
                                dir.resolve("train.txt").toString(),
                                "--labels",
                                dir.resolve("labels.csv").toString(),
                                "--val",
                                dir.resolve("val.txt").toString(),
                                "--out",
                                out.toString(),
                                "--epochs",
                                "3",
                                "--frames",
                                "4",
                                "--batch-size",
                                "4",
                                "--accumulation",
                                "1",
                                "--lr",
                                "1e-3",
                                "--set",
                                "warmupEpochs=1",
                                "--workers",
                                "2"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainsEvaluatesAndSurvivesABrokenVideo() throws Exception {
        Path out = dir.resolve("run");

        CommandRun run = train(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Trained 3 epochs of few-shot-finetune");
        for (String file :
                List.of(
                        "model.safetensors",
                        "checkpoint-epoch-3.safetensors",
                        "history.json",
                        "epochs.csv",
                        "training-curve.png",
                        "confusion-matrix.png",
                        "metrics.json",
                        "eval-epoch-3.json")) {
            assertThat(out.resolve(file)).as(file).exists();
        }
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("epochs").asInt()).isEqualTo(3);
        assertThat(metrics.get("bestTop1").asDouble()).isBetween(0.0, 1.0);
        // epochs count from 1 in the CLI's output, as in the log and the history
        int bestEpoch = metrics.get("bestEpoch").asInt();
        assertThat(bestEpoch).isBetween(1, 3);
        assertThat(run.out()).contains("(epoch " + bestEpoch + ")");
        assertThat(
                        JSON.readTree(out.resolve("history.json").toFile())
                                .get("epochs")
                                .get(0)
                                .get("epoch")
                                .asInt())
                .isEqualTo(1);

        Path evalOut = dir.resolve("eval");
        CommandRun eval =
                CommandRun.of(
                        "eval",
                        "--weights",
                        out.resolve("model.safetensors").toString(),
                        "--root",
                        dir.resolve("videos").toString(),
                        "--list",
                        dir.resolve("train.txt").toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--views",
                        "2x3",
                        "--frames",
                        "4",
                        "--out",
                        evalOut.toString());

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        // The empty broken.mp4 is left out, not replaced by another video.
        assertThat(eval.out())
                .contains("Unreadable, left out: " + dir.resolve("videos/broken.mp4"))
                .contains("16 videos (1 unreadable, left out), 4 classes, 2x3 views: top-1");
        JsonNode evalMetrics = JSON.readTree(evalOut.resolve("metrics.json").toFile());
        assertThat(evalMetrics.get("videos").asInt()).isEqualTo(16);
        assertThat(evalMetrics.get("unreadable").asInt()).isEqualTo(1);
        assertThat(evalMetrics.get("unreadableVideos").get(0).get("reason").asText())
                .contains("broken.mp4");
        assertThat(metrics.get("unreadableTrainingVideos").asInt()).isPositive();
        assertThat(evalMetrics.get("classes")).hasSize(4);
        assertThat(evalOut.resolve("confusion-matrix.png")).exists();

        CommandRun resumed = train(out, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    @Test
    void embedsTextsAndPreparedClipsInOrder() throws Exception {
        Path weights = dir.resolve("embed-run");
        assertThat(train(weights, "--epochs", "1", "--set", "warmupEpochs=0").exitCode()).isZero();
        Path clip = ColourClips.writeNpy(dir.resolve("clip.npy"), new int[] {2, 3, 32, 32});

        CommandRun run =
                CommandRun.of(
                        "embed",
                        "--weights",
                        weights.resolve("model.safetensors").toString(),
                        "--text",
                        "a photo of a red.",
                        "--input-npy",
                        clip.toString(),
                        "--text",
                        "blue");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("kind").asText()).isEqualTo("text");
        JsonNode video = JSON.readTree(lines[1]);
        assertThat(video.get("kind").asText()).isEqualTo("video");
        assertThat(video.get("embedding")).hasSize(32);
        double norm = 0;
        for (JsonNode value : video.get("embedding")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(JSON.readTree(lines[2]).get("text").asText()).isEqualTo("blue");

        Path wrong = ColourClips.writeNpy(dir.resolve("wrong.npy"), new int[] {3, 16, 16});
        CommandRun bad =
                CommandRun.of(
                        "embed",
                        "--weights",
                        weights.resolve("model.safetensors").toString(),
                        "--input-npy",
                        wrong.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("wrong.npy").contains("[3,32,32]").contains("(3, 16, 16)");
    }

    @Test
    void missingOptionsAreUsageErrors() {
        CommandRun run = CommandRun.of("train", "--out", dir.resolve("x").toString());
        CommandRun noRoot =
                CommandRun.of(
                        "train",
                        "--out",
                        dir.resolve("x").toString(),
                        "--train",
                        dir.resolve("train.txt").toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing required options: --train=LIST, --labels=CSV")
                .contains("only --list-recipes runs without them");
        assertThat(noRoot.exitCode()).isEqualTo(2);
        assertThat(noRoot.err()).contains("Missing required option: --root");
    }

    @Test
    void listsTheRecipesWithoutAnyOtherOption() {
        CommandRun run = CommandRun.of("train", "--list-recipes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("few-shot-finetune").contains("zero-shot");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void embedsVideoFilesAsJsonAndAsOneNpyMatrix() throws Exception {
        Path weights = dir.resolve("video-embed-run");
        assertThat(train(weights, "--epochs", "1", "--set", "warmupEpochs=0").exitCode()).isZero();
        String model = weights.resolve("model.safetensors").toString();
        String red = dir.resolve("videos/red_0.mp4").toString();
        String blue = dir.resolve("videos/blue_1.mp4").toString();

        CommandRun json =
                CommandRun.of(
                        "embed",
                        "--weights",
                        model,
                        "--frames",
                        "4",
                        "--views",
                        "2x1",
                        "--video",
                        red,
                        "--text",
                        "blue",
                        "--video",
                        blue);
        Path npy = dir.resolve("embeddings.npy");
        CommandRun matrix =
                CommandRun.of(
                        "embed",
                        "--weights",
                        model,
                        "--frames",
                        "4",
                        "--views",
                        "2x1",
                        "--video",
                        red,
                        "--text",
                        "blue",
                        "--video",
                        blue,
                        "--out-npy",
                        npy.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        String[] lines = json.out().strip().split("\\R");
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("kind").asText()).isEqualTo("video");
        assertThat(first.get("video").asText()).isEqualTo(red);
        assertThat(first.get("views").asInt()).isEqualTo(2);
        double norm = 0;
        for (JsonNode value : first.get("embedding")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(matrix.exitCode()).as(matrix.err()).isZero();
        String[] rows = matrix.out().strip().split("\\R");
        assertThat(JSON.readTree(rows[2]).get("row").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(rows[2]).has("embedding")).isFalse();
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager();
                java.io.InputStream in = java.nio.file.Files.newInputStream(npy)) {
            ai.djl.ndarray.NDArray read = ai.djl.ndarray.NDList.decode(manager, in).head();
            assertThat(read.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(3, 32));
            for (int row = 0; row < 3; row++) {
                float[] expected = new float[32];
                JsonNode values = JSON.readTree(lines[row]).get("embedding");
                for (int d = 0; d < 32; d++) {
                    expected[d] = (float) values.get(d).asDouble();
                }
                assertThat(read.get(row).toFloatArray()).containsExactly(expected);
            }
        }

        CommandRun broken =
                CommandRun.of(
                        "embed",
                        "--weights",
                        model,
                        "--video",
                        dir.resolve("videos/broken.mp4").toString());
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.err()).contains("broken.mp4");
    }

    @Test
    void aFreshJvmStartsTheEngineAndDecodesQuietly() throws Exception {
        Path weights = ColourClips.writeTinyWeights(dir);
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                VifiClipCommand.class.getName(),
                                "embed",
                                "--weights",
                                weights.toString(),
                                "--frames",
                                "2",
                                "--video",
                                dir.resolve("videos/red_0.mp4").toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        // DJL's loggers (GPU probe, native library, threads) and libtorch's native deprecation
        // warning, which DJL's NDArray.set(Buffer) triggered when weights were loaded
        for (String noise :
                List.of(
                        "CudaUtils",
                        "Found matching platform",
                        "PtEngine",
                        "AutoNonVariableTypeMode",
                        "deprecated")) {
            assertThat(err).as(err).doesNotContain(noise);
        }
    }
}
