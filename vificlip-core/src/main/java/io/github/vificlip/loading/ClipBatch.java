/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.loading;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A batch of clips and labels read from a dataset whose records are {@code [video], [label]},
 * owning its own manager: closing the batch frees every array of it. The training loop and the
 * evaluator read the next batch on background threads ({@link #load}) while the current one runs.
 */
public final class ClipBatch implements AutoCloseable {

    private final NDManager manager;
    private final NDArray videos;
    private final long[] labels;
    private final List<UnreadableVideo> unreadable;

    private ClipBatch(
            NDManager manager, NDArray videos, long[] labels, List<UnreadableVideo> unreadable) {
        this.manager = manager;
        this.videos = videos;
        this.labels = labels;
        this.unreadable = unreadable;
    }

    /**
     * Starts reading the records at {@code indices} on the executor, each record in parallel.
     *
     * @param dataset the dataset
     * @param indices the records of the batch
     * @param parent the manager the batch's own manager descends from
     * @param executor the threads that read records
     * @param leaveOutUnreadable whether a record that cannot be read is left out of the batch and
     *     reported (evaluation) instead of failing it; an interruption always fails it
     * @return the batch, when all its records are read
     */
    public static CompletableFuture<ClipBatch> load(
            RandomAccessDataset dataset,
            long[] indices,
            NDManager parent,
            ExecutorService executor,
            boolean leaveOutUnreadable) {
        NDManager manager = parent.newSubManager();
        List<CompletableFuture<Record>> records = new ArrayList<>(indices.length);
        UnreadableVideo[] failed = new UnreadableVideo[indices.length];
        for (int i = 0; i < indices.length; i++) {
            long index = indices[i];
            int slot = i;
            records.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return dataset.get(manager, index);
                                } catch (InterruptedIOException e) {
                                    throw new UncheckedIOException(e);
                                } catch (IOException e) {
                                    if (!leaveOutUnreadable) {
                                        throw new UncheckedIOException(e);
                                    }
                                    failed[slot] = new UnreadableVideo(index, e.getMessage());
                                    return null;
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
                            List<Long> labels = new ArrayList<>(records.size());
                            for (CompletableFuture<Record> future : records) {
                                Record record = future.join();
                                if (record != null) {
                                    videos.add(record.getData().head());
                                    labels.add(
                                            record.getLabels()
                                                    .head()
                                                    .toType(DataType.INT64, false)
                                                    .getLong());
                                }
                            }
                            List<UnreadableVideo> unreadable =
                                    Arrays.stream(failed).filter(Objects::nonNull).toList();
                            return new ClipBatch(
                                    manager,
                                    videos.isEmpty() ? null : NDArrays.stack(videos),
                                    labels.stream().mapToLong(Long::longValue).toArray(),
                                    unreadable);
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
    public static ClipBatch await(CompletableFuture<ClipBatch> batch) throws IOException {
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

    /**
     * Returns the records left out because they could not be read.
     *
     * @return the unreadable records, in index order within the batch
     */
    public List<UnreadableVideo> unreadable() {
        return unreadable;
    }

    /**
     * Returns the clips, stacked.
     *
     * @return {@code [B, ...record shape]}, or null if no record could be read
     */
    public NDArray videos() {
        return videos;
    }

    /**
     * Returns the labels of the clips.
     *
     * @return one label per clip, in clip order
     */
    public long[] labels() {
        return labels;
    }

    /**
     * Lends the model's weight arrays to this batch until it closes, so that results of operations
     * on the weights belong to the batch (and are freed with it), not to the model.
     *
     * @param model the block whose parameters the batch runs through
     */
    public void borrowWeights(Block model) {
        manager.tempAttachAll(
                model.getParameters().values().stream()
                        .map(Parameter::getArray)
                        .toArray(NDArray[]::new));
    }

    /** Frees every array of the batch and gives borrowed weights back. */
    @Override
    public void close() {
        manager.close();
    }

    /**
     * Makes the daemon threads that read records, so a failed run never keeps the JVM alive (a
     * {@link java.util.concurrent.ThreadFactory} for the executor of {@link #load}).
     *
     * @param task what the thread runs
     * @return the thread, not started
     */
    public static Thread loaderThread(Runnable task) {
        Thread thread = new Thread(task, "vificlip-loader");
        thread.setDaemon(true);
        return thread;
    }
}
