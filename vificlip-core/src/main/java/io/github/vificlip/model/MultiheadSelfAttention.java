/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Multi-head self-attention with PyTorch's {@code nn.MultiheadAttention} parameter layout, on
 * batch-first input {@code [batch, length, width]}.
 *
 * <p>One packed in-projection, {@code in_proj_weight} {@code [3w, w]} and {@code in_proj_bias}
 * {@code [3w]}, whose rows 0..w−1 give Q, w..2w−1 give K and 2w..3w−1 give V; Q is scaled by
 * 1/√head_dim before the softmax; an optional additive mask {@code [length, length]} (the text
 * tower's causal mask) is added to the scores; the heads are concatenated and go through {@code
 * out_proj}. There is no dropout.
 *
 * <p>Inputs: {@code [x]} or {@code [x, mask]}; output: {@code [y]} with the shape of {@code x}.
 */
public final class MultiheadSelfAttention extends TokenBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final float scale;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final Linear outProj;

    /**
     * Creates the block.
     *
     * @param width the model width (the size of each token's vector)
     * @param heads the number of attention heads; must divide the width
     * @throws IllegalArgumentException if the width or heads are not positive, or the heads do not
     *     divide the width
     */
    MultiheadSelfAttention(int width, int heads) {
        super(VERSION);
        if (width <= 0 || heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException(
                    "Attention needs a positive width divisible by a positive number of heads,"
                            + " got width "
                            + width
                            + " and heads "
                            + heads);
        }
        this.width = width;
        this.heads = heads;
        scale = (float) (1 / Math.sqrt((double) width / heads));
        inProjWeight =
                addParameter(
                        Parameter.builder()
                                .setName("in_proj_weight")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(3L * width, width))
                                .build());
        inProjBias =
                addParameter(
                        Parameter.builder()
                                .setName("in_proj_bias")
                                .setType(Parameter.Type.BIAS)
                                .optShape(new Shape(3L * width))
                                .build());
        outProj = addChildBlock("out_proj", ClipLayers.linear(width));
    }

    /**
     * Attends over {@code x}.
     *
     * @param parameterStore the parameter store
     * @param x the input {@code [batch, length, width]}
     * @param mask an additive mask {@code [length, length]}, or {@code null} for none
     * @param training whether this is a training pass
     * @return the output {@code [batch, length, width]}
     */
    @Override
    public NDArray transform(
            ParameterStore parameterStore, NDArray x, NDArray mask, boolean training) {
        Device device = x.getDevice();
        NDArray weight = parameterStore.getValue(inProjWeight, device, training);
        NDArray bias = parameterStore.getValue(inProjBias, device, training);
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        NDArray qkv =
                Linear.linear(x, weight, bias)
                        .singletonOrThrow()
                        .reshape(batch, length, 3, heads, width / heads)
                        .transpose(2, 0, 3, 1, 4); // [3, batch, heads, length, head_dim]
        NDArray q = qkv.get(0).mul(Scalars.like(scale, qkv));
        NDArray scores = q.matMul(qkv.get(1).swapAxes(2, 3));
        if (mask != null) {
            scores.addi(mask); // in place: the product's backward needs only q and k
        }
        NDArray attended =
                scores.softmax(-1)
                        .matMul(qkv.get(2))
                        .transpose(0, 2, 1, 3)
                        .reshape(batch, length, width);
        return outProj.forward(parameterStore, new NDList(attended), training).singletonOrThrow();
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        ClipLayers.initialize(outProj, manager, dataType, width);
    }
}
