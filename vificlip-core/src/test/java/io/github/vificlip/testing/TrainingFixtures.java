/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.SeededRandom;
import java.util.List;

/**
 * The model and the clips the training and evaluation tests share: a {@link TinyConfigs#TRAINING}
 * model and noisy one-colour clips of 16×16 pixels, one colour per class.
 */
public final class TrainingFixtures {

    /** The classes of {@link #colourClips}, in label order. */
    public static final List<String> CLASSES = List.of("red", "green", "blue", "white");

    private TrainingFixtures() {}

    /**
     * Returns clips of 2 frames per view: each class a colour, with noise (always the same noise).
     *
     * @param manager the manager of the arrays
     * @param perClass the clips of each class
     * @param views the views of each clip
     * @return records {@code [video [views·2,3,16,16]], [label]}, labels cycling through the
     *     classes
     */
    public static RandomAccessDataset colourClips(NDManager manager, int perClass, int views) {
        int n = CLASSES.size() * perClass;
        float[] pixels = new float[n * views * 2 * 3 * 16 * 16];
        float[] labels = new float[n];
        SeededRandom random = SeededRandom.of(99);
        int frame = 16 * 16;
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES.size();
            labels[i] = label;
            for (int f = 0; f < views * 2; f++) {
                for (int c = 0; c < 3; c++) {
                    float level = label == 3 || label == c ? 1.5f : -1.5f;
                    int base = ((i * views * 2 + f) * 3 + c) * frame;
                    for (int p = 0; p < frame; p++) {
                        pixels[base + p] = level + (float) (random.nextDouble() - 0.5);
                    }
                }
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(pixels, new Shape(n, views * 2, 3, 16, 16)))
                .optLabels(manager.create(labels).toType(DataType.INT64, false))
                .setSampling(1, false)
                .build();
    }

    /**
     * Returns a fresh model of {@link TinyConfigs#TRAINING}, always initialised the same way.
     *
     * @return the model (seed 5)
     */
    public static ViFiClip tinyModel() {
        return ViFiClip.builder().setConfig(TinyConfigs.TRAINING).optSeed(5).build();
    }
}
