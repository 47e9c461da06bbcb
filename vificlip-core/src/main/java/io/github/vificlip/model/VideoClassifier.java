/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies prepared clips against a fixed list of class names with a {@link ViFiClip} model, or
 * with another {@link VideoClassificationBlock} on its weights (a prompted model). The class text
 * features are computed once, when the classifier is made; each call then runs the image tower
 * only.
 *
 * <p>Scores follow ViFi-CLIP: logits = exp(logit_scale) · cos(video, class prompt), probabilities
 * their softmax over the classes. Thread-safe; close it to free the text features (closing the
 * model frees them too).
 */
public final class VideoClassifier implements AutoCloseable {

    private final ViFiClip runner;
    private final VideoClassificationBlock model;
    private final List<String> classNames;
    private final PromptTemplate template;
    private final NDManager manager;
    private final NDArray classFeatures; // [E, C], normalised

    VideoClassifier(
            ViFiClip runner,
            VideoClassificationBlock model,
            List<String> classNames,
            PromptTemplate template) {
        this.runner = runner;
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.template = template;
        this.manager = runner.getModel().getNDManager().newSubManager();
        try {
            NDArray features =
                    model.encodeClassNames(
                            new ParameterStore(manager, false),
                            manager,
                            this.classNames,
                            template,
                            false);
            classFeatures = features.transpose();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Returns the class names, in score order.
     *
     * @return the names
     */
    public List<String> getClassNames() {
        return classNames;
    }

    /**
     * Returns the template the class names went through (for a prompted model, the text after the
     * learned context).
     *
     * @return the template
     */
    public PromptTemplate getTemplate() {
        return template;
    }

    /**
     * Classifies one clip.
     *
     * @param clip {@code [T, 3, H, W]}, prepared as for training (resized, normalised)
     * @return the class probabilities, best first on {@code best()} / {@code topK}
     * @throws IllegalArgumentException if the shape is wrong
     */
    public Classifications classify(NDArray clip) {
        if (clip.getShape().dimension() != 4) {
            throw new IllegalArgumentException(
                    "classify takes one clip [T, 3, H, W], got " + clip.getShape());
        }
        return classifyBatch(clip).get(0);
    }

    /**
     * Classifies a batch of clips.
     *
     * @param clips {@code [B, T, 3, H, W]} (or one clip {@code [T, 3, H, W]})
     * @return one {@link Classifications} per clip, in batch order
     * @throws IllegalArgumentException if the shape is wrong
     */
    public List<Classifications> classifyBatch(NDArray clips) {
        float[][] probabilities = probabilities(clips);
        List<Classifications> results = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            List<Double> values = new ArrayList<>(row.length);
            for (float p : row) {
                values.add((double) p);
            }
            results.add(new Classifications(classNames, values));
        }
        return results;
    }

    /**
     * Returns the class probabilities: the softmax of the logits over the classes.
     *
     * @param clips {@code [B, T, 3, H, W]} (or one clip {@code [T, 3, H, W]})
     * @return {@code [B][C]} probabilities
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] probabilities(NDArray clips) {
        return runner.run(clips, (store, x) -> ViFiClip.rows(logits(store, x).softmax(-1)));
    }

    /**
     * Returns the logits, exp(logit_scale) · cos(video, class prompt).
     *
     * @param clips {@code [B, T, 3, H, W]} (or one clip {@code [T, 3, H, W]})
     * @return {@code [B][C]} logits
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] logits(NDArray clips) {
        return runner.run(clips, (store, x) -> ViFiClip.rows(logits(store, x)));
    }

    private NDArray logits(ParameterStore store, NDArray clips) {
        NDArray video = model.encodeVideo(store, ViFiClip.asBatch(clips, 5), false);
        NDArray scale = store.getValue(model.getLogitScale(), video.getDevice(), false);
        return ClipModel.logits(video, classFeatures, scale);
    }

    /** Frees the class text features. */
    @Override
    public void close() {
        manager.close();
    }
}
