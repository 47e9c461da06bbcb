/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * CLIP's pre-LN residual block, the same in both towers:
 *
 * <pre>
 * x = x + attn(ln_1(x))
 * x = x + mlp(ln_2(x))
 * </pre>
 *
 * <p>Inputs: {@code [x]} or {@code [x, mask]} with {@code x} {@code [batch, length, width]} and an
 * optional additive attention mask {@code [length, length]}; output: {@code [x']}, same shape.
 */
public final class ResidualAttentionBlock extends TokenBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final LayerNorm ln1;
    private final MultiheadSelfAttention attn;
    private final LayerNorm ln2;
    private final ClipMlp mlp;

    /**
     * Creates the block.
     *
     * @param width the width
     * @param heads the number of attention heads; must divide the width
     * @param mlpRatio the MLP hidden width as a multiple of the width (4 in CLIP)
     * @param layerNormEps the LayerNorm epsilon (1e-5 in CLIP)
     * @throws IllegalArgumentException if a dimension is invalid
     */
    ResidualAttentionBlock(int width, int heads, int mlpRatio, float layerNormEps) {
        super(VERSION);
        if (mlpRatio <= 0 || !(layerNormEps > 0)) {
            throw new IllegalArgumentException(
                    "The residual block needs a positive MLP ratio and LayerNorm epsilon, got "
                            + mlpRatio
                            + " and "
                            + layerNormEps);
        }
        this.width = width;
        ln1 = addChildBlock("ln_1", ClipLayers.layerNorm(layerNormEps));
        attn = addChildBlock("attn", new MultiheadSelfAttention(width, heads));
        ln2 = addChildBlock("ln_2", ClipLayers.layerNorm(layerNormEps));
        mlp = addChildBlock("mlp", new ClipMlp(width, mlpRatio * width));
    }

    /**
     * Runs the block.
     *
     * @param parameterStore the parameter store
     * @param x the input {@code [batch, length, width]}
     * @param mask an additive attention mask {@code [length, length]}, or {@code null}
     * @param training whether this is a training pass
     * @return the output, same shape as {@code x}
     */
    @Override
    public NDArray transform(
            ParameterStore parameterStore, NDArray x, NDArray mask, boolean training) {
        // The residual sums go in place into the branch outputs: a linear layer's backward needs
        // its input and weight, never its output, so this saves two allocations per block.
        NDArray normed = ln1.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        x = attn.transform(parameterStore, normed, mask, training).addi(x);
        normed = ln2.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        return mlp.forward(parameterStore, new NDList(normed), training).singletonOrThrow().addi(x);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = new Shape(1, 1, width);
        ClipLayers.initialize(ln1, manager, dataType, width);
        attn.initialize(manager, dataType, tokens);
        ClipLayers.initialize(ln2, manager, dataType, width);
        mlp.initialize(manager, dataType, tokens);
    }
}
