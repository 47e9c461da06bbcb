/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A batch of clips and labels read from a dataset whose records are {@code [video], [label]},
 * owning its own manager: closing the batch frees every array of it.
 */
final class ClipBatch implements AutoCloseable {

    private final NDManager manager;
    private final NDArray videos;
    private final long[] labels;

    private ClipBatch(NDManager manager, NDArray videos, long[] labels) {
        this.manager = manager;
        this.videos = videos;
        this.labels = labels;
    }

    /**
     * Starts reading the records at {@code indices} on the executor, each record in parallel.
     *
     * @param dataset the dataset
     * @param indices the records of the batch
     * @param parent the manager the batch's own manager descends from
     * @param executor the threads that read records
     * @return the batch, when all its records are read
     */
    static CompletableFuture<ClipBatch> load(
            RandomAccessDataset dataset,
            long[] indices,
            NDManager parent,
            ExecutorService executor) {
        NDManager manager = parent.newSubManager();
        List<CompletableFuture<Record>> records = new ArrayList<>(indices.length);
        for (long index : indices) {
            records.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return dataset.get(manager, index);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            },
                            executor));
        }
        return CompletableFuture.allOf(records.toArray(CompletableFuture[]::new))
                .handle(
                        (ignored, failure) -> {
                            if (failure != null) {
                                manager.close();
                                throw failure instanceof RuntimeException runtime
                                        ? runtime
                                        : new IllegalStateException(failure);
                            }
                            NDList videos = new NDList(records.size());
                            long[] labels = new long[records.size()];
                            for (int i = 0; i < labels.length; i++) {
                                Record record = records.get(i).join();
                                videos.add(record.getData().head());
                                labels[i] =
                                        record.getLabels()
                                                .head()
                                                .toType(ai.djl.ndarray.types.DataType.INT64, false)
                                                .getLong();
                            }
                            return new ClipBatch(manager, NDArrays.stack(videos), labels);
                        });
    }

    /**
     * Waits for a batch, turning the reading threads' failures back into the exception that caused
     * them.
     *
     * @param batch a batch being read
     * @return the batch
     * @throws IOException if a record could not be read
     */
    static ClipBatch await(CompletableFuture<ClipBatch> batch) throws IOException {
        try {
            return batch.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Returns the clips, stacked: [B, ...record shape]. */
    NDArray videos() {
        return videos;
    }

    /** Returns the labels. */
    long[] labels() {
        return labels;
    }

    /** Returns the batch's manager. */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
