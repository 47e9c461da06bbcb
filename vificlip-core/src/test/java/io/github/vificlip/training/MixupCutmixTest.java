/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixupCutmixTest {

    private static final int CLASSES = 5;
    private static final long[] LABELS = {0, 3, 1, 4};

    /** Clip i is filled with the value i + 1, so every pixel tells where it came from. */
    private static NDArray constantClips(NDManager manager) {
        float[] values = new float[4 * 2 * 3 * 8 * 10];
        int perClip = values.length / 4;
        for (int i = 0; i < values.length; i++) {
            values[i] = i / perClip + 1;
        }
        return manager.create(values, new Shape(4, 2, 3, 8, 10));
    }

    @Test
    void targetsSumToOneAndRespectLabelSmoothing() {
        MixupCutmix blending = MixupCutmix.builder().setNumClasses(CLASSES).build();
        Set<MixupCutmix.Kind> seen = EnumSet.noneOf(MixupCutmix.Kind.class);
        try (NDManager manager = NDManager.newBaseManager()) {
            SeededRandom random = SeededRandom.of(42);
            for (int trial = 0; trial < 40; trial++) {
                MixupCutmix.Blend blend = blending.blend(constantClips(manager), LABELS, random);
                seen.add(blend.kind());
                float[] targets = blend.targets().toFloatArray();
                for (int i = 0; i < LABELS.length; i++) {
                    float sum = 0;
                    for (int c = 0; c < CLASSES; c++) {
                        float t = targets[i * CLASSES + c];
                        // Smoothing keeps every class at least 0.1/5 = 0.02.
                        assertThat(t).isGreaterThanOrEqualTo(0.02f - 1e-6f);
                        sum += t;
                    }
                    assertThat(sum).isCloseTo(1f, within(1e-5f));
                    // The own label gets at least λ·0.92 + (1 − λ)·0.02 = 0.9·λ + 0.02.
                    assertThat(targets[i * CLASSES + (int) LABELS[i]])
                            .isGreaterThanOrEqualTo((float) (blend.lambda() * 0.9 + 0.02 - 1e-5));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(MixupCutmix.Kind.MIXUP, MixupCutmix.Kind.CUTMIX);
    }

    @Test
    void withoutBlendingTargetsAreSmoothedOneHot() {
        MixupCutmix blending =
                MixupCutmix.builder()
                        .setNumClasses(CLASSES)
                        .optMixupAlpha(0)
                        .optCutmixAlpha(0)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            MixupCutmix.Blend blend =
                    blending.blend(constantClips(manager), LABELS, SeededRandom.of(1));

            assertThat(blend.kind()).isEqualTo(MixupCutmix.Kind.NONE);
            float[] row = new float[CLASSES];
            System.arraycopy(blend.targets().toFloatArray(), CLASSES, row, 0, CLASSES);
            assertThat(row)
                    .containsExactly(
                            new float[] {0.02f, 0.02f, 0.02f, 0.92f, 0.02f}, within(1e-6f));
        }
    }

    @Test
    void cutmixPastesOneBoxIntoEveryFrameAndLambdaIsTheKeptArea() {
        MixupCutmix cutmix =
                MixupCutmix.builder()
                        .setNumClasses(CLASSES)
                        .optMixupAlpha(0)
                        .optLabelSmoothing(0)
                        .build();
        int frame = 8 * 10;
        int pastedClips = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray clips = constantClips(manager);
            for (long seed = 0; seed < 10; seed++) {
                MixupCutmix.Blend blend = cutmix.blend(clips, LABELS, SeededRandom.of(seed));
                assertThat(blend.kind()).isEqualTo(MixupCutmix.Kind.CUTMIX);
                float[] out = blend.videos().toFloatArray();
                float[] targets = blend.targets().toFloatArray();
                for (int clip = 0; clip < 4; clip++) {
                    int base = clip * 2 * 3 * frame;
                    int foreign = 0;
                    int partner = clip;
                    for (int p = 0; p < frame; p++) {
                        if (out[base + p] != clip + 1) {
                            foreign++;
                            partner = (int) out[base + p] - 1;
                        }
                        for (int plane = 1; plane < 6; plane++) {
                            assertThat(out[base + plane * frame + p])
                                    .as("same box in every frame and channel")
                                    .isEqualTo(out[base + p]);
                        }
                    }
                    if (foreign == 0) {
                        continue; // its own partner, or an empty box
                    }
                    pastedClips++;
                    double keptArea = 1 - (double) foreign / frame;
                    assertThat(blend.lambda()).isCloseTo(keptArea, within(1e-9));
                    // Labels are distinct, so the targets split λ / 1 − λ between the two.
                    assertThat(targets[clip * CLASSES + (int) LABELS[clip]])
                            .isCloseTo((float) keptArea, within(1e-6f));
                    assertThat(targets[clip * CLASSES + (int) LABELS[partner]])
                            .isCloseTo((float) (1 - keptArea), within(1e-6f));
                }
                assertThat(clips.toFloatArray()[0]).as("input untouched").isEqualTo(1);
            }
        }
        assertThat(pastedClips).isGreaterThan(10);
    }

    @Test
    void mixupBlendsWholeClipsWithLambda() {
        MixupCutmix mixup =
                MixupCutmix.builder()
                        .setNumClasses(CLASSES)
                        .optCutmixAlpha(0)
                        .optLabelSmoothing(0)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            MixupCutmix.Blend blend =
                    mixup.blend(constantClips(manager), LABELS, SeededRandom.of(3));
            float[] out = blend.videos().toFloatArray();
            float[] targets = blend.targets().toFloatArray();
            int perClip = out.length / 4;
            double lambda = blend.lambda();
            for (int clip = 0; clip < 4; clip++) {
                // value = λ·(clip+1) + (1−λ)·(partner+1): recover the partner from it.
                double partner = (out[clip * perClip] - lambda * (clip + 1)) / (1 - lambda) - 1;
                long partnerIndex = Math.round(partner);
                assertThat(partner).isCloseTo(partnerIndex, within(1e-3));
                assertThat(out[clip * perClip + perClip - 1]).isEqualTo(out[clip * perClip]);
                double expectedOwn = LABELS[(int) partnerIndex] == LABELS[clip] ? 1 : lambda;
                assertThat(targets[clip * CLASSES + (int) LABELS[clip]])
                        .isCloseTo((float) expectedOwn, within(1e-5f));
            }
        }
    }

    @Test
    void sameSeedSameBlend() {
        MixupCutmix blending = MixupCutmix.builder().setNumClasses(CLASSES).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray clips = constantClips(manager);
            MixupCutmix.Blend a = blending.blend(clips, LABELS, SeededRandom.of(9));
            MixupCutmix.Blend b = blending.blend(clips, LABELS, SeededRandom.of(9));

            assertThat(a.videos().toFloatArray()).containsExactly(b.videos().toFloatArray());
            assertThat(a.targets().toFloatArray()).containsExactly(b.targets().toFloatArray());
        }
    }

    @Test
    void rejectsLabelsOutsideTheClasses() {
        MixupCutmix blending = MixupCutmix.builder().setNumClasses(3).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    blending.blend(
                                            constantClips(manager),
                                            new long[] {0, 1, 2, 3},
                                            SeededRandom.of(1)))
                    .hasMessageContaining("Label 3 of clip 3 is outside [0, 3)");
        }
    }
}
