/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InspectWeightsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesAViFiClipCheckpointAsText() {
        Path file = WeightsFixtures.path("vifi_clip_tiny.pth");

        CommandRun run = CommandRun.of("inspect-weights", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Format        PyTorch checkpoint (torch.save zip archive)")
                .contains("Layout        ViFi-CLIP names")
                .contains("Tensors in    'model'")
                .contains("Not read      optimizer, lr_scheduler, max_accuracy, epoch, config")
                .contains(
                        "Architecture  not detected: Cannot detect the CLIP architecture: tensor"
                                + " token_embedding.weight is absent")
                .containsPattern(
                        "visual\\.transformer\\.resblocks\\.1\\.attn\\.in_proj_weight +\\[192, 64\\]"
                                + " +F32 +module\\.image_encoder\\.transformer\\.resblocks\\.1\\.attn"
                                + "\\.in_proj_weight")
                .containsPattern(
                        "module\\.prompt_learner\\.complete_text_embeddings +\\[3, 16, 64\\] +F32"
                                + " +token embeddings of the training class prompts")
                .contains(
                        "Totals        61 tensors, 218,881 parameters; by stored type: F32 61 (218,881)")
                .contains("1 dropped");
    }

    @Test
    void describesAHuggingFaceFileAsJson() throws Exception {
        Path file = WeightsFixtures.path("hf_tiny.safetensors");

        CommandRun run = CommandRun.of("inspect-weights", "--json", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("format").asText()).isEqualTo("SAFETENSORS");
        assertThat(root.get("layout").asText()).isEqualTo("HUGGING_FACE");
        assertThat(root.get("fileSize").asLong()).isEqualTo(file.toFile().length());
        JsonNode architecture = root.get("architecture");
        assertThat(architecture.get("visionWidth").asInt()).isEqualTo(64);
        assertThat(architecture.get("visionLayers").asInt()).isEqualTo(2);
        assertThat(architecture.get("contextLength").asInt()).isEqualTo(16);
        assertThat(architecture.get("vocabSize").asInt()).isEqualTo(100);
        assertThat(root.get("tensors")).hasSize(62);
        JsonNode packed = null;
        for (JsonNode tensor : root.get("tensors")) {
            if (tensor.get("name").asText().equals("transformer.resblocks.0.attn.in_proj_bias")) {
                packed = tensor;
            }
        }
        assertThat(packed).isNotNull();
        assertThat(packed.get("shape").toString()).isEqualTo("[192]");
        assertThat(packed.get("storedType").asText()).isEqualTo("F16");
        assertThat(packed.get("conversion").asText()).isEqualTo("packed [Q;K;V]");
        assertThat(packed.get("sourceNames")).hasSize(3);
        assertThat(root.get("dropped")).hasSize(2);
        assertThat(root.at("/totals/byStoredType/F16/tensors").asInt()).isEqualTo(62);
        assertThat(root.at("/totals/parameters").asLong()).isEqualTo(225_281);
    }

    @Test
    void damagedFileFailsWithOneLineNamingIt() {
        Path file = WeightsFixtures.path("truncated.pth");

        CommandRun run = CommandRun.of("inspect-weights", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("vificlip inspect-weights: error: " + file + ": damaged zip archive")
                .doesNotContain("at io.github");
    }
}
