/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tuning modes freeze exactly what SPEC §3 says, and gradients reach only what trains. */
class TuningTest {

    /** Tiny model: 44 vision tensors, 41 text tensors (token embedding included), logit_scale. */
    private static final int VISION = 8 + 3 * 12;

    private static final int TEXT_TRAINABLE = 4 + 3 * 12;

    @Test
    void namesFollowTheSpec() {
        assertThat(TuningMode.BOTH.trains("logit_scale")).isTrue();
        assertThat(TuningMode.IMAGE.trains("logit_scale")).isFalse();
        assertThat(TuningMode.TEXT.trains("logit_scale")).isFalse();
        for (TuningMode mode : TuningMode.values()) {
            assertThat(mode.trains("token_embedding.weight")).as(mode.name()).isFalse();
        }
        assertThat(TuningMode.IMAGE.trains("visual.transformer.resblocks.3.attn.in_proj_weight"))
                .isTrue();
        assertThat(TuningMode.IMAGE.trains("transformer.resblocks.3.attn.in_proj_weight"))
                .isFalse();
        assertThat(TuningMode.TEXT.trains("visual.proj")).isFalse();
        for (String text :
                new String[] {
                    "positional_embedding",
                    "ln_final.weight",
                    "text_projection",
                    "transformer.resblocks.0.mlp.c_fc.bias"
                }) {
            assertThat(TuningMode.TEXT.trains(text)).as(text).isTrue();
            assertThat(TuningMode.IMAGE.trains(text)).as(text).isFalse();
        }
        assertThat(TuningMode.NONE.trains("visual.proj")).isFalse();
        assertThat(TuningMode.IMAGE.freezesText()).isTrue();
        assertThat(TuningMode.NONE.freezesText()).isTrue();
        assertThat(TuningMode.BOTH.freezesText()).isFalse();
        assertThat(TuningMode.TEXT.freezesText()).isFalse();
        assertThat(TuningMode.PROMPTS.freezesText()).isFalse();
        assertThat(TuningMode.PROMPTS.trains("prompt_learner.ctx")).isTrue();
        assertThat(TuningMode.PROMPTS.trains("visual.transformer.resblocks.3.VPT_shallow"))
                .isTrue();
        assertThat(TuningMode.PROMPTS.trains("visual.proj")).isFalse();
        assertThat(TuningMode.PROMPTS.trains("logit_scale")).isFalse();
        assertThat(TuningMode.BOTH.trains("visual.VPT")).isFalse();
    }

    @Test
    void aPlainModelHasNoPromptsToTune() {
        ViFiClipBlock block = tinyBlock(TuningMode.BOTH);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> block.setTuning(TuningMode.PROMPTS))
                .hasMessageContaining("vificlip-prompts");
    }

    @Test
    void vitB16TrainsThe301TensorsOfTheNotebookLogInBothMode() {
        Map<String, ?> shapes = ClipModel.parameterShapes(ClipConfig.VIT_B_16);
        long both = shapes.keySet().stream().filter(TuningMode.BOTH::trains).count();
        long image = shapes.keySet().stream().filter(TuningMode.IMAGE::trains).count();
        long text = shapes.keySet().stream().filter(TuningMode.TEXT::trains).count();
        assertThat(both).isEqualTo(301); // "Total learnable items: 301"
        assertThat(image).isEqualTo(8 + 12 * 12);
        assertThat(text).isEqualTo(4 + 12 * 12);
    }

    @ParameterizedTest
    @EnumSource(
            value = TuningMode.class,
            names = {"BOTH", "IMAGE", "TEXT", "NONE"})
    void freezingMarksExactlyTheTrainedParameters(TuningMode mode) {
        ViFiClipBlock block = tinyBlock(mode);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(manager, DataType.FLOAT32, block.initializationShape());
            Map<String, Parameter> named = block.getClip().namedParameters();
            int expected =
                    switch (mode) {
                        case BOTH -> VISION + TEXT_TRAINABLE + 1;
                        case IMAGE -> VISION;
                        case TEXT -> TEXT_TRAINABLE;
                        case NONE, PROMPTS -> 0;
                    };
            assertThat(named).hasSize(VISION + TEXT_TRAINABLE + 2);
            assertThat(block.trainableParameters()).hasSize(expected);
            named.forEach(
                    (name, parameter) -> {
                        assertThat(parameter.requiresGradient())
                                .as(name)
                                .isEqualTo(mode.trains(name));
                        assertThat(parameter.getArray().hasGradient())
                                .as(name)
                                .isEqualTo(mode.trains(name));
                    });
            // every DJL parameter of the block is one of the named ones
            assertThat(block.getParameters().size()).isEqualTo(named.size());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TuningMode.class,
            names = {"BOTH", "IMAGE", "TEXT"})
    void gradientsReachTrainedParametersOnly(TuningMode mode) {
        ViFiClipBlock block = tinyBlock(mode);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(manager, DataType.FLOAT32, block.initializationShape());
            NDArray video = manager.randomNormal(TinyClip.shape(2, 2, 3, 32, 32));
            NDArray labels = manager.create(new float[] {0, 2});
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits =
                        block.forward(new ParameterStore(manager, false), new NDList(video), true)
                                .singletonOrThrow();
                NDArray loss =
                        Loss.softmaxCrossEntropyLoss()
                                .evaluate(new NDList(labels), new NDList(logits));
                collector.backward(loss);
            }
            block.getClip()
                    .namedParameters()
                    .forEach(
                            (name, parameter) -> {
                                NDArray array = parameter.getArray();
                                if (mode.trains(name)) {
                                    assertThat(array.getGradient().abs().sum().getFloat())
                                            .as("gradient of " + name)
                                            .isGreaterThan(0f);
                                } else {
                                    assertThat(array.hasGradient()).as(name).isFalse();
                                }
                            });
        }
    }

    @Test
    void aTrainerStepUpdatesTheImageTowerOnlyInImageMode() {
        ViFiClipBlock block = tinyBlock(TuningMode.IMAGE);
        try (Model model = Model.newInstance("tiny", Device.cpu())) {
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, block.initializationShape());
            Map<String, float[]> before = snapshot(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                            .optOptimizer(
                                    Optimizer.adamW()
                                            .optLearningRateTracker(Tracker.fixed(1e-2f))
                                            .build())
                            .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config);
                    NDManager step = model.getNDManager().newSubManager()) {
                NDArray video = step.randomNormal(TinyClip.shape(2, 2, 3, 32, 32));
                NDArray labels = step.create(new float[] {1, 3});
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(video)).singletonOrThrow();
                    collector.backward(
                            trainer.getLoss().evaluate(new NDList(labels), new NDList(logits)));
                }
                trainer.step();
            }
            Map<String, float[]> after = snapshot(block);
            before.forEach(
                    (name, values) -> {
                        boolean changed = !java.util.Arrays.equals(values, after.get(name));
                        assertThat(changed).as(name).isEqualTo(name.startsWith("visual."));
                    });
        }
    }

    private static Map<String, float[]> snapshot(ViFiClipBlock block) {
        Map<String, float[]> values = new HashMap<>();
        block.getClip()
                .namedParameters()
                .forEach(
                        (name, parameter) -> values.put(name, parameter.getArray().toFloatArray()));
        return values;
    }

    static ViFiClipBlock tinyBlock(TuningMode mode) {
        return ViFiClipBlock.builder()
                .setConfig(TinyClip.CONFIG)
                .optTuning(mode)
                .optClassNames(TinyClip.CLASS_NAMES)
                .build();
    }

    @Test
    void countsByTowerAddUp() {
        Map<Boolean, Long> byTower =
                ClipModel.parameterShapes(TinyClip.CONFIG).keySet().stream()
                        .collect(
                                Collectors.partitioningBy(
                                        n -> n.startsWith("visual."), Collectors.counting()));
        assertThat(byTower.get(true)).isEqualTo(VISION);
        assertThat(byTower.get(false)).isEqualTo(TEXT_TRAINABLE + 2);
    }
}
