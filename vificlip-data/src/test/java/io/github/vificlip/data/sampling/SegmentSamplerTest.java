/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentSamplerTest {

    @Test
    void testModeGivesTheSpecExampleForThreeHundredFrames() {
        int[] indices = SegmentSampler.test(32).sample(300, new SplittableRandom(0));

        assertThat(indices).hasSize(32).startsWith(4, 14, 23, 32, 42).endsWith(285, 295);
    }

    @Test
    void testModeGivesTheSpecExampleForTwentyFrames() {
        int[] indices = SegmentSampler.test(32).sample(20, new SplittableRandom(0));

        assertThat(indices)
                .containsExactly(
                        0, 0, 1, 2, 2, 3, 4, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10, 10, 11, 12, 12, 13, 14,
                        14, 15, 15, 16, 17, 17, 18, 19, 19);
    }

    @Test
    void matchesTheNumPyReference() throws Exception {
        JsonObject sampling;
        try (var reader =
                new InputStreamReader(
                        getClass()
                                .getResourceAsStream(
                                        "/io/github/vificlip/data/transform/reference_transforms.json"),
                        StandardCharsets.UTF_8)) {
            sampling = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("sampling");
        }
        for (JsonElement e : sampling.getAsJsonArray("test")) {
            JsonObject c = e.getAsJsonObject();
            int n = c.get("n").getAsInt();
            int t = c.get("t").getAsInt();
            assertThat(SegmentSampler.test(t).sample(n, new SplittableRandom(1)))
                    .as("test n=%d T=%d", n, t)
                    .containsExactly(ints(c));
        }
        for (JsonElement e : sampling.getAsJsonArray("train_short")) {
            JsonObject c = e.getAsJsonObject();
            int n = c.get("n").getAsInt();
            int t = c.get("t").getAsInt();
            assertThat(SegmentSampler.train(t).sample(n, new SplittableRandom(1)))
                    .as("train n=%d T=%d", n, t)
                    .containsExactly(ints(c));
        }
    }

    private static int[] ints(JsonObject c) {
        var a = c.getAsJsonArray("indices");
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    @Test
    void trainModeTakesOneFrameInsideEachSegment() {
        SegmentSampler sampler = SegmentSampler.train(32);
        SplittableRandom random = new SplittableRandom(42);
        int[] seenOffsets = new int[9];
        for (int round = 0; round < 200; round++) {
            int[] indices = sampler.sample(300, random); // avg = 9; frames 288..299 never used
            for (int i = 0; i < 32; i++) {
                assertThat(indices[i]).isBetween(i * 9, i * 9 + 8);
                seenOffsets[indices[i] - i * 9]++;
            }
        }
        assertThat(Arrays.stream(seenOffsets).min().getAsInt())
                .isGreaterThan(500); // 6400 draws, 9 offsets
    }

    @Test
    void sameSeedSameIndicesDifferentSeedDifferentIndices() {
        SegmentSampler sampler = SegmentSampler.train(16);
        int[] a = sampler.sample(1000, new SplittableRandom(7));
        int[] b = sampler.sample(1000, new SplittableRandom(7));
        int[] c = sampler.sample(1000, new SplittableRandom(8));

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isSorted();
    }

    @Test
    void deterministicMultiViewClipsSpreadInsideSegmentsAndOneClipIsTheTestRule() {
        assertThat(SegmentSampler.multiView(32, 1).sample(300, null))
                .isEqualTo(SegmentSampler.test(32).sample(300, null));

        int[] four = SegmentSampler.multiView(8, 4).sample(80, null); // segments of 10 frames
        assertThat(Arrays.copyOfRange(four, 0, 8)).containsExactly(1, 11, 21, 31, 41, 51, 61, 71);
        assertThat(Arrays.copyOfRange(four, 8, 16)).containsExactly(3, 13, 23, 33, 43, 53, 63, 73);
        assertThat(Arrays.copyOfRange(four, 24, 32)).containsExactly(8, 18, 28, 38, 48, 58, 68, 78);
    }

    @Test
    void randomMultiViewDrawsIndependentTrainClips() {
        int[] indices = SegmentSampler.multiViewRandom(8, 3).sample(80, new SplittableRandom(3));

        assertThat(indices).hasSize(24);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 8; i++) {
                assertThat(indices[c * 8 + i]).isBetween(i * 10, i * 10 + 9);
            }
        }
        assertThat(Arrays.copyOfRange(indices, 0, 8))
                .isNotEqualTo(Arrays.copyOfRange(indices, 8, 16));
    }

    @Test
    void absurdFrameCountsAreRefusedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> SegmentSampler.test(100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000 frames x 1 clips = 100000, more than 1024");
        assertThatThrownBy(() -> SegmentSampler.multiView(Integer.MAX_VALUE, 4))
                .hasMessageContaining("= 8589934588, more than 1024");
        assertThat(SegmentSampler.multiView(256, 4).framesPerClip()).isEqualTo(256);
    }

    @Test
    void emptyVideoIsAnError() {
        assertThatThrownBy(() -> SegmentSampler.test(8).sample(0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one frame");
    }
}
