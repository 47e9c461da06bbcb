/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vificlip.data.video.RgbFrame;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TransformBehaviourTest {

    private static RgbFrame solid(int w, int h, int r, int g, int b) {
        byte[] data = new byte[w * h * 3];
        for (int p = 0; p < data.length; p += 3) {
            data[p] = (byte) r;
            data[p + 1] = (byte) g;
            data[p + 2] = (byte) b;
        }
        return new RgbFrame(w, h, data);
    }

    private static RgbFrame[] clip(int frames, int w, int h) {
        RgbFrame[] out = new RgbFrame[frames];
        for (int t = 0; t < frames; t++) {
            byte[] data = new byte[w * h * 3];
            for (int p = 0; p < data.length; p++) {
                data[p] = (byte) ((p * 7 + t * 13) % 251);
            }
            out[t] = new RgbFrame(w, h, data);
        }
        return out;
    }

    @Test
    void shortSideResizeUsesMmcvRounding() {
        assertThat(Crops.shortSideSize(320, 240, 256)).containsExactly(341, 256);
        assertThat(Crops.shortSideSize(1280, 720, 256)).containsExactly(455, 256);
        assertThat(Crops.shortSideSize(240, 320, 224)).containsExactly(224, 299);
    }

    @Test
    void trainingOutputIsSeededAndReproducible() {
        TrainTransform transform = TrainTransform.builder().optSize(32).build();
        RgbFrame[] frames = clip(4, 64, 48);

        VideoTensor a = transform.apply(frames, new SplittableRandom(5));
        VideoTensor b = transform.apply(frames, new SplittableRandom(5));

        assertThat(a.shape().getShape()).containsExactly(4, 3, 32, 32);
        assertThat(a.data()).isEqualTo(b.data());
        boolean anyDifferent = false;
        for (long seed = 6; seed < 12 && !anyDifferent; seed++) {
            anyDifferent =
                    !Arrays.equals(
                            a.data(), transform.apply(frames, new SplittableRandom(seed)).data());
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void jitterParametersAreDrawnPerFrameButTheCoinPerClip() {
        TrainTransform transform =
                TrainTransform.builder()
                        .optSize(16)
                        .optColorJitter(1.0, ColorJitter.REFERENCE)
                        .optGrayscaleProbability(0)
                        .build();
        TrainTransform.Decisions d = transform.decide(64, 48, 6, new SplittableRandom(9));

        assertThat(d.jitters()).hasSize(6);
        assertThat(Arrays.stream(d.jitters()).map(ColorJitter.Params::brightness).distinct())
                .hasSize(6);
        for (ColorJitter.Params p : d.jitters()) {
            assertThat(p.brightness()).isBetween(0.6f, 1.4f);
            assertThat(p.contrast()).isBetween(0.6f, 1.4f);
            assertThat(p.saturation()).isBetween(0.8f, 1.2f);
            assertThat(p.hue()).isBetween(-0.1f, 0.1f);
        }
        TrainTransform never =
                TrainTransform.builder().optColorJitter(0, ColorJitter.REFERENCE).build();
        assertThat(never.decide(64, 48, 6, new SplittableRandom(9)).jitters()).isNull();
    }

    @Test
    void grayscaleClipHasEqualChannels() {
        TrainTransform transform =
                TrainTransform.builder()
                        .optSize(16)
                        .optGrayscaleProbability(1)
                        .optColorJitter(0, ColorJitter.REFERENCE)
                        .optNormalization(
                                new Normalization(new double[] {0, 0, 0}, new double[] {1, 1, 1}))
                        .build();

        float[] out = transform.apply(clip(2, 40, 30), new SplittableRandom(1)).data();

        int plane = 16 * 16;
        for (int p = 0; p < plane; p++) {
            assertThat(out[p]).isEqualTo(out[plane + p]).isEqualTo(out[2 * plane + p]);
        }
    }

    @Test
    void normalisationUsesImagenetStatisticsOnTheByteScale() {
        float[] out = new float[3];
        Normalization.IMAGENET.writeChw(solid(1, 1, 255, 0, 128), out, 0);

        assertThat(out[0])
                .isCloseTo((255 - 123.675f) / 58.395f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(out[1]).isCloseTo(-116.28f / 57.12f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(out[2])
                .isCloseTo((128 - 103.53f) / 57.375f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void threeCropOutputIsCropMajorOverClips() {
        // Two "clips" of two frames: frame k is solid grey level 10*(k+1).
        RgbFrame[] frames = new RgbFrame[4];
        for (int k = 0; k < 4; k++) {
            frames[k] = solid(60, 20, 10 * (k + 1), 10 * (k + 1), 10 * (k + 1));
        }
        EvalTransform transform =
                EvalTransform.builder()
                        .optSize(20)
                        .optCrops(3)
                        .optNormalization(
                                new Normalization(new double[] {0, 0, 0}, new double[] {1, 1, 1}))
                        .build();

        VideoTensor out = transform.apply(frames, null);

        assertThat(out.frames()).isEqualTo(12);
        int frameValues = 3 * 20 * 20;
        for (int view = 0; view < 12; view++) {
            assertThat(out.data()[view * frameValues]).isEqualTo(10f * (view % 4 + 1));
        }
    }

    @Test
    void threeCropOffsetsFollowTheReference() {
        assertThat(Crops.threeCrop(299, 224, 224))
                .containsExactly(
                        new CropBox(0, 0, 224, 224),
                        new CropBox(74, 0, 224, 224),
                        new CropBox(37, 0, 224, 224));
        assertThatThrownBy(() -> Crops.threeCrop(300, 300, 224))
                .hasMessageContaining("one side equal to 224");
    }

    @Test
    void invalidOptionsFailAtBuild() {
        assertThatThrownBy(() -> EvalTransform.builder().optCrops(2).build())
                .hasMessageContaining("1 or 3");
        assertThatThrownBy(() -> TrainTransform.builder().optFlipProbability(1.5).build())
                .hasMessageContaining("flip probability");
        assertThatThrownBy(() -> TrainTransform.builder().optSize(224).optShortSide(200).build())
                .hasMessageContaining("smaller than the output size");
    }
}
