/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.vificlip.testing.TinyConfigs;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models built from weight files in every supported format. */
class ViFiClipWeightsTest {

    private static Path fixture(String name) {
        try {
            return Path.of(
                    ViFiClipWeightsTest.class
                            .getResource("/io/github/vificlip/weights/" + name)
                            .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NDArray frames(NDManager manager, long... shape) {
        long size = new Shape(shape).size();
        return manager.arange((float) size).div(size).sin().reshape(new Shape(shape));
    }

    /** The weights fixtures' tiny CLIP (vocabulary 100) through the image tower. */
    private static float[] imageEmbeddings(Path file) throws Exception {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                StateDict weights = StateDicts.read(List.of(file), manager)) {
            ClipModel model = ClipModel.builder().setConfig(weights.detectArchitecture()).build();
            model.initialize(manager, DataType.FLOAT32, model.initializationShapes());
            model.loadStateDict(weights.tensors(), true);
            return model.encodeImage(
                            new ParameterStore(manager, false),
                            frames(manager, 2, 3, 32, 32),
                            false)
                    .toFloatArray();
        }
    }

    /**
     * The fixtures hold one tiny CLIP: the Hugging Face and TorchScript files store it in fp16, the
     * OpenAI safetensors file stores some tensors in bf16, open_clip's file in fp32. Files with the
     * same stored values must agree to float noise; the others to the rounding.
     */
    @Test
    void everyFormatOfTheSameWeightsGivesTheSameEmbeddings() throws Exception {
        float[] openAi = imageEmbeddings(fixture("openai_tiny.safetensors"));
        float[] openClip = imageEmbeddings(fixture("open_clip_tiny_epoch_32.pt"));
        float[] huggingFace = imageEmbeddings(fixture("hf_tiny.safetensors"));
        float[] torchScript = imageEmbeddings(fixture("openai_tiny_jit.pt"));

        assertClose(torchScript, huggingFace, 5e-3f, "TorchScript vs Hugging Face");
        assertClose(openAi, openClip, 5e-3f, "OpenAI safetensors vs open_clip");
        assertClose(huggingFace, openClip, 5e-3f, "Hugging Face vs open_clip");
    }

    private static void assertClose(
            float[] actual, float[] expected, float tolerance, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(tolerance));
        }
    }

    @Test
    void buildsFromAFileDetectingTheArchitecture(@TempDir Path dir) throws Exception {
        ClipConfig config = TinyConfigs.withBlocks("custom", 1);
        Path file = dir.resolve("tiny.safetensors");
        float[][] expected;
        float[][] expectedText;
        try (ViFiClip original = ViFiClip.builder().setConfig(config).optSeed(3).build();
                NDManager manager = NDManager.newBaseManager()) {
            SafetensorsWriter.builder().build().write(file, original.stateDict());
            expected = original.videoEmbeddings(frames(manager, 1, 2, 3, 32, 32));
            expectedText = original.textEmbeddings(List.of("a photo of a dog."));
        }

        try (ViFiClip loaded = ViFiClip.builder().optWeights(file).build();
                NDManager manager = NDManager.newBaseManager()) {
            assertThat(loaded.getConfig().visionLayers()).isEqualTo(1);
            assertThat(loaded.getConfig().patchSize()).isEqualTo(16);
            assertThat(loaded.videoEmbeddings(frames(manager, 1, 2, 3, 32, 32)))
                    .isEqualTo(expected);
            assertThat(loaded.textEmbeddings(List.of("a photo of a dog."))).isEqualTo(expectedText);
        }
    }

    @Test
    void aViFiClipCheckpointAloneLacksTheTokenEmbedding() {
        assertThatThrownBy(
                        () -> ViFiClip.builder().optWeights(fixture("vifi_clip_tiny.pth")).build())
                .hasMessageContaining("token_embedding");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> ViFiClip.builder().optWeights(fixture("not_weights.txt")).build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not_weights.txt");
    }
}
