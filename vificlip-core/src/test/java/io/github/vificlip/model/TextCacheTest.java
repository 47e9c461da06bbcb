/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Class text features are cached only while the text side is frozen. */
class TextCacheTest {

    private NDManager manager;
    private ViFiClipBlock block;
    private NDArray video;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
        block = TuningTest.tinyBlock(TuningMode.NONE);
        block.initialize(manager, DataType.FLOAT32, block.initializationShape());
        block.loadStateDict(TinyClip.weights(manager), true);
        video = TinyClip.golden(manager).get("video");
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] logits(boolean training) {
        try (NDManager step = manager.newSubManager()) {
            return block.forward(new ParameterStore(step, false), new NDList(video), training)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    private NDArray classFeatures() {
        try (NDManager step = manager.newSubManager()) {
            NDArray features =
                    block.classFeaturesTransposed(new ParameterStore(step, false), step, false);
            // a cached array outlives the step; a fresh one does not
            return features.getManager() == step ? null : features;
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TuningMode.class,
            names = {"IMAGE", "NONE"})
    void frozenTextIsComputedOnceAndReused(TuningMode mode) {
        block.setTuning(mode);
        assertThat(block.hasCachedClassFeatures()).isFalse();
        float[] first = logits(true);
        assertThat(block.hasCachedClassFeatures()).isTrue();
        NDArray cached = classFeatures();
        assertThat(cached).isNotNull();
        assertThat(classFeatures()).isSameAs(cached);
        assertThat(logits(false)).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(
            value = TuningMode.class,
            names = {"BOTH", "TEXT"})
    void trainedTextIsRecomputedEveryPass(TuningMode mode) {
        block.setTuning(mode);
        logits(true);
        logits(false);
        assertThat(block.hasCachedClassFeatures()).isFalse();
        assertThat(classFeatures()).isNull();
    }

    @Test
    void cachedAndFreshFeaturesGiveTheSameLogits() {
        block.setTuning(TuningMode.NONE);
        float[] cached = logits(false);
        logits(false);
        block.setTuning(TuningMode.BOTH);
        assertThat(logits(false)).isEqualTo(cached);
    }

    @Test
    void changingClassesTuningOrWeightsDropsTheCache() {
        logits(false);
        block.setClassNames(List.of("abseiling", "brush hair"));
        assertThat(block.hasCachedClassFeatures()).isFalse();
        assertThat(logits(false)).hasSize(2 * 2);

        block.setTuning(TuningMode.IMAGE);
        assertThat(block.hasCachedClassFeatures()).isFalse();
        float[] before = logits(false);

        Map<String, NDArray> weights = TinyClip.weights(manager);
        weights.put("text_projection", weights.get("text_projection").mul(-1));
        block.loadStateDict(weights, true);
        assertThat(block.hasCachedClassFeatures()).isFalse();
        float[] after = logits(false);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isCloseTo(-before[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void weightsLoadedIntoTheClipModelDirectlyAreNoticed() {
        float[] before = logits(false);
        Map<String, NDArray> weights = TinyClip.weights(manager);
        weights.put("logit_scale", weights.get("logit_scale").add(1));
        block.getClip().loadStateDict(weights, true);
        float[] after = logits(false);
        // the logit scale is read on every pass; the text features must be recomputed, not stale
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i])
                    .isCloseTo(
                            (float) (before[i] * Math.E),
                            org.assertj.core.data.Offset.offset(1e-3f));
        }
        weights.put("text_projection", weights.get("text_projection").mul(-1));
        block.getClip().loadStateDict(weights, true);
        float[] flipped = logits(false);
        assertThat(flipped[0]).isCloseTo(-after[0], org.assertj.core.data.Offset.offset(1e-3f));
    }

    /**
     * More classes than one pass takes are encoded slice by slice into the cache; the features
     * equal those of one pass over all of them.
     */
    @Test
    void manyClassesAreEncodedInSlicesWithTheSameFeatures() {
        List<String> names =
                IntStream.range(0, VideoTextBlock.CLASSES_PER_PASS * 2 + 3)
                        .mapToObj(i -> "class number " + i)
                        .toList();
        block.setClassNames(names);
        float[] sliced = classFeatures().toFloatArray();
        try (NDManager step = manager.newSubManager()) {
            float[] whole =
                    block.encodeClassNames(
                                    new ParameterStore(step, false),
                                    step,
                                    names,
                                    block.getTemplate(),
                                    false)
                            .transpose()
                            .toFloatArray();
            assertThat(sliced).hasSize(whole.length);
            for (int i = 0; i < whole.length; i++) {
                assertThat(sliced[i]).as("feature %d", i).isCloseTo(whole[i], within(1e-6f));
            }
        }
    }
}
