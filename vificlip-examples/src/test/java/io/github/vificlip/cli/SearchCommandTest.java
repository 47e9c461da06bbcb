/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.spark.IndexSummary;
import io.github.vificlip.spark.VideoIndexer;
import io.github.vificlip.zoo.ColourClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vificlip search} over an index the Spark indexer writes here (Spark in local mode) from
 * real mp4 files, one of them unreadable.
 */
class SearchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static Path model;
    static String index;
    static IndexSummary summary;
    static List<String> videos;

    @BeforeAll
    static void writeIndex() throws Exception {
        ColourClips.write(dir);
        Path weights = ColourClips.writeTinyWeights(dir);
        model = Files.createDirectories(dir.resolve("model"));
        Files.copy(weights, model.resolve("tiny.safetensors"));
        Files.writeString(
                model.resolve("serving.properties"), "weights=tiny.safetensors\nframes=4\n");
        try (Stream<Path> files = Files.list(dir.resolve("videos"))) {
            // two clips per class and the unreadable one: enough to rank, quick to index
            videos =
                    files.map(Path::toString)
                            .filter(name -> name.matches(".*_[01]\\.mp4|.*broken\\.mp4"))
                            .sorted()
                            .toList();
        }
        index = dir.resolve("index").toString();
        summary =
                LocalSpark.index(
                        "local[2]",
                        videos,
                        model.toString(),
                        List.of(ColourClips.CLASSES),
                        4,
                        index);
    }

    @AfterAll
    static void closeModels() {
        VideoIndexer.closeModels();
    }

    @Test
    void printsTheBestMatchingVideosBestFirst() throws Exception {
        assertThat(videos).hasSize(9);
        assertThat(summary.videos()).isEqualTo(videos.size());
        assertThat(summary.errors()).isEqualTo(1); // broken.mp4

        CommandRun run =
                CommandRun.of(
                        "search",
                        "--index",
                        index,
                        "--model",
                        model.toString(),
                        "--top-k",
                        "3",
                        "--master",
                        "local[2]",
                        "a red video");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(videos).contains(line.get("path").asText());
            assertThat(line.get("path").asText()).doesNotEndWith("broken.mp4");
            assertThat(line.get("similarity").asDouble()).isBetween(-1.0, 1.0);
            if (i > 0) {
                assertThat(line.get("similarity").asDouble())
                        .isLessThanOrEqualTo(lines.get(i - 1).get("similarity").asDouble());
            }
        }
    }

    @Test
    void refusesAnEmptyResultList() {
        CommandRun run =
                CommandRun.of(
                        "search",
                        "--index",
                        index,
                        "--model",
                        model.toString(),
                        "--top-k",
                        "0",
                        "q");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--top-k must be at least 1");
    }
}
