/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Application;
import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassifier;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.zoo.ZooArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prompting checkpoints written by the official ViFi-CLIP code (its {@code epoch_saving} layout,
 * with the yacs config) and the features that code computes with them on real PyTorch; see {@code
 * src/test/python/prompts_official.py}.
 */
class OfficialCheckpointTest {

    /** float32 PyTorch against float32 DJL on the tiny model. */
    private static final float TOLERANCE = 2e-6f;

    private static NDManager manager;
    private static Map<String, NDArray> golden;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager(Device.cpu());
        golden = TinyPrompts.golden(manager, "official/official_golden.safetensors");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** name, N_CTX_TEXT, the init words the reference uses, text depth, N_CTX_VISION, depth. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ctx1_init", 1, "a photo of a", 1, 2, 1),
                Arguments.of("ctx2_init", 2, "a photo of a", 2, 3, 3),
                Arguments.of("ctx4_init", 4, "a photo of a", 3, 2, 2),
                Arguments.of("ctx3_short_init", 3, "a photo", 2, 0, 0),
                Arguments.of("ctx5", 5, null, 2, 4, 1),
                Arguments.of("ctx16", 16, null, 3, 16, 3));
    }

    static Stream<Arguments> initCases() {
        return cases().filter(c -> c.get()[2] != null);
    }

    private static Path checkpoint(String name) {
        return TinyPrompts.resource("official/" + name + ".pth");
    }

    /** The reference's resume: CLIP weights for the token embedding, then the checkpoint. */
    private static ViFiClip resumed(Path pth) {
        return ViFiClip.builder()
                .setConfig(TinyPrompts.CONFIG)
                .optWeights(TinyPrompts.weightsFile(), pth)
                .optDevice(Device.cpu())
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theConfigGivesTheReferenceLearner(
            String name, int text, String words, int textDepth, int vision, int visionDepth)
            throws Exception {
        try (NDManager reading = NDManager.newBaseManager(Device.cpu());
                PromptCheckpoint checkpoint = PromptCheckpoint.read(checkpoint(name), reading)) {
            PromptLearner learner = checkpoint.learner();
            assertThat(learner.textContext()).isEqualTo(text);
            assertThat(learner.textDepth()).isEqualTo(textDepth);
            assertThat(learner.visionContext()).isEqualTo(vision);
            assertThat(learner.visionDepth()).isEqualTo(visionDepth);
            assertThat(learner.initWords().orElse(null)).isEqualTo(words);
            assertThat(learner.template()).isEqualTo(PromptLearner.DEFAULT_TEMPLATE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkpointsGiveTheReferenceTokensFeaturesAndLogits(String name) throws Exception {
        Path pth = checkpoint(name);
        try (ViFiClip model = resumed(pth);
                PromptedViFiClip prompted = PromptedViFiClip.load(model, pth);
                VideoClassifier classifier = prompted.classifier(TinyPrompts.CLASS_NAMES)) {
            int[][] ids =
                    model.getBlock()
                            .getTokenizer()
                            .tokenize(
                                    prompted.getLearner()
                                            .promptTexts(
                                                    TinyPrompts.CLASS_NAMES,
                                                    PromptLearner.DEFAULT_TEMPLATE));
            assertThat(manager.create(ids).toType(DataType.INT64, false).toLongArray())
                    .containsExactly(golden.get(name + "/prompt_ids").toLongArray());
            NDArray video = golden.get("video");
            assertThat(maxDifference(prompted.videoEmbeddings(video), name + "/video_features"))
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(
                            maxDifference(
                                    prompted.classEmbeddings(TinyPrompts.CLASS_NAMES),
                                    name + "/text_features"))
                    .isLessThanOrEqualTo(TOLERANCE);
            assertThat(maxDifference(classifier.logits(video), name + "/logits"))
                    .isLessThanOrEqualTo(TOLERANCE * 20);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initCases")
    void freshPromptsStartFromTheInitWordsAsTheReference(String name) throws Exception {
        try (ViFiClip model = TinyPrompts.model();
                NDManager reading = NDManager.newBaseManager(Device.cpu());
                PromptCheckpoint checkpoint = PromptCheckpoint.read(checkpoint(name), reading);
                PromptedViFiClip fresh = checkpoint.learner().attach(model)) {
            NDArray context = fresh.getBlock().stateDict().get(PromptLearner.TEXT_CONTEXT);
            assertThat(context.toFloatArray())
                    .containsExactly(golden.get(name + "/ctx_init").toFloatArray());
        }
    }

    @Test
    void promptsAreRoundedToHalfPrecisionAsTheReferenceUsesThem() throws Exception {
        Path pth = checkpoint("ctx16");
        try (NDManager reading = NDManager.newBaseManager(Device.cpu());
                StateDict stored = StateDicts.read(List.of(pth), reading);
                PromptCheckpoint checkpoint = PromptCheckpoint.read(pth, reading);
                ViFiClip model = resumed(pth);
                PromptedViFiClip prompted = checkpoint.learner().attach(model)) {
            Map<String, NDArray> read = checkpoint.tensors();
            NDArray vpt = read.get(PromptLearner.VISION_PROMPTS);
            assertThat(vpt.toType(DataType.FLOAT16, false).toFloatArray())
                    .containsExactly(vpt.toFloatArray());
            assertThat(read.get(PromptLearner.TEXT_CONTEXT).toFloatArray())
                    .containsExactly(stored.get(PromptLearner.TEXT_CONTEXT).toFloatArray());

            prompted.getBlock().loadStateDict(stored.tensors(), false);
            float unrounded =
                    maxDifference(
                            prompted.videoEmbeddings(golden.get("video")), "ctx16/video_features");
            prompted.getBlock().loadStateDict(read, false);
            float rounded =
                    maxDifference(
                            prompted.videoEmbeddings(golden.get("video")), "ctx16/video_features");
            assertThat(rounded).isLessThanOrEqualTo(TOLERANCE);
            assertThat(unrounded).isGreaterThan(10 * TOLERANCE);
        }
    }

    @Test
    void aCheckpointsBackboneIsLoadedOverTheGivenWeights(@TempDir Path dir) throws Exception {
        Path pth = checkpoint("ctx2_init");
        Path clip = TinyPrompts.weightsFile();
        assertThat(PromptCheckpoint.backboneWeights(List.of(clip), pth)).containsExactly(clip, pth);
        assertThat(PromptCheckpoint.backboneWeights(List.of(clip, pth), pth))
                .containsExactly(clip, pth);
        assertThatThrownBy(() -> PromptCheckpoint.backboneWeights(List.of(), pth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pth.toString())
                .hasMessageContaining("without the token embedding");

        Path promptOnly = dir.resolve("prompts.safetensors");
        try (ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.savePrompts(promptOnly);
        }
        assertThat(PromptCheckpoint.backboneWeights(List.of(clip), promptOnly))
                .containsExactly(clip);
    }

    @Test
    void theZooLoadsACheckpointsBackboneOverItsWeights(@TempDir Path dir) throws Exception {
        // random weights but the tiny model's token embedding: only the checkpoint's backbone
        // gives the reference's features
        Path other = dir.resolve("other.safetensors");
        try (ViFiClip random = ViFiClip.builder().setConfig(TinyPrompts.CONFIG).optSeed(7).build();
                StateDict tiny = StateDicts.read(TinyPrompts.weightsFile(), manager)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(random.stateDict());
            tensors.put("token_embedding.weight", tiny.get("token_embedding.weight"));
            SafetensorsWriter.builder().build().write(other, tensors);
        }
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, new ObjectMapper().writeValueAsString(TinyPrompts.CONFIG));
        // the checkpoint is named only as the prompts, not among the weights
        Files.writeString(
                dir.resolve("serving.properties"),
                String.join(
                        "\n",
                        "weights=other.safetensors",
                        "prompts=" + checkpoint("ctx2_init"),
                        "config=tiny.json",
                        "classes=" + String.join(",", TinyPrompts.CLASS_NAMES),
                        ""));
        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optArgument(ZooArguments.MODEL_PATH, dir)
                        .build();
        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                NDManager step = model.getNDManager().newSubManager()) {
            PromptedViFiClipBlock block = (PromptedViFiClipBlock) model.getBlock();
            NDArray video = golden.get("video").duplicate();
            video.attach(step);
            NDArray features = block.encodeVideo(new ParameterStore(step, false), video, false);
            assertThat(TinyPrompts.maxDifference(features, golden.get("ctx2_init/video_features")))
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    private static float maxDifference(float[][] actual, String expected) {
        return TinyPrompts.maxDifference(manager.create(actual), golden.get(expected));
    }
}
