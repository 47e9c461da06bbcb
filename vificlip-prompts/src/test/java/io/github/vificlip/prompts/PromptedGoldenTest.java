/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static io.github.vificlip.prompts.TinyPrompts.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.model.LoadReport;
import io.github.vificlip.model.StateDictMismatchException;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassifier;
import io.github.vificlip.testing.TinyConfigs;
import io.github.vificlip.weights.DroppedTensor;
import io.github.vificlip.weights.SafetensorsContent;
import io.github.vificlip.weights.StateDicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompted model against the NumPy reference, and the prompt files that carry its prompts. */
class PromptedGoldenTest {

    private static NDManager manager;
    private static Map<String, NDArray> golden;
    private static ViFiClip model;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager(Device.cpu());
        golden = TinyPrompts.golden(manager);
        model = TinyPrompts.model();
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    @Test
    void classPromptsTokenizeToTheReferenceIds() {
        int[][] ids =
                model.getBlock()
                        .getTokenizer()
                        .tokenize(
                                TinyPrompts.LEARNER.promptTexts(
                                        TinyPrompts.CLASS_NAMES, PromptLearner.DEFAULT_TEMPLATE));
        assertThat(TinyPrompts.LEARNER.promptText("brush_hair", PromptLearner.DEFAULT_TEMPLATE))
                .isEqualTo("X X X brush hair.");
        long[] expected = golden.get("prompt_ids").toLongArray();
        for (int c = 0; c < ids.length; c++) {
            for (int j = 0; j < ids[c].length; j++) {
                assertThat((long) ids[c][j])
                        .as("class %d, token %d", c, j)
                        .isEqualTo(expected[c * ids[c].length + j]);
            }
        }
    }

    @Test
    void forwardPassesGiveTheReferenceLogits() {
        try (PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            PromptedViFiClipBlock block = prompted.getBlock();
            LoadReport report = block.loadStateDict(TinyPrompts.goldenPrompts(golden), true);
            assertThat(report.loaded()).containsExactlyElementsOf(TinyPrompts.PROMPT_NAMES);
            block.setClassNames(TinyPrompts.CLASS_NAMES);
            for (TuningMode tuning : new TuningMode[] {TuningMode.PROMPTS, TuningMode.NONE}) {
                block.setTuning(tuning);
                for (boolean training : new boolean[] {false, true}) {
                    try (NDManager step = model.getModel().getNDManager().newSubManager()) {
                        ParameterStore store = new ParameterStore(step, false);
                        NDArray video = golden.get("video").duplicate();
                        video.attach(step);
                        NDArray logits =
                                block.forward(store, new NDList(video), training)
                                        .singletonOrThrow();
                        assertClose(logits, golden.get("logits"));
                        assertClose(
                                block.encodeVideo(store, video, training),
                                golden.get("video_features"));
                    }
                }
            }
            assertThat(block.hasCachedClassFeatures()).isTrue();
        }
    }

    @Test
    void inferenceApiGivesTheReferenceFeaturesAndLogits() {
        try (PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.getBlock().loadStateDict(TinyPrompts.goldenPrompts(golden), true);
            assertClose(
                    prompted.videoEmbeddings(golden.get("video")), golden.get("video_features"));
            assertClose(
                    prompted.classEmbeddings(TinyPrompts.CLASS_NAMES), golden.get("text_features"));
            try (VideoClassifier classifier = prompted.classifier(TinyPrompts.CLASS_NAMES)) {
                assertClose(classifier.logits(golden.get("video")), golden.get("logits"));
                assertClose(
                        classifier.probabilities(golden.get("video")),
                        golden.get("logits").softmax(-1));
            }
        }
    }

    @Test
    void promptsChangeTheOutputsOfTheBackbone() {
        try (PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.getBlock().loadStateDict(TinyPrompts.goldenPrompts(golden), true);
            float[] plain = model.videoEmbeddings(golden.get("video"))[0];
            float[] withPrompts = prompted.videoEmbeddings(golden.get("video"))[0];
            assertThat(withPrompts).isNotEqualTo(plain);
            // the backbone is untouched and still answers without prompts
            assertThat(model.videoEmbeddings(golden.get("video"))[0]).isEqualTo(plain);
        }
    }

    @Test
    void releasedPromptingCheckpointGivesTheReferenceLogits() throws Exception {
        Path pth = TinyPrompts.promptingCheckpoint();
        // the bridge: CLIP weights for the token embedding, the checkpoint for everything else
        try (ViFiClip fromCheckpoint =
                        ViFiClip.builder()
                                .setConfig(TinyPrompts.CONFIG)
                                .optWeights(TinyPrompts.weightsFile(), pth)
                                .optDevice(Device.cpu())
                                .build();
                PromptedViFiClip prompted = PromptedViFiClip.load(fromCheckpoint, pth);
                VideoClassifier classifier = prompted.classifier(TinyPrompts.CLASS_NAMES)) {
            assertThat(prompted.getLearner()).isEqualTo(TinyPrompts.LEARNER);
            assertClose(classifier.logits(golden.get("video")), golden.get("logits"));
        }
        try (NDManager reading = NDManager.newBaseManager(Device.cpu());
                PromptCheckpoint checkpoint = PromptCheckpoint.read(pth, reading)) {
            assertThat(checkpoint.tensors().keySet())
                    .containsExactlyInAnyOrderElementsOf(TinyPrompts.PROMPT_NAMES);
            assertThat(checkpoint.dropped())
                    .extracting(DroppedTensor::sourceName)
                    .containsExactly(
                            "module.prompt_learner.token_prefix",
                            "module.prompt_learner.token_suffix");
            // every CLIP tensor but the token embedding, which ViFi-CLIP does not save
            assertThat(checkpoint.backboneTensorCount())
                    .isEqualTo(ClipModel.parameterShapes(TinyPrompts.CONFIG).size() - 1);
        }
        assertThat(PromptCheckpoint.holdsOnlyPrompts(pth)).isFalse();
    }

    @Test
    void promptOnlyFilesLoadOntoAnyModelWithTheSameBackbone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prompts.safetensors");
        float[][] expected;
        try (PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.getBlock().loadStateDict(TinyPrompts.goldenPrompts(golden), true);
            prompted.savePrompts(file, Map.of("note", "golden"));
            expected = prompted.videoEmbeddings(golden.get("video"));
        }
        assertThat(PromptCheckpoint.holdsOnlyPrompts(file)).isTrue();
        assertThat(StateDicts.inspect(file).shapes().keySet())
                .containsExactlyElementsOf(TinyPrompts.PROMPT_NAMES);
        Map<String, String> metadata = SafetensorsContent.metadata(file);
        assertThat(metadata).containsEntry("note", "golden");
        assertThat(metadata.get(PromptCheckpoint.METADATA_KEY))
                .contains("\"textContext\":3", "\"visionDepth\":3", "\"template\":\"{}.\"");
        // prompts 5 tensors of 96 to 128 values: a few kilobytes
        assertThat(Files.size(file)).isLessThan(8 * 1024);

        try (ViFiClip other = TinyPrompts.model();
                PromptedViFiClip loaded = PromptedViFiClip.load(other, file);
                VideoClassifier classifier = loaded.classifier(TinyPrompts.CLASS_NAMES)) {
            assertThat(loaded.getLearner()).isEqualTo(TinyPrompts.LEARNER);
            assertThat(loaded.videoEmbeddings(golden.get("video"))).isEqualTo(expected);
            assertClose(classifier.logits(golden.get("video")), golden.get("logits"));
        }
    }

    @Test
    void promptsOfAnotherBackboneAreRefusedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prompts.safetensors");
        try (PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.savePrompts(file);
        }
        ClipConfig wider = TinyConfigs.GOLDEN.toBuilder().setName("wider").setTextWidth(48).build();
        try (ViFiClip other = ViFiClip.builder().setConfig(wider).build()) {
            assertThatThrownBy(() -> PromptedViFiClip.load(other, file))
                    .isInstanceOf(StateDictMismatchException.class)
                    .hasMessageContaining("prompt learner (3 text tokens at depth 2")
                    .hasMessageContaining(
                            "mismatched prompt_learner.ctx: expected (3, 48) float32, found (3, 32)")
                    .hasMessageContaining("transformer.resblocks.1.VPT_shallow");
        }
        ClipConfig shallower =
                TinyConfigs.GOLDEN.toBuilder().setName("shallower").setVisionLayers(2).build();
        try (ViFiClip other = ViFiClip.builder().setConfig(shallower).build()) {
            assertThatThrownBy(() -> PromptedViFiClip.load(other, file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("vision depth 3 exceeds the vision tower's 2 blocks");
        }
    }

    @Test
    void aFileWithoutPromptsIsAClearError() {
        Path weights = TinyPrompts.weightsFile();
        assertThatThrownBy(() -> PromptedViFiClip.load(model, weights))
                .hasMessageContaining(weights.toString())
                .hasMessageContaining("holds no prompt tensors");
    }
}
