/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.zoo.ColourClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocols as a host calls them, on the colour clips with a one-layer model. */
class ProtocolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;

    private static Path weights;

    @BeforeAll
    static void writeData() throws Exception {
        ColourClips.write(dir);
        weights = ColourClips.writeTinyWeights(dir);
        Files.writeString(dir.resolve("base.csv"), "id,name\n0,red\n1,green\n");
        Files.writeString(dir.resolve("novel.csv"), "id,name\n0,blue\n1,white\n");
        Files.write(dir.resolve("base_val.txt"), List.of("red_4.mp4 0", "green_4.mp4 1"));
        Files.write(dir.resolve("novel_val.txt"), List.of("blue_4.mp4 0", "white_4.mp4 1"));
    }

    private static TrainingRun run(String recipe) {
        Recipe settings =
                Recipes.withOverrides(
                        Recipes.get(recipe),
                        Map.of(
                                "frames", "4",
                                "epochs", "1",
                                "batchSize", "2",
                                "accumulation", "1",
                                "warmupEpochs", "0"));
        return TrainingRun.builder().setRecipe(settings).optWorkers(2).build();
    }

    @Test
    void zeroShotSummarisesItsSplitsAndCallsTheListenerPerSplit() throws Exception {
        Path out = dir.resolve("zs");
        List<Integer> seen = new ArrayList<>();
        ZeroShotProtocol.Result result;
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build()) {
            result =
                    ZeroShotProtocol.builder()
                            .setModel(model)
                            .setRun(run("zero-shot-k400"))
                            .setRoot(dir.resolve("videos"))
                            .addSplit(dir.resolve("base_val.txt"), dir.resolve("base.csv"))
                            .addSplit(dir.resolve("novel_val.txt"), dir.resolve("novel.csv"))
                            .optListener(split -> seen.add(split.index()))
                            .build()
                            .run(out);
        }

        assertThat(seen).containsExactly(1, 2);
        double a = result.splits().get(0).result().top1();
        double b = result.splits().get(1).result().top1();
        assertThat(result.top1().mean()).isCloseTo((a + b) / 2, within(1e-12));
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("top1").get("mean").asDouble())
                .isCloseTo(result.top1().mean(), within(1e-12));
        assertThat(out.resolve("split-2.json")).exists();
    }

    @Test
    void fewShotTrainsAFreshModelPerKOnExactlyKVideosPerClass() throws Exception {
        Path out = dir.resolve("few");
        List<Long> seeds = new ArrayList<>();
        FewShotProtocol.Result result =
                FewShotProtocol.builder()
                        .setModels(
                                seed -> {
                                    seeds.add(seed);
                                    return ViFiClip.builder().optWeights(weights).build();
                                })
                        .setRun(run("few-shot-finetune"))
                        .setRoot(dir.resolve("videos"))
                        .setClasses(dir.resolve("labels.csv"), dir.resolve("val.txt"))
                        .setDrawnFrom(dir.resolve("train.txt"), List.of(1, 2), 3)
                        .optProvenance(new Provenance().put("host", "test"))
                        .build()
                        .run(out);

        assertThat(seeds).hasSize(2);
        assertThat(result.shots()).extracting(FewShotProtocol.Shot::k).containsExactly(1, 2);
        assertThat(result.shots())
                .extracting(FewShotProtocol.Shot::trainVideos)
                .containsExactly(4, 8);
        assertThat(Files.readAllLines(out.resolve("k-2/train.txt"))).hasSize(8);
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("chance").asDouble())
                .isEqualTo(0.25);
    }

    @Test
    void buildersNameTheMissingSetting() {
        assertThatThrownBy(
                        () ->
                                FewShotProtocol.builder()
                                        .setModels(seed -> null)
                                        .setRun(run("few-shot-finetune"))
                                        .setRoot(dir)
                                        .setClasses(dir.resolve("labels.csv"), dir)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addKShotList")
                .hasMessageContaining("setDrawnFrom");
        assertThatThrownBy(
                        () ->
                                BaseToNovelProtocol.builder()
                                        .setModels(seed -> null)
                                        .setRun(run("base2novel-finetune"))
                                        .setRoot(dir)
                                        .setBase(dir.resolve("base.csv"), dir)
                                        .setNovel(dir.resolve("novel.csv"), dir)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addTrainList");
        assertThatThrownBy(() -> TrainingRun.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setRecipe");
    }
}
