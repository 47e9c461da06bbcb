/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;

/**
 * Batches videos of V views each for a model that scores clips: the inputs {@code [V, T, 3, H, W]}
 * of B videos become one batch of clips {@code [B·V, T, 3, H, W]}, and the logits {@code [B·V, C]}
 * come back as B arrays {@code [V, C]}. With V = 1 this is stacking without an extra axis. The
 * class prompt ids that follow each video ({@code [C, L]}, the same for every video of a
 * translator) are passed once, after the clips, and to every slice of a multi-device split.
 */
final class ViewBatchifier implements Batchifier {

    private static final long serialVersionUID = 1L;

    private final int views;

    ViewBatchifier(int views) {
        this.views = views;
    }

    @Override
    public NDList batchify(NDList[] inputs) {
        NDList clips = new NDList(inputs.length);
        for (NDList input : inputs) {
            clips.add(input.head());
        }
        NDList batch = new NDList(clips.size() == 1 ? clips.head() : NDArrays.concat(clips));
        if (inputs[0].size() > 1) {
            batch.add(inputs[0].get(1)); // the class prompt ids, the same for every video
        }
        return batch;
    }

    @Override
    public NDList[] unbatchify(NDList inputs) {
        NDArray batch = inputs.singletonOrThrow();
        return perList(batch.split(rows(batch) / views, 0));
    }

    @Override
    public NDList[] split(NDList list, int numOfSlices, boolean evenSplit) {
        NDArray batch = list.head();
        long videos = rows(batch) / views;
        long slices = Math.min(numOfSlices, videos);
        if (evenSplit && videos % slices != 0) {
            throw new IllegalArgumentException(
                    videos + " videos cannot be split evenly into " + slices + " slices");
        }
        long perSlice = (videos + slices - 1) / slices;
        long[] boundaries = new long[(int) ((videos - 1) / perSlice)];
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] = (i + 1) * perSlice * views;
        }
        NDList[] parts = perList(batch.split(boundaries, 0));
        for (NDList part : parts) {
            part.addAll(list.subNDList(1)); // every device slice scores the same classes
        }
        return parts;
    }

    private static NDList[] perList(NDList parts) {
        NDList[] lists = new NDList[parts.size()];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = new NDList(parts.get(i));
        }
        return lists;
    }

    private long rows(NDArray batch) {
        long rows = batch.getShape().get(0);
        if (rows % views != 0) {
            throw new IllegalArgumentException(
                    "A batch of "
                            + rows
                            + " rows is not a whole number of videos of "
                            + views
                            + " views");
        }
        return rows;
    }
}
