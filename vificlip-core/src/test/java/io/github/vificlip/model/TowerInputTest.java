/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static io.github.vificlip.model.TinyClip.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.vificlip.tokenizer.TextTooLongException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large batches, wrong inputs, and native memory that must not pile up in the model. */
class TowerInputTest {

    private NDManager manager;
    private Map<String, NDArray> golden;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
        golden = TinyClip.golden(manager);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void batchesLargerThanASliceGiveTheSameRows() {
        ClipModel model = TinyClip.loadedModel(manager);
        ParameterStore store = new ParameterStore(manager, false);
        // 3 reference images repeated to 39 frames (more than two slices of 16)
        NDArray images = golden.get("images").tile(new long[] {13, 1, 1, 1});
        NDArray expectedImages = golden.get("image_features").tile(new long[] {13, 1});
        assertClose(model.encodeImage(store, images, false), expectedImages);
        // 4 reference prompts repeated to 76 (more than two slices of 32)
        NDArray ids = golden.get("class_ids").tile(new long[] {19, 1});
        NDArray expectedTexts = golden.get("text_features").tile(new long[] {19, 1});
        assertClose(model.encodeText(store, ids, false), expectedTexts);
    }

    @Test
    void theTextTowerRunsEachSliceUpToItsLastEndToken() {
        int[][] ids = new int[40][77];
        for (int row = 0; row < ids.length; row++) {
            ids[row][0] = 49406;
            ids[row][row == 5 ? 20 : row == 35 ? 9 : 3] = 49407;
        }
        assertThat(ClipTextTransformer.tokensRun(ids)).containsExactly(21, 10);
        assertThat(TinyClip.CONFIG.textMacsPerPrompt(77))
                .isEqualTo(TinyClip.CONFIG.textMacsPerPrompt());
        assertThat(TinyClip.CONFIG.textMacsPerPrompt(10))
                .isLessThan(TinyClip.CONFIG.textMacsPerPrompt() / 7);
    }

    @Test
    void wrongShapesAndTypesAreNamed() {
        ClipModel model = TinyClip.loadedModel(manager);
        ParameterStore store = new ParameterStore(manager, false);
        assertThatThrownBy(
                        () ->
                                model.encodeImage(
                                        store, manager.zeros(new Shape(2, 3, 224, 224)), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The image tower takes frames [N, 3, 32, 32], got (2, 3, 224, 224)");
        assertThatThrownBy(() -> model.encodeText(store, manager.zeros(new Shape(2, 76)), false))
                .hasMessage("The text tower takes token ids [C, 77], got (2, 76)");
        assertThatThrownBy(() -> model.encodeText(store, manager.zeros(new Shape(2, 77)), false))
                .hasMessage("Token ids must be integers, got float32");
        assertThatThrownBy(
                        () ->
                                model.getVisual()
                                        .encode(
                                                store,
                                                golden.get("images"),
                                                manager.zeros(new Shape(2, 32)),
                                                DeepPrompts.none(),
                                                false))
                .hasMessage("Vision prompts must be [n, 64], got (2, 32)");
        assertThatThrownBy(
                        () ->
                                model.getText()
                                        .encode(
                                                store,
                                                manager.zeros(new Shape(4, 77, 16)),
                                                golden.get("class_ids"),
                                                DeepPrompts.none(),
                                                false))
                .hasMessage(
                        "Prompt embeddings must be (4, 77, 32) for ids (4, 77), got (4, 77, 16)");
    }

    @Test
    void theVideoModelSaysWhatItNeeds() {
        ViFiClipBlock block = ViFiClipBlock.builder().setConfig(TinyClip.CONFIG).build();
        block.initialize(manager, DataType.FLOAT32, block.initializationShape());
        ParameterStore store = new ParameterStore(manager, false);
        assertThatThrownBy(() -> block.forward(store, new NDList(golden.get("video")), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No class names: call setClassNames");
        assertThatThrownBy(() -> block.encodeVideo(store, golden.get("images"), false))
                .hasMessage("The video model takes clips [B, T, 3, 32, 32], got (3, 3, 32, 32)");
        assertThatThrownBy(() -> block.setClassNames(List.of()))
                .hasMessageContaining("non-empty list without nulls");
        assertThatThrownBy(() -> block.setClassNames(Collections.singletonList(null)))
                .hasMessageContaining("non-empty list without nulls");
        String longName = "very ".repeat(80) + "long";
        assertThatThrownBy(() -> block.setClassNames(List.of("ok", longName)))
                .isInstanceOf(TextTooLongException.class);
        assertThat(block.getClassNames()).isEmpty();
    }

    @Test
    void templatesPutTheNameVerbatim() {
        assertThat(PromptTemplate.FINE_TUNE.apply("ApplyEyeMakeup"))
                .isEqualTo("a photo of a ApplyEyeMakeup.");
        assertThat(PromptTemplate.BARE.apply("brush_hair")).isEqualTo("brush_hair");
        assertThat(PromptTemplate.of("a video of a person {}.").apply("surfing water"))
                .isEqualTo("a video of a person surfing water.");
        assertThatThrownBy(() -> PromptTemplate.of("a photo"))
                .hasMessageContaining("exactly one '{}'");
        assertThatThrownBy(() -> PromptTemplate.of("{} and {}"))
                .hasMessageContaining("exactly one '{}'");
    }

    /**
     * The model's own manager is capped: any intermediate that a forward or backward pass left
     * attached to it (instead of the step's manager) would throw here.
     */
    @Test
    void forwardAndBackwardPassesLeaveNothingInTheModelsManager() {
        try (NDManager model = NDManager.newBaseManager(Device.cpu());
                NDManager steps = NDManager.newBaseManager(Device.cpu())) {
            ViFiClipBlock block = TuningTest.tinyBlock(TuningMode.IMAGE);
            block.initialize(model, DataType.FLOAT32, block.initializationShape());
            NDArray prompts = model.zeros(new Shape(2, 64));
            model.cap();
            for (boolean training : new boolean[] {false, true}) {
                try (NDManager step = steps.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    ParameterStore store = new ParameterStore(step, false);
                    NDArray video = golden.get("video").duplicate();
                    video.attach(step);
                    NDArray logits =
                            block.forward(store, new NDList(video), training).singletonOrThrow();
                    NDArray prompted =
                            block.getClip()
                                    .getVisual()
                                    .encode(
                                            store,
                                            video.get(0),
                                            prompts,
                                            DeepPrompts.replacingLast(List.of(prompts)),
                                            training);
                    if (training) {
                        collector.backward(logits.sum().add(prompted.sum()));
                    }
                }
            }
        }
    }
}
