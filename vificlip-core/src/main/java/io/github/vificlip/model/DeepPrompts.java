/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Deep prompts (IVLP-style, as in the reference's {@code clip/model.py}): fresh prompt tokens that
 * replace a fixed run of rows of the hidden state before transformer blocks 1..d−1, the same for
 * every item of the batch.
 *
 * <p>Prompt depth d means: layer 0 gets the shallow prompt (which the tower puts into its input
 * sequence), blocks 1..d−1 each get their own {@code [n, width]} tensor from this value, and blocks
 * ≥ d replace nothing, so the prompt rows carry the previous block's outputs onwards. Where the
 * rows are differs by tower:
 *
 * <ul>
 *   <li>{@link #replacingLast(List)}: the vision tower appends its shallow prompts after the class
 *       and patch tokens, so deep prompts replace the <em>last</em> n rows;
 *   <li>{@link #replacingAfterStart(List)}: learned text context sits right after the start token,
 *       so deep prompts replace rows 1..n.
 * </ul>
 *
 * <p>The tensors are typically parameters of a prompt learner; the replacement is differentiable,
 * so gradients reach them. Instances only hold references: the caller owns the arrays.
 */
public final class DeepPrompts {

    private static final DeepPrompts NONE = new DeepPrompts(true, List.of());

    private final boolean atEnd;
    private final List<NDArray> prompts;

    private DeepPrompts(boolean atEnd, List<NDArray> prompts) {
        this.atEnd = atEnd;
        this.prompts = List.copyOf(prompts);
        for (int i = 0; i < this.prompts.size(); i++) {
            Shape shape = this.prompts.get(i).getShape();
            if (shape.dimension() != 2 || !shape.equals(this.prompts.get(0).getShape())) {
                throw new IllegalArgumentException(
                        "Deep prompts must all be [n, width] with the same shape; prompt for block "
                                + (i + 1)
                                + " is "
                                + shape
                                + ", block 1's is "
                                + this.prompts.get(0).getShape());
            }
        }
    }

    /**
     * Returns the value that replaces nothing (plain CLIP).
     *
     * @return an empty value
     */
    public static DeepPrompts none() {
        return NONE;
    }

    /**
     * Returns vision-style deep prompts, replacing the last n rows.
     *
     * @param prompts the {@code [n, width]} prompts for blocks 1, 2, … (element i goes to block i +
     *     1); an empty list replaces nothing
     * @return the value
     * @throws IllegalArgumentException if the prompts are not all 2-D with one shape
     */
    public static DeepPrompts replacingLast(List<NDArray> prompts) {
        return new DeepPrompts(true, prompts);
    }

    /**
     * Returns text-style deep prompts, replacing rows 1..n (after the start token).
     *
     * @param prompts the {@code [n, width]} prompts for blocks 1, 2, … (element i goes to block i +
     *     1); an empty list replaces nothing
     * @return the value
     * @throws IllegalArgumentException if the prompts are not all 2-D with one shape
     */
    public static DeepPrompts replacingAfterStart(List<NDArray> prompts) {
        return new DeepPrompts(false, prompts);
    }

    /**
     * Returns the prompt depth these prompts give: 1 (layer 0 only) plus the number of blocks that
     * get deep prompts.
     *
     * @return {@code 1 + number of deep prompt tensors}
     */
    public int depth() {
        return prompts.size() + 1;
    }

    /**
     * Returns the deep prompt tensors, block 1 first.
     *
     * @return an unmodifiable list
     */
    public List<NDArray> prompts() {
        return prompts;
    }

    /**
     * Returns the hidden state that block {@code block} should see: {@code x} itself when this
     * value has no prompt for that block, otherwise {@code x} with the prompt rows replaced.
     *
     * @param block the index of the block about to run (0-based)
     * @param x the hidden state {@code [batch, length, width]}
     * @return the hidden state, attached to {@code x}'s manager
     * @throws IllegalArgumentException if the prompt does not fit {@code x}
     */
    public NDArray apply(int block, NDArray x) {
        if (block < 1 || block > prompts.size()) {
            return x;
        }
        NDArray prompt = prompts.get(block - 1);
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        long width = shape.get(2);
        long n = prompt.getShape().get(0);
        long start = atEnd ? length - n : 1;
        if (prompt.getShape().get(1) != width || start < (atEnd ? 0 : 1) || start + n > length) {
            throw new IllegalArgumentException(
                    "Deep prompt for block "
                            + block
                            + " has shape "
                            + prompt.getShape()
                            + " and does not fit a hidden state of shape "
                            + shape);
        }
        NDArray rows = Scopes.lift(prompt, x).expandDims(0).broadcast(batch, n, width);
        NDList parts = new NDList(3);
        if (start > 0) {
            parts.add(x.get(":, :{}", start));
        }
        parts.add(rows);
        if (start + n < length) {
            parts.add(x.get(":, {}:", start + n));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }
}
