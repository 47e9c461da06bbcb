/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DJL layers the CLIP blocks are made of, created and named the CLIP way: LayerNorm over the
 * last axis with CLIP's epsilon, {@link Linear} with PyTorch's [out, in] weight, and the one place
 * their DJL parameter names become PyTorch's ({@link #pytorchNames(Block)}).
 */
final class ClipLayers {

    /** DJL's parameter names that PyTorch spells differently. */
    private static final Map<String, String> PYTORCH_NAMES =
            Map.of("gamma", "weight", "beta", "bias", "token_embedding", "token_embedding.weight");

    private ClipLayers() {}

    /**
     * Returns a LayerNorm over the last axis of its input.
     *
     * <p>All arithmetic here is fp32, which is what CLIP's fp16-safe {@code LayerNorm} subclass
     * does by casting up.
     */
    static LayerNorm layerNorm(float eps) {
        return LayerNorm.builder().axis(2).optEpsilon(eps).build();
    }

    /** Initialises a LayerNorm built by {@link #layerNorm(float)} for inputs [..., width]. */
    static void initialize(LayerNorm norm, NDManager manager, DataType dataType, long width) {
        norm.initialize(manager, dataType, new Shape(1, 1, width));
    }

    /** Returns a linear layer with a bias and {@code units} outputs. */
    static Linear linear(long units) {
        return Linear.builder().setUnits(units).optBias(true).build();
    }

    /** Initialises a linear layer for inputs [..., inputs]. */
    static void initialize(Linear linear, NDManager manager, DataType dataType, long inputs) {
        linear.initialize(manager, dataType, new Shape(1, 1, inputs));
    }

    /** Returns a weight parameter of a known shape. */
    static Parameter weight(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .build();
    }

    /**
     * Returns a block's parameters under PyTorch's names, derived from the DJL tree: a parameter is
     * named by the path of child-block names above it, joined by dots, then its own name, with
     * DJL's spellings turned into PyTorch's ({@code gamma}/{@code beta} → {@code weight}/{@code
     * bias}; the text tower's {@code token_embedding} is an {@code nn.Embedding}, so {@code
     * token_embedding.weight}). Direct parameters come first, then each child's, in DJL's order.
     *
     * @param block the block
     * @return an unmodifiable name → parameter map
     */
    static Map<String, Parameter> pytorchNames(Block block) {
        Map<String, Parameter> named = new LinkedHashMap<>();
        putNamed(named, "", block);
        return Collections.unmodifiableMap(named);
    }

    private static void putNamed(Map<String, Parameter> into, String prefix, Block block) {
        for (Pair<String, Parameter> parameter : block.getDirectParameters()) {
            String name = parameter.getKey();
            into.put(prefix + PYTORCH_NAMES.getOrDefault(name, name), parameter.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            // DJL numbers its children ("01ln_1"); no PyTorch module name starts with a digit.
            String name = child.getKey().replaceFirst("^\\d+", "");
            putNamed(into, prefix + name + ".", child.getValue());
        }
    }
}
