/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassifier;
import io.github.vificlip.prompts.PromptedViFiClip;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a video should score, computed without DJL's predictor, translator or batchifier: the data
 * module's loader prepares the clip, the model's own {@link VideoClassifier} scores each view, and
 * the views' softmaxes are averaged here.
 */
public final class ReferenceScores {

    private ReferenceScores() {}

    /**
     * Scores one video.
     *
     * @param weights the weights file
     * @param video the video file
     * @param classes the class names
     * @param template the prompt template
     * @param frames frames per view
     * @param clips temporal clips
     * @param crops spatial crops
     * @return the probability of each class
     * @throws Exception if the video or weights cannot be read
     */
    public static double[] of(
            Path weights,
            Path video,
            List<String> classes,
            PromptTemplate template,
            int frames,
            int clips,
            int crops)
            throws Exception {
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                VideoClassifier classifier = model.classifier(classes, template)) {
            return score(classifier, model.getConfig().imageSize(), video, frames, clips, crops);
        }
    }

    /**
     * Scores one video with learned prompts, single view.
     *
     * @param weights the weights file
     * @param prompts the prompt file
     * @param video the video file
     * @param classes the class names
     * @param frames frames per view
     * @return the probability of each class
     * @throws Exception if the video, weights or prompts cannot be read
     */
    public static double[] withPrompts(
            Path weights, Path prompts, Path video, List<String> classes, int frames)
            throws Exception {
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                PromptedViFiClip prompted = PromptedViFiClip.load(model, prompts);
                VideoClassifier classifier = prompted.classifier(classes)) {
            return score(classifier, model.getConfig().imageSize(), video, frames, 1, 1);
        }
    }

    private static double[] score(
            VideoClassifier classifier, int size, Path video, int frames, int clips, int crops)
            throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipLoader loader =
                    new ClipLoader(
                            HumbleVideoDecoder.builder().build(),
                            clips == 1
                                    ? SegmentSampler.test(frames)
                                    : SegmentSampler.multiView(frames, clips),
                            EvalTransform.builder().optSize(size).optCrops(crops).build());
            NDArray views =
                    loader.load(video, new SplittableRandom(1))
                            .toNDArray(manager)
                            .reshape(clips * crops, frames, 3, size, size);
            float[][] probabilities = classifier.probabilities(views);
            double[] mean = new double[probabilities[0].length];
            for (float[] view : probabilities) {
                for (int c = 0; c < mean.length; c++) {
                    mean[c] += view[c] / probabilities.length;
                }
            }
            return mean;
        }
    }
}
