/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.testing.TinyConfigs;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.zoo.ColourClips;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prompts} with a prompting checkpoint written by the official ViFi-CLIP code
 * (vificlip-prompts' {@code prompts_official.py} fixtures): its backbone is loaded over {@code
 * --weights}, as the reference's resume does, and its config gives the class text.
 */
class ReferenceCheckpointCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Maven runs this module's tests from its own folder; the fixtures are in the source tree. */
    private static final Path ROOT = Path.of("..");

    private static final ClipConfig TINY = TinyConfigs.GOLDEN;

    @TempDir static Path dir;
    private static Path config;
    private static Path otherBackbone;
    private static Path checkpoint;
    private static NDManager manager;
    private static Map<String, NDArray> golden;

    @BeforeAll
    static void writeAnotherBackboneWithTheCheckpointsTokenEmbedding() throws Exception {
        Path official =
                fixture("vificlip-prompts/src/test/resources/io/github/vificlip/prompts/official");
        checkpoint = official.resolve("ctx2_init.pth");
        config = dir.resolve("tiny.json");
        Files.writeString(config, JSON.writeValueAsString(TINY));
        manager = NDManager.newBaseManager(Device.cpu());
        try (InputStream in =
                Files.newInputStream(official.resolve("official_golden.safetensors"))) {
            golden = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                golden.put(array.getName(), array);
            }
        }
        // random weights but the token embedding of the model the checkpoint was made from:
        // only the checkpoint's backbone then gives the reference's features
        Path clip =
                fixture(
                        "vificlip-core/src/test/resources/io/github/vificlip/model/"
                                + "clip_tiny_weights.safetensors");
        otherBackbone = dir.resolve("other.safetensors");
        try (ViFiClip random = ViFiClip.builder().setConfig(TINY).optSeed(7).build();
                StateDict tiny = StateDicts.read(clip, manager)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(random.stateDict());
            tensors.put("token_embedding.weight", tiny.get("token_embedding.weight"));
            SafetensorsWriter.builder().build().write(otherBackbone, tensors);
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Path fixture(String relative) {
        Path path = ROOT.resolve(relative).toAbsolutePath().normalize();
        assertThat(path).exists();
        return path;
    }

    @Test
    void promptsAloneBringTheCheckpointsBackboneAndClassText() throws Exception {
        CommandRun run =
                CommandRun.of(
                        "embed",
                        "--config",
                        config.toString(),
                        "--weights",
                        otherBackbone.toString(),
                        "--prompts",
                        checkpoint.toString(),
                        "--input-npy",
                        npyOfTheGoldenVideo().toString(),
                        "--text",
                        "brush_hair");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\\R");
        JsonNode video = JSON.readTree(lines[0]);
        JsonNode text = JSON.readTree(lines[1]);
        // CTX_INIT "a photo of a" with N_CTX_TEXT 2: "a photo" learned, "of a" fixed
        assertThat(text.get("prompt").asText()).isEqualTo("a photo of a brush hair.");
        assertClose(text.get("embedding"), golden.get("ctx2_init/text_features").get(1));
        assertClose(video.get("embedding"), golden.get("ctx2_init/video_features").get(0));
    }

    @Test
    void promptsWithABackboneButNoWeightsSayHowToCallIt() {
        CommandRun run =
                CommandRun.of(
                        "embed",
                        "--config",
                        config.toString(),
                        "--prompts",
                        checkpoint.toString(),
                        "--text",
                        "brush_hair");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains(checkpoint.toString())
                .contains("without the token embedding")
                .contains("--weights ViT-B-16.pt --prompts " + checkpoint);
    }

    /** The first video of the golden file as a [T, 3, H, W] .npy clip. */
    private static Path npyOfTheGoldenVideo() throws Exception {
        Path file = dir.resolve("video0.npy");
        if (!Files.exists(file)) {
            NDArray video = golden.get("video").get(0);
            ColourClips.writeNpy(file, new int[] {3, 3, 32, 32}, video.toFloatArray());
        }
        return file;
    }

    private static void assertClose(JsonNode actual, NDArray expected) {
        float[] values = expected.toFloatArray();
        assertThat(actual).hasSize(values.length);
        float worst = 0;
        for (int i = 0; i < values.length; i++) {
            worst = Math.max(worst, (float) Math.abs(actual.get(i).asDouble() - values[i]));
        }
        assertThat(worst).as("largest difference from the reference").isLessThanOrEqualTo(2e-6f);
    }
}
