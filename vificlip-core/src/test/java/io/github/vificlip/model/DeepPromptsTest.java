/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prompt extension points: which rows deep prompts replace, and gradients into prompts. */
class DeepPromptsTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** x[b, t, :] = 100·b + t, so each row says where it came from. */
    private NDArray rows(long batch, long length, long width) {
        float[] values = new float[(int) (batch * length * width)];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 * (i / (int) (length * width)) + (i / (int) width) % length;
        }
        return manager.create(values, new Shape(batch, length, width));
    }

    @Test
    void textStylePromptsReplaceRowsAfterTheStartToken() {
        NDArray x = rows(2, 6, 3);
        NDArray prompt = manager.full(new Shape(2, 3), -1f);
        DeepPrompts deep = DeepPrompts.replacingAfterStart(List.of(prompt));
        NDArray y = deep.apply(1, x);
        for (int b = 0; b < 2; b++) {
            assertThat(y.get(b).get(":, 0").toFloatArray())
                    .containsExactly(100 * b, -1, -1, 100 * b + 3, 100 * b + 4, 100 * b + 5);
        }
        assertThat(deep.apply(0, x)).isSameAs(x);
        assertThat(deep.apply(2, x)).isSameAs(x);
        assertThat(deep.depth()).isEqualTo(2);
    }

    @Test
    void visionStylePromptsReplaceTheLastRows() {
        NDArray x = rows(1, 5, 2);
        DeepPrompts deep =
                DeepPrompts.replacingLast(
                        List.of(
                                manager.full(new Shape(2, 2), -1f),
                                manager.full(new Shape(2, 2), -2f)));
        assertThat(deep.apply(1, x).get("0, :, 1").toFloatArray()).containsExactly(0, 1, 2, -1, -1);
        assertThat(deep.apply(2, x).get("0, :, 1").toFloatArray()).containsExactly(0, 1, 2, -2, -2);
        assertThat(deep.apply(3, x)).isSameAs(x);
        assertThat(DeepPrompts.none().apply(1, x)).isSameAs(x);
    }

    @Test
    void promptsThatDoNotFitAreRejected() {
        NDArray x = rows(1, 4, 3);
        assertThatThrownBy(
                        () ->
                                DeepPrompts.replacingAfterStart(
                                                List.of(manager.zeros(new Shape(4, 3))))
                                        .apply(1, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a hidden state of shape (1, 4, 3)");
        assertThatThrownBy(
                        () ->
                                DeepPrompts.replacingLast(List.of(manager.zeros(new Shape(2, 5))))
                                        .apply(1, x))
                .hasMessageContaining("(2, 5)");
        assertThatThrownBy(
                        () ->
                                DeepPrompts.replacingLast(
                                        List.of(
                                                manager.zeros(new Shape(2, 3)),
                                                manager.zeros(new Shape(3, 3)))))
                .hasMessageContaining("block 2 is (3, 3)");
    }

    @Test
    void promptsDeeperThanTheTowerAreRejected() {
        ClipModel model = TinyClip.initializedModel(manager, 0);
        List<NDArray> three =
                List.of(
                        manager.zeros(new Shape(2, 64)),
                        manager.zeros(new Shape(2, 64)),
                        manager.zeros(new Shape(2, 64)));
        assertThatThrownBy(
                        () ->
                                model.getVisual()
                                        .encode(
                                                new ParameterStore(manager, false),
                                                manager.zeros(new Shape(1, 3, 32, 32)),
                                                manager.zeros(new Shape(2, 64)),
                                                DeepPrompts.replacingLast(three),
                                                false))
                .hasMessageContaining("Prompt depth 4 exceeds the transformer's 3 layers");
    }

    @Test
    void gradientsReachShallowAndDeepPromptsOfBothTowers() {
        ClipModel model = TinyClip.initializedModel(manager, 0);
        model.getParameters().values().forEach(p -> p.freeze(true));
        Map<String, NDArray> golden = TinyClip.golden(manager);
        NDArray visionShallow = manager.randomNormal(new Shape(2, 64));
        NDArray visionDeep = manager.randomNormal(new Shape(2, 64));
        NDArray textContext = manager.randomNormal(new Shape(2, 32));
        NDArray textDeep = manager.randomNormal(new Shape(2, 32));
        for (NDArray prompt : List.of(visionShallow, visionDeep, textContext, textDeep)) {
            prompt.setRequiresGradient(true);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray image =
                    model.getVisual()
                            .encode(
                                    store,
                                    golden.get("images"),
                                    visionShallow,
                                    DeepPrompts.replacingLast(List.of(visionDeep)),
                                    true);
            // learned context at positions 1..2, as a prompt learner assembles it
            NDArray embeddings = golden.get("prompt_embeddings");
            NDArray prompts =
                    embeddings
                            .get(":, :1")
                            .concat(textContext.expandDims(0).broadcast(4, 2, 32), 1)
                            .concat(embeddings.get(":, 3:"), 1);
            NDArray text =
                    model.getText()
                            .encode(
                                    store,
                                    prompts,
                                    golden.get("prompt_ids"),
                                    DeepPrompts.replacingAfterStart(List.of(textDeep)),
                                    true);
            collector.backward(image.sum().add(text.sum()));
        }
        for (NDArray prompt : List.of(visionShallow, visionDeep, textContext, textDeep)) {
            assertThat(prompt.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
        }
        assertThat(model.getVisual().namedParameters().get("proj").getArray().hasGradient())
                .isFalse();
    }
}
