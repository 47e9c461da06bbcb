/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.testing.TinyConfigs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClipArchitectureTest {

    private static final ClipConfig TINY = TinyConfigs.SMALL_VOCABULARY;

    static Iterable<ClipConfig> presets() {
        return ClipConfig.presets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetIsRecognisedFromItsShapes(ClipConfig preset) {
        assertThat(ClipArchitecture.detect(ClipModel.parameterShapes(preset))).isSameAs(preset);
    }

    @Test
    void vitB16HasOpenAisTensorsAndShapes() {
        Map<String, Shape> shapes = ClipModel.parameterShapes(ClipConfig.VIT_B_16);

        // SPEC §1.2: 302 learnable tensors.
        assertThat(shapes).hasSize(302);
        assertThat(shapes)
                .containsEntry("visual.conv1.weight", new Shape(768, 3, 16, 16))
                .containsEntry("visual.positional_embedding", new Shape(197, 768))
                .containsEntry("visual.proj", new Shape(768, 512))
                .containsEntry(
                        "visual.transformer.resblocks.11.attn.in_proj_weight", new Shape(2304, 768))
                .containsEntry(
                        "visual.transformer.resblocks.0.mlp.c_fc.weight", new Shape(3072, 768))
                .containsEntry("transformer.resblocks.0.attn.in_proj_bias", new Shape(1536))
                .containsEntry("transformer.resblocks.11.mlp.c_proj.weight", new Shape(512, 2048))
                .containsEntry("token_embedding.weight", new Shape(49408, 512))
                .containsEntry("positional_embedding", new Shape(77, 512))
                .containsEntry("text_projection", new Shape(512, 512))
                .containsEntry("logit_scale", new Shape())
                .containsEntry("ln_final.bias", new Shape(512));
    }

    @Test
    void freeFormArchitectureIsReadFromShapes() {
        ClipConfig detected = ClipArchitecture.detect(ClipModel.parameterShapes(TINY));

        assertThat(detected).isEqualTo(TINY);
        assertThat(detected.name()).isEqualTo("custom");
    }

    @Test
    void absentTensorsAreAllNamed() {
        Map<String, Shape> shapes = new LinkedHashMap<>(ClipModel.parameterShapes(TINY));
        shapes.remove("text_projection");
        shapes.remove("visual.conv1.weight");

        assertThatThrownBy(() -> ClipArchitecture.detect(shapes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Cannot detect the CLIP architecture: tensors text_projection,"
                                + " visual.conv1.weight are absent");
    }

    @Test
    void missingTokenEmbeddingPointsAtViFiClipCheckpoints() {
        Map<String, Shape> shapes = new LinkedHashMap<>(ClipModel.parameterShapes(TINY));
        shapes.remove("token_embedding.weight");

        assertThatThrownBy(() -> ClipArchitecture.detect(shapes))
                .hasMessageContaining("tensor token_embedding.weight is absent")
                .hasMessageContaining("ViFi-CLIP checkpoints leave it out");
    }

    @Test
    void inconsistentShapesAreExplained() {
        ClipConfig narrow =
                TINY.toBuilder().setVisionWidth(32).setVisionHeads(1).setTextWidth(48).build();
        Map<String, Shape> shapes = new LinkedHashMap<>(ClipModel.parameterShapes(narrow));
        shapes.put("visual.positional_embedding", new Shape(20, 32));
        shapes.remove("transformer.resblocks.0.attn.in_proj_weight");
        shapes.put("transformer.resblocks.0.attn.in_proj_weight", new Shape(144, 48));
        shapes.remove("visual.transformer.resblocks.0.attn.in_proj_weight");

        assertThatThrownBy(() -> ClipArchitecture.detect(shapes))
                .hasMessageContaining("19 patch positions, not a square grid")
                .hasMessageContaining(
                        "visual.transformer.resblocks.0.attn.in_proj_weight is absent")
                .hasMessageContaining("vision width 32 is not a multiple of 64")
                .hasMessageContaining("text width 48 is not a multiple of 64");
    }

    @Test
    void describesAConfigurationInOneLine() {
        assertThat(ClipArchitecture.describe(ClipConfig.VIT_B_16))
                .isEqualTo(
                        "ViT-B/16: embed 512; image 224 px, patch 16, 768 wide x 12 blocks (12"
                                + " heads); text 77 tokens, vocabulary 49408, 512 wide x 12 blocks"
                                + " (8 heads)");
    }
}
