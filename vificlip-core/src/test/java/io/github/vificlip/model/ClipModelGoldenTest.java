/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static io.github.vificlip.model.TinyClip.assertClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLIP towers against the independent NumPy reference ({@code clip_reference.py}). */
class ClipModelGoldenTest {

    private static NDManager manager;
    private static ClipModel model;
    private static Map<String, NDArray> golden;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager();
        model = TinyClip.loadedModel(manager);
        golden = TinyClip.golden(manager);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void imageTowerMatchesReference() {
        try (NDManager step = manager.newSubManager()) {
            NDArray images = golden.get("images");
            NDArray out = model.encodeImage(new ParameterStore(step, false), images, false);
            assertClose(out, golden.get("image_features"));
        }
    }

    @Test
    void textTowerMatchesReference() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out =
                    model.encodeText(
                            new ParameterStore(step, false), golden.get("class_ids"), false);
            assertClose(out, golden.get("text_features"));
        }
    }

    @Test
    void visionPromptsMatchReference() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out =
                    model.getVisual()
                            .encode(
                                    new ParameterStore(step, false),
                                    golden.get("images"),
                                    golden.get("vision_shallow"),
                                    DeepPrompts.replacingLast(List.of(golden.get("vision_deep.1"))),
                                    false);
            assertClose(out, golden.get("image_features_prompted"));
        }
    }

    @Test
    void textPromptsMatchReference() {
        try (NDManager step = manager.newSubManager()) {
            NDArray out =
                    model.getText()
                            .encode(
                                    new ParameterStore(step, false),
                                    golden.get("prompt_embeddings"),
                                    golden.get("prompt_ids"),
                                    DeepPrompts.replacingAfterStart(
                                            List.of(golden.get("text_deep.1"))),
                                    false);
            assertClose(out, golden.get("text_features_prompted"));
        }
    }
}
