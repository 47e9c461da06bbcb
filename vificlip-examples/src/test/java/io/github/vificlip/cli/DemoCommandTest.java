/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.data.list.LabelMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code vificlip demo} end to end in a reduced size: 2 colours × 2 shapes × 2 motions, a
 * handful of real mp4 files, one epoch of a tiny model; then again from the weights the first run
 * wrote.
 */
class DemoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static CommandRun demo(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "demo",
                                "--out",
                                out.toString(),
                                "--attributes",
                                "2",
                                "--train-videos",
                                "2",
                                "--test-videos",
                                "2",
                                "--video-size",
                                "32",
                                "--video-frames",
                                "4",
                                "--image-size",
                                "16",
                                "--frames",
                                "2",
                                "--epochs",
                                "1",
                                "--batch-size",
                                "4",
                                "--workers",
                                "2"));
        args.addAll(Arrays.asList(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesTheBenchmarkTrainsAndReportsBaseNovelAndChance() throws Exception {
        Path out = dir.resolve("report");

        CommandRun run = demo(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Benchmark: 8 classes (4 base, 4 novel), 24 mp4 videos of 32x32")
                .contains("base (4 classes)")
                .contains("novel (4 classes)")
                .contains("harmonic mean");
        for (String file :
                List.of(
                        "metrics.json",
                        "confusion-base.png",
                        "confusion-novel.png",
                        "tsne-base.png",
                        "tsne-novel.png",
                        "training/training-curve.png",
                        "training/model.safetensors",
                        "benchmark/labels.csv",
                        "benchmark/base_train.txt",
                        "benchmark/novel_val.txt")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        for (String split : List.of("base", "novel")) {
            JsonNode node = metrics.get(split);
            assertThat(node.get("classes")).as(split).hasSize(4);
            assertThat(node.get("chance").asDouble()).as(split).isEqualTo(0.25);
            assertThat(node.get("top1").asDouble()).as(split).isBetween(0.0, 1.0);
        }
        double base = metrics.get("base").get("top1").asDouble();
        double novel = metrics.get("novel").get("top1").asDouble();
        double harmonic = metrics.get("harmonicMean").get("top1").asDouble();
        assertThat(harmonic).isBetween(0.0, Math.max(base, novel));
        assertThat(metrics.get("harmonicMean").get("chance").asDouble()).isEqualTo(0.25);
        assertThat(metrics.at("/run/model/start").asText()).isEqualTo("random");
        assertThat(metrics.at("/run/recipe/tune").asText()).isEqualTo("image");

        LabelMap base4 = LabelMap.readCsv(out.resolve("benchmark/base_labels.csv"));
        LabelMap novel4 = LabelMap.readCsv(out.resolve("benchmark/novel_labels.csv"));
        String baseWords = String.join(" ", base4.names());
        for (String name : novel4.names()) {
            assertThat(base4.names()).doesNotContain(name);
            for (String word : name.split(" ")) {
                assertThat(baseWords.split(" ")).as(name).contains(word);
            }
        }
    }

    @Test
    void startsFromAWeightsFileAndReadsItsArchitecture() throws Exception {
        Path first = dir.resolve("first");
        assertThat(demo(first).exitCode()).isZero();
        Path weights = first.resolve("training/model.safetensors");
        Path out = dir.resolve("from-weights");

        CommandRun run = demo(out, "--weights", weights.toString(), "--lr", "1e-4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("weights [" + weights + "]").contains("frames of 16x16");
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/run/model/start").asText()).contains("model.safetensors");
        assertThat(metrics.at("/run/model/config/imageSize").asInt()).isEqualTo(16);
        assertThat(metrics.at("/run/recipe/learningRate").asDouble()).isEqualTo(1e-4);
        assertThat(metrics.at("/run/recipe/tune").asText()).isEqualTo("both");
        assertThat(metrics.at("/novel/top1").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsASplitThatWouldHideAWord() {
        CommandRun run =
                CommandRun.of(
                        "demo",
                        "--out",
                        dir.resolve("x").toString(),
                        "--attributes",
                        "2",
                        "--novel-squares",
                        "2");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("novel Latin squares must be 1 to 1");
    }
}
