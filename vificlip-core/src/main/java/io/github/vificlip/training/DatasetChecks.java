/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

/**
 * What the trainer checks before its first step, so that a mismatch is refused in seconds instead
 * of after an epoch: the first record of each dataset is read and its frames, channels and label
 * compared with the recipe and the class names, and a training dataset's own batch size (which the
 * trainer would not use: it batches by the recipe) must agree with the recipe's.
 */
final class DatasetChecks {

    private DatasetChecks() {}

    /** Checks the training dataset and, when there is one, the validation dataset. */
    static void all(
            RandomAccessDataset train,
            List<String> classNames,
            RandomAccessDataset validation,
            List<String> validationNames,
            Recipe recipe,
            NDManager manager)
            throws IOException {
        training(train, classNames, recipe, manager);
        if (validation != null) {
            validation(validation, validationNames, recipe, manager);
        }
    }

    /**
     * Returns the whole batches of one epoch; throws if the dataset holds fewer records than one
     * batch over all devices.
     */
    static int iterationsPerEpoch(RandomAccessDataset train, Recipe recipe, int devices) {
        int globalBatch = recipe.batchSize() * devices;
        long records = train.size();
        if (records < globalBatch) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "The training set has %d videos, fewer than one batch of %d (batch"
                                    + " size %d × %d devices)",
                            records,
                            globalBatch,
                            recipe.batchSize(),
                            devices));
        }
        return (int) (records / globalBatch);
    }

    /**
     * Checks a training dataset: records {@code [T, 3, H, W]} with T = the recipe's frames and a
     * label below the class count; a {@code setSampling} batch size of 1 (records one by one) or
     * the recipe's.
     */
    static void training(
            RandomAccessDataset dataset, List<String> classNames, Recipe recipe, NDManager manager)
            throws IOException {
        int sampling = samplingBatchSize(dataset);
        if (sampling > 1 && sampling != recipe.batchSize()) {
            throw new IllegalArgumentException(
                    "The training dataset was built with setSampling("
                            + sampling
                            + ", ...) but the recipe's batch size is "
                            + recipe.batchSize()
                            + ": the trainer reads records one by one and batches them by the"
                            + " recipe, so set the recipe's batchSize to "
                            + sampling
                            + " or build the dataset with setSampling(1, ...) or setSampling("
                            + recipe.batchSize()
                            + ", ...)");
        }
        long frames = probe(dataset, "training", classNames, manager).get(0);
        if (frames != recipe.frames()) {
            throw new IllegalArgumentException(
                    "The training dataset's records have "
                            + frames
                            + " frames but the recipe trains on "
                            + recipe.frames()
                            + ": build its sampler with "
                            + recipe.frames()
                            + " frames or set the recipe's frames to "
                            + frames);
        }
    }

    /** Checks a validation dataset: records of a whole number of views of the recipe's frames. */
    static void validation(
            RandomAccessDataset dataset, List<String> classNames, Recipe recipe, NDManager manager)
            throws IOException {
        long frames = probe(dataset, "validation", classNames, manager).get(0);
        if (frames % recipe.frames() != 0) {
            throw new IllegalArgumentException(
                    "The validation dataset's records have "
                            + frames
                            + " frames, not a whole number of views of the recipe's "
                            + recipe.frames()
                            + " frames: build its sampler with "
                            + recipe.frames()
                            + " frames per clip");
        }
    }

    /** Reads record 0 and checks its layout and label; returns its video's shape. */
    private static Shape probe(
            RandomAccessDataset dataset, String role, List<String> classNames, NDManager manager)
            throws IOException {
        try (NDManager scratch = manager.newSubManager()) {
            Record record = dataset.get(scratch, 0);
            Shape shape = record.getData().head().getShape();
            if (shape.dimension() != 4 || shape.get(1) != 3) {
                throw new IllegalArgumentException(
                        "The "
                                + role
                                + " dataset's records must be videos [frames, 3, height, width],"
                                + " got "
                                + shape);
            }
            long label = record.getLabels().head().toType(DataType.INT64, false).getLong();
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(
                        "The "
                                + role
                                + " dataset's first record has label "
                                + label
                                + " but there are "
                                + classNames.size()
                                + " class names");
            }
            return shape;
        }
    }

    /**
     * The batch size a dataset was built with ({@code setSampling}); DJL keeps it in a protected
     * field with no getter. Returns 1 where it cannot be read.
     */
    private static int samplingBatchSize(RandomAccessDataset dataset) {
        try {
            Field field = RandomAccessDataset.class.getDeclaredField("sampler");
            field.setAccessible(true);
            Sampler sampler = (Sampler) field.get(dataset);
            return sampler == null ? 1 : sampler.getBatchSize();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 1;
        }
    }
}
