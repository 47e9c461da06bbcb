/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.vificlip.data.video.RgbFrame;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Every transform against the independent NumPy reference (see {@link ReferenceGolden}). */
class TransformReferenceTest {

    private static final JsonObject GOLDEN = ReferenceGolden.root();

    @Test
    void bilinearResizeMatchesOpenCvBitForBit() {
        int cases = 0;
        for (JsonElement element : GOLDEN.getAsJsonArray("resize")) {
            JsonObject c = element.getAsJsonObject();
            RgbFrame src = ReferenceGolden.frame(c.get("src"));
            int w = c.get("width").getAsInt();
            int h = c.get("height").getAsInt();
            RgbFrame out;
            if (c.get("window").isJsonNull()) {
                out = BilinearResize.resize(src, w, h);
            } else {
                int[] b = ReferenceGolden.ints(c.get("window"));
                out = BilinearResize.resize(src, w, h, new CropBox(b[0], b[1], b[2], b[3]));
            }
            RgbFrame expected = ReferenceGolden.frame(c.get("out"));
            assertThat(out.width()).isEqualTo(expected.width());
            assertThat(out.height()).isEqualTo(expected.height());
            assertThat(out.data()).as("%s -> %dx%d", src, w, h).isEqualTo(expected.data());
            cases++;
        }
        assertThat(cases).isGreaterThanOrEqualTo(8);
    }

    @Test
    void colourOperationsMatchPillowBitForBit() {
        for (JsonElement element : GOLDEN.getAsJsonArray("color")) {
            JsonObject c = element.getAsJsonObject();
            RgbFrame src = ReferenceGolden.frame(c.get("src"));
            float factor = c.get("factor").getAsFloat();
            String op = c.get("op").getAsString();
            RgbFrame out =
                    switch (op) {
                        case "brightness" -> PilColor.brightness(src, factor);
                        case "contrast" -> PilColor.contrast(src, factor);
                        case "saturation" -> PilColor.saturation(src, factor);
                        case "hue" -> PilColor.hue(src, factor);
                        default -> PilColor.grayscale(src);
                    };
            assertThat(out.data())
                    .as("%s %s", op, factor)
                    .isEqualTo(ReferenceGolden.frame(c.get("out")).data());
        }
    }

    @Test
    void colourJitterAppliesTheDrawnOrderAndFactors() {
        for (JsonElement element : GOLDEN.getAsJsonArray("jitter")) {
            JsonObject c = element.getAsJsonObject();
            float[] p = params(c.getAsJsonArray("params"), 0);
            ColorJitter.Params params =
                    new ColorJitter.Params(
                            ReferenceGolden.ints(c.get("order")), p[0], p[1], p[2], p[3]);
            RgbFrame out = ColorJitter.apply(ReferenceGolden.frame(c.get("src")), params);
            assertThat(out.data()).isEqualTo(ReferenceGolden.frame(c.get("out")).data());
        }
    }

    @Test
    void trainingPipelineMatchesTheReferenceForGivenDecisions() {
        for (JsonElement element : GOLDEN.getAsJsonArray("train")) {
            JsonObject c = element.getAsJsonObject();
            int size = c.get("size").getAsInt();
            TrainTransform transform = TrainTransform.builder().optSize(size).build();
            RgbFrame[] frames = frames(c);
            int[] resized =
                    Crops.shortSideSize(
                            frames[0].width(), frames[0].height(), transform.shortSide());
            CropBox box =
                    new MultiScaleCrop(size, MultiScaleCrop.DEFAULT_SCALES, 1)
                            .crop(
                                    resized[0],
                                    resized[1],
                                    c.get("pair").getAsInt(),
                                    c.get("position").getAsInt());
            ColorJitter.Params[] jitters = null;
            if (!c.get("jitters").isJsonNull()) {
                var list = c.getAsJsonArray("jitters");
                jitters = new ColorJitter.Params[list.size()];
                for (int t = 0; t < jitters.length; t++) {
                    var row = list.get(t).getAsJsonArray();
                    float[] p = params(row, 1);
                    jitters[t] =
                            new ColorJitter.Params(
                                    ReferenceGolden.ints(row.get(0)), p[0], p[1], p[2], p[3]);
                }
            }
            TrainTransform.Decisions decisions =
                    new TrainTransform.Decisions(
                            box,
                            c.get("flip").getAsBoolean(),
                            jitters,
                            c.get("gray").getAsBoolean());

            VideoTensor out = transform.apply(frames, decisions);

            assertThat(out.shape().getShape())
                    .containsExactly(ReferenceGolden.ints(c.get("shape"))[0], 3, size, size);
            assertThat(out.data())
                    .containsExactly(ReferenceGolden.floats(c.get("out")), Offset.offset(1e-5f));
        }
    }

    @Test
    void evaluationPipelinesMatchTheReferenceCropMajor() {
        for (JsonElement element : GOLDEN.getAsJsonArray("eval")) {
            JsonObject c = element.getAsJsonObject();
            int size = c.get("size").getAsInt();
            EvalTransform transform =
                    EvalTransform.builder()
                            .optSize(size)
                            .optCrops(c.get("crops").getAsInt())
                            .build();

            VideoTensor out = transform.apply(frames(c), null);

            assertThat(out.frames()).isEqualTo(ReferenceGolden.ints(c.get("shape"))[0]);
            assertThat(out.data())
                    .containsExactly(ReferenceGolden.floats(c.get("out")), Offset.offset(1e-5f));
        }
    }

    @Test
    void normalisationTableMatchesOpenCvBitForBit() {
        float[] expected = ReferenceGolden.floats(GOLDEN.get("normalisation"));
        float[][] table = Normalization.IMAGENET.table();
        float[] actual = new float[3 * 256];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(table[c], 0, actual, c * 256, 256);
        }
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void multiScaleCandidatesFollowTheReferenceOrder() {
        MultiScaleCrop crop = new MultiScaleCrop(224, MultiScaleCrop.DEFAULT_SCALES, 1);
        JsonObject expected = GOLDEN.getAsJsonObject("multi_scale_candidates");
        assertThat(crop.candidateSizes(341, 256)).hasSize(10);
        assertCandidates(crop.candidateSizes(341, 256), expected.get("341x256"));
        assertCandidates(crop.candidateSizes(256, 455), expected.get("256x455"));
        // [256, 224, 192, 168] on a 256 short side; 224 needs no snap, the centre of a 341x256
        // frame for the 224x224 pair is at (2*29, 2*8).
        assertThat(crop.crop(341, 256, 3, 4)).isEqualTo(new CropBox(58, 16, 224, 224));
        assertThat(crop.crop(341, 256, 9, 3)).isEqualTo(new CropBox(4 * 43, 4 * 22, 168, 168));
    }

    private static void assertCandidates(List<int[]> actual, JsonElement expected) {
        List<List<Integer>> flat = new ArrayList<>();
        for (int[] pair : actual) {
            flat.add(List.of(pair[0], pair[1]));
        }
        List<List<Integer>> wanted = new ArrayList<>();
        for (JsonElement pair : expected.getAsJsonArray()) {
            int[] p = ReferenceGolden.ints(pair);
            wanted.add(List.of(p[0], p[1]));
        }
        assertThat(flat).isEqualTo(wanted);
    }

    private static RgbFrame[] frames(JsonObject c) {
        var list = c.getAsJsonArray("frames");
        RgbFrame[] frames = new RgbFrame[list.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = ReferenceGolden.frame(list.get(i));
        }
        return frames;
    }

    private static float[] params(com.google.gson.JsonArray array, int from) {
        float[] out = new float[4];
        for (int i = 0; i < 4; i++) {
            out[i] = array.get(from + i).getAsFloat();
        }
        return out;
    }
}
