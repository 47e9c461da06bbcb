/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.zoo.ColourClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains, evaluates and embeds with the command line on real mp4 files written here. */
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
        assertThat(eval.out()).contains("17 videos, 4 classes, 2x3 views: top-1");
        JsonNode evalMetrics = JSON.readTree(evalOut.resolve("metrics.json").toFile());
        assertThat(evalMetrics.get("videos").asInt()).isEqualTo(17);
        assertThat(evalMetrics.get("unreadableVideos").asInt()).isEqualTo(1);
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

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: --root");
    }
}
