/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.github.vificlip.weights.KeyLayout;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.weights.TensorInfo;
import io.github.vificlip.weights.WeightsFormat;
import io.github.vificlip.weights.WeightsIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertWeightsCommandTest {

    @TempDir Path temp;

    @Test
    void convertsHuggingFaceWeightsToOpenAiNamedSafetensors() throws Exception {
        Path input = WeightsFixtures.path("hf_tiny.safetensors");
        Path output = temp.resolve("clip.safetensors");

        CommandRun run = CommandRun.of("convert-weights", input.toString(), output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Hugging Face transformers CLIPModel names, 62 tensors")
                .contains("Architecture: custom: embed 32; image 32 px, patch 8")
                .contains(
                        "Dropped: text_model.embeddings.position_ids,"
                                + " vision_model.embeddings.position_ids")
                .contains("Wrote " + output + ": 62 tensors, 225,281 parameters, F32");
        try (NDManager manager = NDManager.newBaseManager();
                StateDict original = StateDicts.read(input, manager);
                StateDict converted = StateDicts.read(output, manager)) {
            assertThat(converted.sources().get(0).layout()).isEqualTo(KeyLayout.OPENAI);
            assertThat(converted.names()).containsExactlyElementsOf(original.names());
            for (String name : original.names()) {
                assertThat(converted.get(name).toFloatArray())
                        .as(name)
                        .containsExactly(original.get(name).toFloatArray());
            }
        }
    }

    @Test
    void mergesOpenAiWeightsWithAViFiClipCheckpointInHalfPrecision() throws Exception {
        Path openai = WeightsFixtures.path("openai_tiny_jit.pt");
        Path vifi = WeightsFixtures.path("vifi_clip_prompts_tiny.pth");
        Path output = temp.resolve("vifi_tiny.safetensors");

        CommandRun run =
                CommandRun.of(
                        "convert-weights",
                        "--fp16",
                        openai.toString(),
                        vifi.toString(),
                        output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("TorchScript archive (torch.jit.save)")
                .contains("Architecture: custom:")
                .contains("F16");
        WeightsIndex index = StateDicts.inspect(output);
        assertThat(index.format()).isEqualTo(WeightsFormat.SAFETENSORS);
        assertThat(index.layout()).isEqualTo(KeyLayout.OPENAI);
        assertThat(index.tensors())
                .extracting(TensorInfo::storedType)
                .containsOnly(DataType.FLOAT16);
        assertThat(index.shapes()).containsKeys("token_embedding.weight", "prompt_learner.ctx");
        assertThat(index.detectArchitecture().visionWidth()).isEqualTo(64);
    }

    @Test
    void refusesAnOutputThatIsNotSafetensorsOrIsAnInput() throws Exception {
        Path input = WeightsFixtures.path("openai_tiny.safetensors");
        Path copy = Files.copy(input, temp.resolve("weights.safetensors"));

        CommandRun wrongType =
                CommandRun.of("convert-weights", input.toString(), temp.resolve("x.pt").toString());
        CommandRun overwrite = CommandRun.of("convert-weights", copy.toString(), copy.toString());

        assertThat(wrongType.exitCode()).isEqualTo(2);
        assertThat(wrongType.err()).contains("must be a .safetensors file");
        assertThat(overwrite.exitCode()).isEqualTo(2);
        assertThat(overwrite.err()).contains("is also an input");
        assertThat(Files.mismatch(copy, input)).isEqualTo(-1);
    }

    @Test
    void refusesAViFiClipCheckpointAloneUnlessAskedAndSaysToAddTheClipWeights() throws Exception {
        Path vifi = WeightsFixtures.path("vifi_clip_prompts_tiny.pth");
        Path output = temp.resolve("alone.safetensors");

        CommandRun refused = CommandRun.of("convert-weights", vifi.toString(), output.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("Not a whole CLIP model, nothing written")
                .contains("token_embedding.weight")
                .contains("Pass the CLIP base weights first")
                .contains("--allow-incomplete");
        assertThat(output).doesNotExist();

        CommandRun allowed =
                CommandRun.of(
                        "convert-weights",
                        "--allow-incomplete",
                        vifi.toString(),
                        output.toString());

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Incomplete (--allow-incomplete)");
        assertThat(StateDicts.inspect(output).shapes()).doesNotContainKey("token_embedding.weight");
    }

    @Test
    void refusesWeightsThatLackABlock() throws Exception {
        Path input = WeightsFixtures.path("openai_tiny.safetensors");
        Path damaged = temp.resolve("damaged.safetensors");
        try (NDManager manager = NDManager.newBaseManager();
                StateDict weights = StateDicts.read(input, manager)) {
            java.util.Map<String, ai.djl.ndarray.NDArray> kept =
                    new java.util.LinkedHashMap<>(weights.tensors());
            kept.remove("transformer.resblocks.1.ln_2.bias");
            io.github.vificlip.weights.SafetensorsWriter.builder().build().write(damaged, kept);
        }

        CommandRun run =
                CommandRun.of(
                        "convert-weights",
                        damaged.toString(),
                        temp.resolve("o.safetensors").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("damaged.safetensors")
                .contains("1 missing: transformer.resblocks.1.ln_2.bias");
    }
}
