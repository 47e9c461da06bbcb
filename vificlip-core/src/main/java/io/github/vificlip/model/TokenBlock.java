/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A block over token sequences, as DJL sees it: inputs {@code [x]} or {@code [x, mask]} with {@code
 * x} {@code [batch, length, width]} and an optional additive attention mask {@code [length,
 * length]}; output {@code [x']}, the shape of {@code x}. Subclasses implement {@link #transform}.
 */
abstract class TokenBlock extends AbstractBlock {

    /**
     * Creates a block of a parameter file version.
     *
     * @param version the version of the block's parameter files
     */
    TokenBlock(byte version) {
        super(version);
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
    public abstract NDArray transform(
            ParameterStore parameterStore, NDArray x, NDArray mask, boolean training);

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(transform(parameterStore, inputs.get(0), mask, training));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
