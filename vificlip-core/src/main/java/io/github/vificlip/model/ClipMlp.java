/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual blocks' feed-forward part: {@code c_proj(QuickGELU(c_fc(x)))}, width → hidden →
 * width.
 *
 * <p>QuickGELU is x·sigmoid(1.702·x), the approximation CLIP was trained with (not erf-GELU): DJL's
 * swish with β = 1.702.
 */
public final class ClipMlp extends AbstractBlock {

    private static final byte VERSION = 1;

    /** QuickGELU's β: x·sigmoid(1.702·x). */
    static final float QUICK_GELU_BETA = 1.702f;

    private final int width;
    private final int hiddenWidth;
    private final Linear cFc;
    private final Linear cProj;

    /**
     * Creates the block.
     *
     * @param width the input and output width
     * @param hiddenWidth the hidden width (4 × width in CLIP)
     * @throws IllegalArgumentException if a width is not positive
     */
    ClipMlp(int width, int hiddenWidth) {
        super(VERSION);
        if (width <= 0 || hiddenWidth <= 0) {
            throw new IllegalArgumentException(
                    "The MLP needs positive widths, got width "
                            + width
                            + " and hidden width "
                            + hiddenWidth);
        }
        this.width = width;
        this.hiddenWidth = hiddenWidth;
        cFc = addChildBlock("c_fc", ClipLayers.linear(hiddenWidth));
        cProj = addChildBlock("c_proj", ClipLayers.linear(width));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray hidden = cFc.forward(parameterStore, inputs, training).singletonOrThrow();
        return cProj.forward(parameterStore, new NDList(quickGelu(hidden, training)), training);
    }

    /**
     * Returns x·sigmoid(1.702·x). Outside training the product goes in place into the gate: one
     * pass and one allocation fewer over the block's largest tensor. A training pass keeps the gate
     * intact, because sigmoid's backward reads it.
     */
    static NDArray quickGelu(NDArray x, boolean training) {
        NDArray gate;
        try (NDArray scaled = x.mul(Scalars.like(QUICK_GELU_BETA, x))) {
            gate = Activation.sigmoid(scaled);
        }
        return training ? gate.mul(x) : gate.muli(x);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        ClipLayers.initialize(cFc, manager, dataType, width);
        ClipLayers.initialize(cProj, manager, dataType, hiddenWidth);
    }
}
