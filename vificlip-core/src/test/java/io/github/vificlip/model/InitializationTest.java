/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CLIP's initial values: seeded, reproducible, with OpenAI's scales. */
class InitializationTest {

    /** Wide enough for the sample statistics to be tight. */
    private static final ClipConfig CONFIG =
            TinyClip.CONFIG.toBuilder()
                    .setVisionWidth(128)
                    .setTextWidth(96)
                    .setTextHeads(4)
                    .build();

    private static NDManager manager;
    private static Map<String, NDArray> weights;

    @BeforeAll
    static void build() {
        manager = NDManager.newBaseManager(Device.cpu());
        weights = model(5).stateDict();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static ClipModel model(long seed) {
        ClipModel model = ClipModel.builder().setConfig(CONFIG).optSeed(seed).build();
        model.initialize(manager, DataType.FLOAT32, model.initializationShapes());
        return model;
    }

    private static double std(String name) {
        float[] v = weights.get(name).toFloatArray();
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double var = 0;
        for (float x : v) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / v.length);
    }

    private static double maxAbs(String name) {
        return weights.get(name).abs().max().getFloat();
    }

    @Test
    void textScalesAreOpenAis() {
        double width = 96;
        double layers = 3;
        assertThat(std("token_embedding.weight")).isCloseTo(0.02, within(0.0002));
        assertThat(std("positional_embedding")).isCloseTo(0.01, within(0.0005));
        assertThat(std("transformer.resblocks.1.attn.in_proj_weight"))
                .isCloseTo(Math.pow(width, -0.5), within(0.002));
        double projStd = Math.pow(width, -0.5) * Math.pow(2 * layers, -0.5);
        assertThat(std("transformer.resblocks.1.attn.out_proj.weight"))
                .isCloseTo(projStd, within(0.002));
        assertThat(std("transformer.resblocks.1.mlp.c_proj.weight"))
                .isCloseTo(projStd, within(0.001));
        assertThat(std("transformer.resblocks.1.mlp.c_fc.weight"))
                .isCloseTo(Math.pow(2 * width, -0.5), within(0.002));
        assertThat(std("text_projection")).isCloseTo(Math.pow(width, -0.5), within(0.005));
    }

    @Test
    void visionKeepsPyTorchModuleDefaultsExceptEmbeddingsAndProjection() {
        double scale = Math.pow(128, -0.5);
        assertThat(std("visual.positional_embedding")).isCloseTo(scale, within(0.003));
        assertThat(std("visual.proj")).isCloseTo(scale, within(0.005));
        assertThat(std("visual.class_embedding")).isCloseTo(scale, within(0.02));
        // U(±b) has std b/√3
        double convBound = Math.pow(3 * 8 * 8, -0.5);
        assertThat(maxAbs("visual.conv1.weight")).isLessThanOrEqualTo((float) convBound);
        assertThat(std("visual.conv1.weight")).isCloseTo(convBound / Math.sqrt(3), within(0.001));
        double xavier = Math.sqrt(6.0 / (128 + 3 * 128));
        assertThat(maxAbs("visual.transformer.resblocks.0.attn.in_proj_weight"))
                .isLessThanOrEqualTo((float) xavier);
        assertThat(std("visual.transformer.resblocks.0.attn.in_proj_weight"))
                .isCloseTo(xavier / Math.sqrt(3), within(0.002));
        assertThat(maxAbs("visual.transformer.resblocks.0.mlp.c_proj.bias"))
                .isLessThanOrEqualTo((float) Math.pow(4 * 128, -0.5));
    }

    @Test
    void normsBiasesAndTemperature() {
        assertThat(weights.get("visual.ln_pre.weight").toFloatArray()).containsOnly(1f);
        assertThat(weights.get("ln_final.bias").toFloatArray()).containsOnly(0f);
        assertThat(weights.get("transformer.resblocks.0.attn.in_proj_bias").toFloatArray())
                .containsOnly(0f);
        assertThat(weights.get("visual.transformer.resblocks.2.attn.out_proj.bias").toFloatArray())
                .containsOnly(0f);
        assertThat(weights.get("logit_scale").getShape()).isEqualTo(new Shape());
        assertThat(weights.get("logit_scale").getFloat())
                .isCloseTo((float) Math.log(1 / 0.07), within(1e-6f));
    }

    @Test
    void theSeedDecidesTheWeights() {
        Map<String, NDArray> same = model(5).stateDict();
        Map<String, NDArray> other = model(6).stateDict();
        for (String name : new String[] {"visual.proj", "token_embedding.weight"}) {
            assertThat(same.get(name).toFloatArray()).isEqualTo(weights.get(name).toFloatArray());
            assertThat(other.get(name).toFloatArray())
                    .isNotEqualTo(weights.get(name).toFloatArray());
        }
    }

    @Test
    void aTowerAloneStartsLikeTheSameTowerInAModel() {
        ClipVisionTransformer tower =
                ClipVisionTransformer.builder().setConfig(CONFIG).optSeed(5).build();
        tower.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        tower.namedParameters()
                .forEach(
                        (name, parameter) ->
                                assertThat(parameter.getArray().toFloatArray())
                                        .as(name)
                                        .isEqualTo(weights.get("visual." + name).toFloatArray()));
    }

    @Test
    void everyParameterDrawsFromItsOwnStream() {
        // two tensors of equal shape and distribution must not repeat each other's values
        assertThat(weights.get("transformer.resblocks.0.attn.in_proj_weight").toFloatArray())
                .isNotEqualTo(
                        weights.get("transformer.resblocks.1.attn.in_proj_weight").toFloatArray());
    }
}
