/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.testing.TinyConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixtures of {@code src/test/python/prompts_reference.py}: the tiny CLIP of vificlip-core's
 * {@code clip_reference.py} (its weights, read from that module's test resources), the prompted
 * reference outputs, and the same model as a ViFi-CLIP prompting checkpoint.
 */
final class TinyPrompts {

    /** The architecture of vificlip-core's clip_reference.py. */
    static final ClipConfig CONFIG = TinyConfigs.GOLDEN;

    /** The script's class names; one has an underscore. */
    static final List<String> CLASS_NAMES =
            List.of("abseiling", "brush_hair", "ApplyEyeMakeup", "backflip (human)");

    /** The script's prompt sizes: 3 text tokens at depth 2, 2 vision tokens at depth 3. */
    static final PromptLearner LEARNER =
            PromptLearner.builder()
                    .setTextContext(3)
                    .setVisionContext(2)
                    .optTextDepth(2)
                    .optVisionDepth(3)
                    .build();

    /** Tolerance of every comparison with the float64 reference. */
    static final float TOLERANCE = 1e-4f;

    /** The names of the script's prompt tensors. */
    static final List<String> PROMPT_NAMES =
            List.of(
                    "prompt_learner.ctx",
                    "visual.VPT",
                    "visual.transformer.resblocks.1.VPT_shallow",
                    "visual.transformer.resblocks.2.VPT_shallow",
                    "transformer.resblocks.1.VPT_shallow");

    private TinyPrompts() {}

    /** vificlip-core's tiny CLIP weights (OpenAI names, with the token embedding). */
    static Path weightsFile() {
        Path file =
                Path.of(
                                "..",
                                "vificlip-core",
                                "src",
                                "test",
                                "resources",
                                "io",
                                "github",
                                "vificlip",
                                "model",
                                "clip_tiny_weights.safetensors")
                        .toAbsolutePath()
                        .normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing vificlip-core fixture " + file);
        }
        return file;
    }

    /** The same model and the script's prompts as a ViFi-CLIP prompting checkpoint (.pth). */
    static Path promptingCheckpoint() {
        return resource("vifi_clip_prompting_tiny.pth");
    }

    static Path resource(String name) {
        try {
            return Path.of(TinyPrompts.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Missing test resource " + name, e);
        }
    }

    /** The reference inputs, prompts and outputs. */
    static Map<String, NDArray> golden(NDManager manager) {
        return golden(manager, "prompts_tiny_golden.safetensors");
    }

    static Map<String, NDArray> golden(NDManager manager, String name) {
        try (InputStream in = Files.newInputStream(resource(name))) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                tensors.put(array.getName(), array);
            }
            return tensors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, NDArray> goldenPrompts(Map<String, NDArray> golden) {
        Map<String, NDArray> prompts = new LinkedHashMap<>();
        PROMPT_NAMES.forEach(name -> prompts.put(name, golden.get(name)));
        return prompts;
    }

    /** The tiny model with the reference weights, on the CPU, frozen. */
    static ViFiClip model() {
        return ViFiClip.builder()
                .setConfig(CONFIG)
                .optWeights(weightsFile())
                .optDevice(Device.cpu())
                .optTuning(TuningMode.NONE)
                .build();
    }

    /** Asserts that {@code actual} matches {@code expected} element-wise within the tolerance. */
    static void assertClose(NDArray actual, NDArray expected) {
        assertThat(maxDifference(actual, expected))
                .as("largest difference from the reference over %s values", expected.size())
                .isLessThanOrEqualTo(TOLERANCE);
    }

    static float maxDifference(NDArray actual, NDArray expected) {
        assertThat(actual.getShape()).isEqualTo(expected.getShape());
        float[] a = actual.toType(DataType.FLOAT32, false).toFloatArray();
        float[] e = expected.toType(DataType.FLOAT32, false).toFloatArray();
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]));
        }
        return worst;
    }

    static void assertClose(float[][] actual, NDArray expected) {
        assertClose(expected.getManager().create(actual), expected);
    }
}
