/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.vificlip.testing.TinyConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tiny CLIP of {@code src/test/python/clip_reference.py}: its configuration, its weights and
 * the reference outputs, read from the safetensors files the script wrote.
 */
final class TinyClip {

    /** Matches the script's architecture. */
    static final ClipConfig CONFIG = TinyConfigs.GOLDEN;

    /** The script's class names and template (its {@code class_ids} tokenise these). */
    static final List<String> CLASS_NAMES =
            List.of("abseiling", "brush hair", "ApplyEyeMakeup", "backflip (human)");

    /** Tolerance of every comparison with the float64 reference. */
    static final float TOLERANCE = 1e-4f;

    private TinyClip() {}

    /** Reads the reference weights under OpenAI names. */
    static Map<String, NDArray> weights(NDManager manager) {
        return read(manager, "clip_tiny_weights.safetensors");
    }

    /** Reads the reference inputs and outputs. */
    static Map<String, NDArray> golden(NDManager manager) {
        return read(manager, "clip_tiny_golden.safetensors");
    }

    private static Map<String, NDArray> read(NDManager manager, String resource) {
        try (InputStream in = TinyClip.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                tensors.put(array.getName(), array);
            }
            return tensors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds and initialises a tiny CLIP in {@code manager}, loaded with the reference weights. */
    static ClipModel loadedModel(NDManager manager) {
        ClipModel model = initializedModel(manager, 0);
        model.loadStateDict(weights(manager), true);
        return model;
    }

    /** Builds and initialises a tiny CLIP with random weights. */
    static ClipModel initializedModel(NDManager manager, long seed) {
        ClipModel model = ClipModel.builder().setConfig(CONFIG).optSeed(seed).build();
        model.initialize(manager, DataType.FLOAT32, model.initializationShapes());
        return model;
    }

    /** Asserts that {@code actual} matches {@code expected} element-wise within the tolerance. */
    static void assertClose(NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        float[] a = actual.toType(DataType.FLOAT32, false).toFloatArray();
        float[] e = expected.toFloatArray();
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]));
        }
        assertThat(worst)
                .as("largest difference from the reference over %s values", e.length)
                .isLessThanOrEqualTo(TOLERANCE);
    }

    static Shape shape(long... dims) {
        return new Shape(dims);
    }
}
