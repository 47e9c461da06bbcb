/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import io.github.vificlip.model.ViFiClip;
import java.io.IOException;

/**
 * The video embeddings of every record of a dataset (the L2-normalised mean of frame embeddings the
 * logits use), with the records' labels: the points of a t-SNE picture.
 *
 * @param vectors one unit-length row per record
 * @param labels each record's label
 */
public record VideoEmbeddings(float[][] vectors, int[] labels) {

    private static final int BATCH = 8;

    /**
     * Embeds every record of a single-view dataset.
     *
     * @param model the model
     * @param dataset records {@code [video [T,3,H,W]], [label]}
     * @return the embeddings in record order
     * @throws IOException if a record cannot be read
     */
    public static VideoEmbeddings of(ViFiClip model, RandomAccessDataset dataset)
            throws IOException {
        int size = Math.toIntExact(dataset.size());
        float[][] vectors = new float[size][];
        int[] labels = new int[size];
        for (int start = 0; start < size; start += BATCH) {
            int end = Math.min(size, start + BATCH);
            try (NDManager manager = NDManager.newBaseManager(model.getDevice())) {
                NDList clips = new NDList();
                for (int i = start; i < end; i++) {
                    Record record = dataset.get(manager, i);
                    clips.add(record.getData().singletonOrThrow());
                    labels[i] = (int) record.getLabels().singletonOrThrow().getLong();
                }
                NDArray batch = NDArrays.stack(clips);
                float[][] rows = model.videoEmbeddings(batch);
                System.arraycopy(rows, 0, vectors, start, rows.length);
            }
        }
        return new VideoEmbeddings(vectors, labels);
    }

    /**
     * Returns the vectors widened to double precision, for {@link io.github.vificlip.report.Tsne}.
     *
     * @return one row per record
     */
    public double[][] points() {
        double[][] points = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            points[i] = new double[vectors[i].length];
            for (int d = 0; d < vectors[i].length; d++) {
                points[i][d] = vectors[i][d];
            }
        }
        return points;
    }
}
