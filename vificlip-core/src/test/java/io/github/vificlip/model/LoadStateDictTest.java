/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strict and non-strict loading report problems by name, with expected and found shapes. */
class LoadStateDictTest {

    private NDManager manager;
    private ClipModel model;
    private Map<String, NDArray> weights;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
        model = TinyClip.initializedModel(manager, 7);
        weights = new LinkedHashMap<>(TinyClip.weights(manager));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Map<String, NDArray> damaged() {
        Map<String, NDArray> tensors = new LinkedHashMap<>(weights);
        tensors.remove("visual.proj");
        tensors.remove("transformer.resblocks.2.ln_2.bias");
        tensors.put("visual.extra_token", manager.zeros(new Shape(3, 64)));
        tensors.put("positional_embedding", manager.zeros(new Shape(76, 32)));
        tensors.put("visual.ln_pre.weight", manager.zeros(new Shape(64), DataType.INT32));
        return tensors;
    }

    @Test
    void exactMatchLoadsEverything() {
        LoadReport report = model.loadStateDict(weights, true);
        assertThat(report.isComplete()).isTrue();
        assertThat(report.loaded()).hasSize(model.namedParameters().size());
        assertThat(report.describe()).isEqualTo("all 86 tensors loaded");
        assertThat(model.stateDict().get("visual.proj").toFloatArray())
                .isEqualTo(weights.get("visual.proj").toFloatArray());
    }

    @Test
    void strictLoadNamesEveryProblemAndChangesNothing() {
        float[] before = model.stateDict().get("visual.class_embedding").toFloatArray();
        assertThatThrownBy(() -> model.loadStateDict(damaged(), true))
                .isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("missing    visual.proj: expected (64, 16)")
                .hasMessageContaining("missing    transformer.resblocks.2.ln_2.bias: expected (32)")
                .hasMessageContaining("unexpected visual.extra_token: found (3, 64)")
                .hasMessageContaining(
                        "mismatched positional_embedding: expected (77, 32) float32, found (76,"
                                + " 32) float32")
                .hasMessageContaining(
                        "mismatched visual.ln_pre.weight: expected (64) float32, found (64) int32")
                .satisfies(
                        e -> {
                            LoadReport report = ((StateDictMismatchException) e).getReport();
                            assertThat(report.missing()).hasSize(2);
                            assertThat(report.unexpected()).containsOnlyKeys("visual.extra_token");
                            assertThat(report.mismatched())
                                    .containsOnlyKeys(
                                            "positional_embedding", "visual.ln_pre.weight");
                        });
        assertThat(model.stateDict().get("visual.class_embedding").toFloatArray())
                .isEqualTo(before);
    }

    @Test
    void nonStrictLoadCopiesWhatFitsAndReportsTheRest() {
        float[] keptProj = model.stateDict().get("visual.proj").toFloatArray();
        LoadReport report = model.loadStateDict(damaged(), false);
        assertThat(report.isComplete()).isFalse();
        assertThat(report.loaded()).hasSize(86 - 4);
        assertThat(report.toString())
                .startsWith("LoadReport[82 loaded, ")
                .contains(report.missing().size() + " missing");
        assertThat(report.missing())
                .containsEntry("visual.proj", new Shape(64, 16))
                .containsEntry("transformer.resblocks.2.ln_2.bias", new Shape(32));
        assertThat(model.stateDict().get("visual.proj").toFloatArray()).isEqualTo(keptProj);
        assertThat(model.stateDict().get("visual.class_embedding").toFloatArray())
                .isEqualTo(weights.get("visual.class_embedding").toFloatArray());
    }

    @Test
    void otherFloatingTypesAreWidenedAndOpenAiScalarsIgnored() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        weights.forEach((name, array) -> tensors.put(name, array.toType(DataType.FLOAT16, true)));
        tensors.put("visual.proj", weights.get("visual.proj").toType(DataType.FLOAT64, true));
        tensors.put("input_resolution", manager.create(32));
        tensors.put("context_length", manager.create(77));
        tensors.put("vocab_size", manager.create(49408));
        LoadReport report = model.loadStateDict(tensors, true);
        assertThat(report.isComplete()).isTrue();
        assertThat(report.ignored())
                .containsExactlyInAnyOrder("input_resolution", "context_length", "vocab_size");
        NDArray loaded = model.stateDict().get("positional_embedding");
        assertThat(loaded.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(loaded.toFloatArray())
                .isEqualTo(
                        tensors.get("positional_embedding")
                                .toType(DataType.FLOAT32, true)
                                .toFloatArray());
        assertThat(model.stateDict().get("visual.proj").toFloatArray())
                .isEqualTo(weights.get("visual.proj").toFloatArray());
    }

    @Test
    void promptTensorsOfAPromptingCheckpointAreLeftToThePromptLearner() {
        Map<String, NDArray> tensors = new LinkedHashMap<>(weights);
        tensors.put("prompt_learner.ctx", manager.zeros(new Shape(4, 32)));
        tensors.put("visual.VPT", manager.zeros(new Shape(4, 64)));
        tensors.put("visual.transformer.resblocks.1.VPT_shallow", manager.zeros(new Shape(4, 64)));
        tensors.put("transformer.resblocks.1.VPT_shallow", manager.zeros(new Shape(4, 32)));

        LoadReport report = model.loadStateDict(tensors, true);

        assertThat(report.isComplete()).isTrue();
        assertThat(report.loaded()).hasSize(model.namedParameters().size());
        assertThat(report.ignored())
                .containsExactly(
                        "prompt_learner.ctx",
                        "visual.VPT",
                        "visual.transformer.resblocks.1.VPT_shallow",
                        "transformer.resblocks.1.VPT_shallow");
    }

    @Test
    void exportedStateDictLoadsIntoAnotherModelWithTheSameOutputs() {
        ClipModel other = TinyClip.initializedModel(manager, 99);
        other.loadStateDict(model.stateDict(), true);
        NDArray images = manager.randomNormal(new Shape(2, 3, 32, 32));
        try (NDManager step = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            assertThat(other.encodeImage(store, images, false).toFloatArray())
                    .isEqualTo(model.encodeImage(store, images, false).toFloatArray());
        }
        assertThat(model.stateDict().keySet())
                .containsExactlyElementsOf(ClipModel.parameterShapes(TinyClip.CONFIG).keySet());
    }

    @Test
    void loadingNeedsAnInitialisedModel() {
        ClipModel fresh = ClipModel.builder().setConfig(TinyClip.CONFIG).build();
        assertThatThrownBy(() -> fresh.loadStateDict(weights, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Initialise");
    }

    @Test
    void trainableParametersCanBeLoadedInto() {
        // in-place writes into leaves that require gradients must work, and keep the flag
        assertThat(model.stateDict().get("visual.proj").hasGradient()).isTrue();
        model.loadStateDict(weights, true);
        assertThat(model.stateDict().get("visual.proj").hasGradient()).isTrue();
    }
}
