/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of {@link ResidualAttentionBlock}s ({@code resblocks.0}, {@code resblocks.1}, …), the
 * {@code transformer} of both CLIP towers, with the deep-prompt extension point: before block i it
 * lets a {@link DeepPrompts} value replace its prompt rows.
 *
 * <p>Inputs: {@code [x]} or {@code [x, mask]}; output: {@code [x']}, same shape.
 */
public final class ClipTransformer extends TokenBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final List<ResidualAttentionBlock> blocks;

    /**
     * Creates the stack.
     *
     * @param width the width
     * @param layers the number of residual blocks
     * @param heads the number of attention heads; must divide the width
     * @param mlpRatio the MLP hidden width as a multiple of the width
     * @param layerNormEps the LayerNorm epsilon
     * @throws IllegalArgumentException if the number of layers is not positive or a block dimension
     *     is invalid
     */
    ClipTransformer(int width, int layers, int heads, int mlpRatio, float layerNormEps) {
        super(VERSION);
        if (layers <= 0) {
            throw new IllegalArgumentException(
                    "The transformer needs at least one layer, got " + layers);
        }
        this.width = width;
        List<ResidualAttentionBlock> list = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            list.add(
                    addChildBlock(
                            "resblocks." + i,
                            new ResidualAttentionBlock(width, heads, mlpRatio, layerNormEps)));
        }
        blocks = Collections.unmodifiableList(list);
    }

    /**
     * Returns the number of residual blocks.
     *
     * @return the number of layers
     */
    public int getLayers() {
        return blocks.size();
    }

    /**
     * Runs every block, without prompts.
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
        return transform(parameterStore, x, mask, DeepPrompts.none(), training);
    }

    /**
     * Runs every block, replacing prompt rows before blocks 1..d−1 as {@code deepPrompts} says.
     *
     * @param parameterStore the parameter store
     * @param x the input {@code [batch, length, width]}
     * @param mask an additive attention mask {@code [length, length]}, or {@code null}
     * @param deepPrompts the deep prompts; {@link DeepPrompts#none()} for plain CLIP
     * @param training whether this is a training pass
     * @return the output, same shape as {@code x}
     * @throws IllegalArgumentException if the prompts are deeper than this transformer
     */
    public NDArray transform(
            ParameterStore parameterStore,
            NDArray x,
            NDArray mask,
            DeepPrompts deepPrompts,
            boolean training) {
        if (deepPrompts.depth() > blocks.size()) {
            throw new IllegalArgumentException(
                    "Prompt depth "
                            + deepPrompts.depth()
                            + " exceeds the transformer's "
                            + blocks.size()
                            + " layers");
        }
        for (int i = 0; i < blocks.size(); i++) {
            // Each block's intermediates live in a scope of their own and are freed as soon as
            // the block is done (autograd keeps what backward needs), so memory holds one block's
            // activations, not the whole stack's.
            NDManager outer = x.getManager();
            try (NDManager scope = outer.newSubManager()) {
                scope.tempAttachAll(x);
                NDArray y =
                        blocks.get(i)
                                .transform(parameterStore, deepPrompts.apply(i, x), mask, training);
                y.attach(outer);
                x = y;
            }
        }
        return x;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        for (ResidualAttentionBlock block : blocks) {
            block.initialize(manager, dataType, new Shape(1, 1, width));
        }
    }
}
