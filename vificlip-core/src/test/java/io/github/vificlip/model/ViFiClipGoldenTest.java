/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static io.github.vificlip.model.TinyClip.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The video model and the inference API against the NumPy reference. */
class ViFiClipGoldenTest {

    private static NDManager manager;
    private static Map<String, NDArray> golden;
    private static ViFiClip model;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager(Device.cpu());
        golden = TinyClip.golden(manager);
        model =
                ViFiClip.builder()
                        .setConfig(TinyClip.CONFIG)
                        .optStateDict(TinyClip.weights(manager))
                        .optDevice(Device.cpu())
                        .build();
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    @Test
    void classNamesTokenizeToTheReferenceIds() {
        int[][] ids =
                model.getBlock()
                        .getTokenizer()
                        .tokenize(PromptTemplate.FINE_TUNE.apply(TinyClip.CLASS_NAMES));
        long[] expected = golden.get("class_ids").toLongArray();
        for (int c = 0; c < ids.length; c++) {
            for (int j = 0; j < ids[c].length; j++) {
                assertThat((long) ids[c][j]).isEqualTo(expected[c * ids[c].length + j]);
            }
        }
    }

    @Test
    void blockForwardGivesReferenceLogits() {
        ViFiClipBlock block =
                ViFiClipBlock.builder()
                        .setConfig(TinyClip.CONFIG)
                        .optClassNames(TinyClip.CLASS_NAMES)
                        .build();
        try (NDManager local = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(local, DataType.FLOAT32, block.initializationShape());
            block.loadStateDict(TinyClip.weights(local), true);
            try (NDManager step = local.newSubManager()) {
                ParameterStore store = new ParameterStore(step, false);
                NDArray video = golden.get("video");
                NDList out = block.forward(store, new NDList(video), false);
                assertClose(out.singletonOrThrow(), golden.get("logits"));
                assertClose(block.encodeVideo(store, video, false), golden.get("video_features"));

                // the reference's three prompted images as the frames of one clip
                NDArray clip = golden.get("images").expandDims(0);
                NDArray expected =
                        ClipModel.normalize(
                                golden.get("image_features_prompted").mean(new int[] {0}, true));
                NDArray prompted =
                        block.encodeVideo(
                                store,
                                clip,
                                golden.get("vision_shallow"),
                                DeepPrompts.replacingLast(List.of(golden.get("vision_deep.1"))),
                                false);
                assertClose(prompted, expected);
            }
        }
    }

    @Test
    void classifierGivesReferenceLogitsAndProbabilities() {
        try (VideoClassifier classifier = model.classifier(TinyClip.CLASS_NAMES)) {
            NDArray video = golden.get("video");
            float[][] logits = classifier.logits(video);
            assertClose(manager.create(logits), golden.get("logits"));

            NDArray expectedProbabilities = golden.get("logits").softmax(-1);
            assertClose(manager.create(classifier.probabilities(video)), expectedProbabilities);

            List<Classifications> results = classifier.classifyBatch(video);
            assertThat(results).hasSize(2);
            float[] first = expectedProbabilities.get(0).toFloatArray();
            int best = 0;
            for (int c = 1; c < first.length; c++) {
                best = first[c] > first[best] ? c : best;
            }
            assertThat(results.get(0).best().getClassName())
                    .isEqualTo(TinyClip.CLASS_NAMES.get(best));
            assertThat(results.get(0).best().getProbability())
                    .isCloseTo(first[best], org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void singleClipMatchesItsRowOfTheBatch() {
        try (VideoClassifier classifier = model.classifier(TinyClip.CLASS_NAMES)) {
            NDArray video = golden.get("video");
            Classifications one = classifier.classify(video.get(1));
            Classifications fromBatch = classifier.classifyBatch(video).get(1);
            for (String name : TinyClip.CLASS_NAMES) {
                assertThat(one.get(name).getProbability())
                        .isCloseTo(
                                fromBatch.get(name).getProbability(),
                                org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void embeddingsMatchReference() {
        assertClose(
                manager.create(model.videoEmbeddings(golden.get("video"))),
                golden.get("video_features"));
        assertClose(
                manager.create(model.imageEmbeddings(golden.get("images"))),
                ClipModel.normalize(golden.get("image_features")));
        assertClose(
                manager.create(
                        model.textEmbeddings(PromptTemplate.FINE_TUNE.apply(TinyClip.CLASS_NAMES))),
                ClipModel.normalize(golden.get("text_features")));
    }

    @Test
    void callsLeaveTheInputUsableAndInItsManager() {
        try (NDManager caller = NDManager.newBaseManager(Device.cpu())) {
            NDArray video = golden.get("video").duplicate();
            video.attach(caller);
            model.videoEmbeddings(video);
            assertThat(video.getManager()).isSameAs(caller);
            assertThat(video.getShape()).isEqualTo(golden.get("video").getShape());
            assertThat(video.toFloatArray()).isEqualTo(golden.get("video").toFloatArray());
        }
    }

    @Test
    void float64InputIsConverted() {
        try (NDManager caller = NDManager.newBaseManager(Device.cpu())) {
            NDArray video = golden.get("video").toType(DataType.FLOAT64, true);
            video.attach(caller);
            assertClose(manager.create(model.videoEmbeddings(video)), golden.get("video_features"));
        }
    }
}
