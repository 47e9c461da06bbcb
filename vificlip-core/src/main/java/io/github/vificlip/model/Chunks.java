/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.function.BiFunction;

/**
 * Runs a tower over a large batch a slice of rows at a time and concatenates the results.
 *
 * <p>The numbers are the same as one big pass; what changes is the size of the intermediates. On
 * CPU a block's activations for hundreds of prompts or frames run to gigabytes, and allocations
 * above glibc's largest mmap threshold (32 MiB) are mapped afresh and page-faulted on every pass (a
 * first version that ran 400 prompts at once spent more CPU time in the kernel than in user code).
 * The slice sizes keep a ViT-B block's largest tensor, the MLP hidden state, just under 32 MiB: 8
 * frames × 197 tokens × 3072 and 32 prompts × 77 tokens × 2048 floats, so the allocator reuses its
 * buffers.
 */
final class Chunks {

    /** Frames per image-tower slice. */
    static final int FRAMES = 8;

    /** Prompts per text-tower slice. */
    static final int PROMPTS = 32;

    private Chunks() {}

    /**
     * Applies {@code encode} to rows [start, end) of the batch, {@code size} rows at a time.
     *
     * @param rows the batch size
     * @param size the rows per slice
     * @param encode maps a row range to that range's output (rows along axis 0)
     * @return the outputs concatenated along axis 0
     */
    static NDArray map(long rows, int size, BiFunction<Long, Long, NDArray> encode) {
        if (rows <= size) {
            return encode.apply(0L, rows);
        }
        NDList parts = new NDList();
        for (long start = 0; start < rows; start += size) {
            parts.add(encode.apply(start, Math.min(rows, start + size)));
        }
        return NDArrays.concat(parts, 0);
    }
}
