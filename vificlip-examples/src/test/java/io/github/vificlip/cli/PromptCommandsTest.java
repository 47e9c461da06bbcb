/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptCheckpoint;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.weights.SafetensorsContent;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.zoo.ColourClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bridge and prompt on the command line, on real mp4 files: a fine-tuned model's weights file, a
 * prompt recipe that trains only prompts on it, and eval and embed with the learned prompts.
 */
class PromptCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nine blocks per tower, so the base-to-novel recipe's 16 + 16 tokens at depth 9 fit. */
    private static final ClipConfig NINE_BLOCKS =
            ClipConfig.builder()
                    .setName("nine-blocks")
                    .setEmbedDim(32)
                    .setImageSize(32)
                    .setPatchSize(16)
                    .setVisionWidth(64)
                    .setVisionLayers(9)
                    .setVisionHeads(1)
                    .setTextWidth(64)
                    .setTextLayers(9)
                    .setTextHeads(1)
                    .build();

    @TempDir static Path dir;
    private static Path fineTuned;
    private static Path prompts;

    @BeforeAll
    static void writeClipsAndAFineTunedModelThenLearnPrompts() throws Exception {
        ColourClips.write(dir);
        fineTuned = dir.resolve("fine-tuned.safetensors");
        try (ViFiClip model = ViFiClip.builder().setConfig(NINE_BLOCKS).optSeed(3).build()) {
            SafetensorsWriter.builder().build().write(fineTuned, model.stateDict());
        }
        CommandRun run = train(dir.resolve("run"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Trained 2 epochs of base2novel-prompt; prompts (use with --weights and"
                                + " --prompts): ");
        prompts = dir.resolve("run").resolve("model.safetensors");
    }

    private static CommandRun train(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--recipe",
                                "base2novel-prompt",
                                "--weights",
                                fineTuned.toString(),
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
                                "2",
                                "--frames",
                                "4",
                                "--batch-size",
                                "4",
                                "--accumulation",
                                "1",
                                "--set",
                                "warmupEpochs=0",
                                "--workers",
                                "2"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPromptRecipeWritesAPromptOnlyModelOfThePapersSize() throws Exception {
        Path out = dir.resolve("run");
        assertThat(PromptCheckpoint.holdsOnlyPrompts(prompts)).isTrue();
        // 16 + 16 tokens at depth 9: ctx, VPT and 8 deep prompts per tower
        assertThat(StateDicts.inspect(prompts).tensors()).hasSize(18);
        assertThat(StateDicts.inspect(prompts).parameterCount()).isEqualTo(9 * 16 * 64 * 2);
        assertThat(SafetensorsContent.metadata(prompts).get(PromptCheckpoint.METADATA_KEY))
                .contains("\"textContext\":16", "\"visionDepth\":9", "\"seed\":1024");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SafetensorsContent checkpoint =
                    SafetensorsContent.read(out.resolve("checkpoint-epoch-2.safetensors"), manager);
            assertThat(checkpoint.tensors().keySet())
                    .filteredOn(name -> name.startsWith("model/"))
                    .hasSize(18)
                    .allMatch(name -> name.contains("VPT") || name.contains("prompt_learner"));
            assertThat(checkpoint.metadata().get("vificlip.checkpoint"))
                    .contains("\"tune\":\"prompts\"");
        }
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("bestTop1").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void evalScoresWithTheLearnedPrompts() throws Exception {
        Path evalOut = dir.resolve("eval");
        CommandRun eval =
                CommandRun.of(
                        "eval",
                        "--weights",
                        fineTuned.toString(),
                        "--prompts",
                        prompts.toString(),
                        "--root",
                        dir.resolve("videos").toString(),
                        "--list",
                        dir.resolve("val.txt").toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--frames",
                        "4",
                        "--out",
                        evalOut.toString());

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("4 videos, 4 classes, 1x1 views: top-1");
        JsonNode metrics = JSON.readTree(evalOut.resolve("metrics.json").toFile());
        assertThat(metrics.get("prompts").asText()).isEqualTo(prompts.toString());

        CommandRun withTemplate =
                CommandRun.of(
                        "eval",
                        "--weights",
                        fineTuned.toString(),
                        "--prompts",
                        prompts.toString(),
                        "--template",
                        "a video of {}.",
                        "--root",
                        dir.resolve("videos").toString(),
                        "--list",
                        dir.resolve("val.txt").toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--out",
                        evalOut.toString());
        assertThat(withTemplate.exitCode()).isEqualTo(2);
        assertThat(withTemplate.err()).contains("--prompts brings its own class text");
    }

    @Test
    void embedUsesTheLearnedPrompts() throws Exception {
        Path clip = ColourClips.writeNpy(dir.resolve("clip.npy"), new int[] {3, 3, 32, 32});
        String[] plain = embed(clip, false);
        String[] prompted = embed(clip, true);

        JsonNode plainVideo = JSON.readTree(plain[0]);
        JsonNode promptedVideo = JSON.readTree(prompted[0]);
        JsonNode promptedText = JSON.readTree(prompted[1]);
        assertThat(promptedText.get("prompt").asText())
                .isEqualTo("X X X X X X X X X X X X X X X X brush hair.");
        assertThat(JSON.readTree(plain[1]).has("prompt")).isFalse();
        assertThat(promptedVideo.get("embedding")).isNotEqualTo(plainVideo.get("embedding"));

        // the command's embeddings are the library's, computed here from the same files
        try (ViFiClip model = ViFiClip.builder().optWeights(fineTuned).build();
                PromptedViFiClip learned = PromptedViFiClip.load(model, prompts);
                NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray array = EmbedCommand.readNpy(clip, 32, manager);
            assertClose(promptedVideo.get("embedding"), learned.videoEmbeddings(array)[0]);
            assertClose(
                    promptedText.get("embedding"),
                    learned.classEmbeddings(List.of("brush_hair"))[0]);
            assertClose(plainVideo.get("embedding"), model.videoEmbeddings(array)[0]);
        }
    }

    private static String[] embed(Path clip, boolean withPrompts) {
        List<String> args = new ArrayList<>(List.of("embed", "--weights", fineTuned.toString()));
        if (withPrompts) {
            args.addAll(List.of("--prompts", prompts.toString()));
        }
        args.addAll(List.of("--input-npy", clip.toString(), "--text", "brush_hair"));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip().split("\\R");
    }

    private static void assertClose(JsonNode actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i).asDouble()).isCloseTo(expected[i], Offset.offset(1e-6));
        }
    }

    @Test
    void learnedPromptsCanStartAnotherPromptRun() {
        CommandRun run =
                train(dir.resolve("again"), "--prompts", prompts.toString(), "--epochs", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void promptFilesAndRecipesMustGoTogether() {
        CommandRun asWeights =
                CommandRun.of("embed", "--weights", prompts.toString(), "--text", "red");
        assertThat(asWeights.exitCode()).isNotZero();
        assertThat(asWeights.err())
                .contains(prompts.toString())
                .contains("holds learned prompts only")
                .contains("--prompts");

        CommandRun fineTuneWithPrompts =
                train(
                        dir.resolve("wrong"),
                        "--recipe",
                        "few-shot-finetune",
                        "--prompts",
                        prompts.toString());
        assertThat(fineTuneWithPrompts.exitCode()).isNotZero();
        assertThat(fineTuneWithPrompts.err())
                .contains("--prompts goes with a prompt recipe")
                .contains("few-shot-finetune");
    }

    @Test
    void theBaseToNovelProtocolLearnsPromptsPerSeed() throws Exception {
        Files.writeString(dir.resolve("base.csv"), "id,name\n0,red\n1,green\n");
        Files.writeString(dir.resolve("novel.csv"), "id,name\n0,blue\n1,white\n");
        Files.write(dir.resolve("base_train.txt"), List.of("red_0.mp4 0", "green_0.mp4 1"));
        Files.write(dir.resolve("base_val.txt"), List.of("red_4.mp4 0", "green_4.mp4 1"));
        Files.write(dir.resolve("novel_val.txt"), List.of("blue_4.mp4 0", "white_4.mp4 1"));
        Path out = dir.resolve("b2n");
        CommandRun run =
                CommandRun.of(
                        "protocol",
                        "base-to-novel",
                        "--recipe",
                        "base2novel-prompt",
                        "--weights",
                        fineTuned.toString(),
                        "--root",
                        dir.resolve("videos").toString(),
                        "--base-labels",
                        dir.resolve("base.csv").toString(),
                        "--novel-labels",
                        dir.resolve("novel.csv").toString(),
                        "--train",
                        dir.resolve("base_train.txt").toString(),
                        "--base-val",
                        dir.resolve("base_val.txt").toString(),
                        "--novel-val",
                        dir.resolve("novel_val.txt").toString(),
                        "--out",
                        out.toString(),
                        "--epochs",
                        "1",
                        "--frames",
                        "4",
                        "--batch-size",
                        "2",
                        "--accumulation",
                        "1",
                        "--set",
                        "warmupEpochs=0",
                        "--workers",
                        "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PromptCheckpoint.holdsOnlyPrompts(out.resolve("seed-1/model.safetensors")))
                .isTrue();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("novel").get("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(JSON.readTree(out.resolve("seed-1/eval-novel.json").toFile()).get("classes"))
                .extracting(node -> node.get("name").asText())
                .containsExactly("blue", "white");
    }
}
