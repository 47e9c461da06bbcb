/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presets, their dimensions and parameter counts, and configuration errors. */
class ClipConfigTest {

    @ParameterizedTest
    @CsvSource({"ViT-B/16", "vit-b-16", " VIT-B/16 ", "vit/b/16"})
    void presetsAreFoundByName(String name) {
        assertThat(ClipConfig.preset(name)).isSameAs(ClipConfig.VIT_B_16);
    }

    @Test
    void unknownPresetSaysWhatExists() {
        assertThatThrownBy(() -> ClipConfig.preset("ViT-H/14"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown CLIP preset 'ViT-H/14'")
                .hasMessageContaining("ViT-B/32, ViT-B/16, ViT-L/14");
    }

    @Test
    void vitB16HasSpecDimensions() {
        ClipConfig c = ClipConfig.VIT_B_16;
        assertThat(c.visionTokens()).isEqualTo(197);
        assertThat(c.visionHeadDim()).isEqualTo(64);
        assertThat(c.textHeadDim()).isEqualTo(64);
        assertThat(c.visionMlpWidth()).isEqualTo(3072);
        assertThat(c.textMlpWidth()).isEqualTo(2048);
        // 17.5 GMAC (35 GFLOP) per 224-px frame, the figure papers quote as ViT-B/16's "GFLOPs"
        assertThat(c.visionMacsPerImage() / 1e9).isBetween(17.5, 17.6);
    }

    /** SPEC §1.2: 302 learnable tensors (the 3 scalars are not parameters). */
    @Test
    void vitB16HasTheSpecTensorTable() {
        Map<String, Shape> shapes = ClipModel.parameterShapes(ClipConfig.VIT_B_16);
        assertThat(shapes).hasSize(302);
        assertThat(shapes)
                .containsEntry("positional_embedding", new Shape(77, 512))
                .containsEntry("text_projection", new Shape(512, 512))
                .containsEntry("logit_scale", new Shape())
                .containsEntry("visual.class_embedding", new Shape(768))
                .containsEntry("visual.positional_embedding", new Shape(197, 768))
                .containsEntry("visual.proj", new Shape(768, 512))
                .containsEntry("visual.conv1.weight", new Shape(768, 3, 16, 16))
                .containsEntry(
                        "visual.transformer.resblocks.11.attn.in_proj_weight", new Shape(2304, 768))
                .containsEntry(
                        "visual.transformer.resblocks.0.mlp.c_fc.weight", new Shape(3072, 768))
                .containsEntry(
                        "visual.transformer.resblocks.0.mlp.c_proj.weight", new Shape(768, 3072))
                .containsEntry("token_embedding.weight", new Shape(49408, 512))
                .containsEntry("transformer.resblocks.11.attn.in_proj_bias", new Shape(1536))
                .containsEntry("transformer.resblocks.0.mlp.c_fc.weight", new Shape(2048, 512))
                .containsEntry("ln_final.bias", new Shape(512));
    }

    /** open_clip's published parameter counts of the three presets. */
    @ParameterizedTest
    @CsvSource({"ViT-B/32, 151277313", "ViT-B/16, 149620737", "ViT-L/14, 427616513"})
    void presetParameterCounts(String preset, long expected) {
        long total =
                ClipModel.parameterShapes(ClipConfig.preset(preset)).values().stream()
                        .mapToLong(Shape::size)
                        .sum();
        assertThat(total).isEqualTo(expected);
    }

    /** The block structure of a real preset matches the table (built once, zero-filled). */
    @Test
    void vitB32BlocksHaveTheTableShapes() {
        ClipModel model = ClipModel.builder().setConfig(ClipConfig.VIT_B_32).build();
        model.setInitializer(Initializer.ZEROS, p -> true);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            model.initialize(manager, DataType.FLOAT32, model.initializationShapes());
            Map<String, Parameter> named = model.namedParameters();
            Map<String, Shape> table = ClipModel.parameterShapes(ClipConfig.VIT_B_32);
            assertThat(named.keySet()).containsExactlyElementsOf(table.keySet());
            named.forEach(
                    (name, parameter) ->
                            assertThat(parameter.getArray().getShape())
                                    .as(name)
                                    .isEqualTo(table.get(name)));
            assertThat(model.getParameters().size()).isEqualTo(302);
        }
    }

    @Test
    void tinyBlocksHaveTheTableShapes() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ClipModel model = TinyClip.initializedModel(manager, 1);
            Map<String, Shape> table = ClipModel.parameterShapes(TinyClip.CONFIG);
            assertThat(model.namedParameters().keySet()).containsExactlyElementsOf(table.keySet());
            model.namedParameters()
                    .forEach(
                            (name, parameter) ->
                                    assertThat(parameter.getArray().getShape())
                                            .as(name)
                                            .isEqualTo(table.get(name)));
        }
    }

    @Test
    void invalidConfigurationNamesEveryProblem() {
        assertThatThrownBy(
                        () ->
                                ClipConfig.builder()
                                        .setName("broken")
                                        .setEmbedDim(16)
                                        .setImageSize(30)
                                        .setPatchSize(8)
                                        .setVisionWidth(60)
                                        .setVisionLayers(0)
                                        .setVisionHeads(8)
                                        .setTextWidth(32)
                                        .setTextLayers(2)
                                        .setTextHeads(3)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid CLIP configuration 'broken'")
                .hasMessageContaining("visionLayers must be positive, got 0")
                .hasMessageContaining("imageSize 30 must be a multiple of patchSize 8")
                .hasMessageContaining("visionWidth 60 must be divisible by visionHeads 8")
                .hasMessageContaining("textWidth 32 must be divisible by textHeads 3");
    }

    @Test
    void buildersSayWhatIsMissing() {
        assertThatThrownBy(() -> ClipModel.builder().build())
                .hasMessageContaining("setConfig(ClipConfig) is required");
        assertThatThrownBy(() -> ViFiClipBlock.builder().build())
                .hasMessageContaining("setConfig(ClipConfig) is required");
        assertThatThrownBy(() -> ViFiClip.builder().build())
                .hasMessageContaining("setConfig(ClipConfig), setPreset or optWeights is required");
    }

    @Test
    void internalBlocksRefuseBadDimensions() {
        assertThatThrownBy(() -> new MultiheadSelfAttention(10, 3))
                .hasMessageContaining("width 10 and heads 3");
        assertThatThrownBy(() -> new ClipTransformer(8, 0, 2, 4, 1e-5f))
                .hasMessageContaining("at least one layer, got 0");
    }

    @Test
    void tokenizerMustFitTheModel() {
        ClipConfig shortContext = TinyClip.CONFIG.toBuilder().setContextLength(16).build();
        assertThatThrownBy(
                        () ->
                                ViFiClipBlock.builder()
                                        .setConfig(shortContext)
                                        .optTokenizer(
                                                io.github.vificlip.tokenizer.ClipTokenizer
                                                        .newInstance())
                                        .build())
                .hasMessageContaining("context length 77 differs from the model's 16");
        ClipConfig smallVocabulary = TinyClip.CONFIG.toBuilder().setVocabSize(1000).build();
        assertThatThrownBy(() -> ViFiClipBlock.builder().setConfig(smallVocabulary).build())
                .hasMessageContaining("49408 ids do not fit the model's vocabulary of 1000");
    }
}
