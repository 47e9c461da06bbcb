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
import java.util.Map;

/**
 * The DJL layers the CLIP blocks are made of, created and named the CLIP way: LayerNorm over the
 * last axis with CLIP's epsilon, {@link Linear} with PyTorch's [out, in] weight, and the mapping of
 * their DJL parameter names ({@code gamma}/{@code beta}, {@code weight}/{@code bias}) to PyTorch's
 * ({@code weight}/{@code bias}).
 */
final class ClipLayers {

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

    /** Puts a LayerNorm's parameters under {@code prefix + "weight"} and {@code "bias"}. */
    static void putLayerNorm(Map<String, Parameter> into, String prefix, LayerNorm norm) {
        put(into, prefix + "weight", norm, "gamma");
        put(into, prefix + "bias", norm, "beta");
    }

    /** Puts a linear layer's parameters under {@code prefix + "weight"} and {@code "bias"}. */
    static void putLinear(Map<String, Parameter> into, String prefix, Linear linear) {
        put(into, prefix + "weight", linear, "weight");
        put(into, prefix + "bias", linear, "bias");
    }

    /** Puts every entry of {@code from} into {@code into}, prefixing its name. */
    static void putAll(Map<String, Parameter> into, String prefix, Map<String, Parameter> from) {
        from.forEach((name, parameter) -> into.put(prefix + name, parameter));
    }

    private static void put(Map<String, Parameter> into, String name, Block block, String djl) {
        into.put(name, block.getDirectParameters().get(djl));
    }
}
