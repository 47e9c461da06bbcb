/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a tensor of a {@link StateDict} comes from and how it was stored: its OpenAI CLIP name and
 * shape, the element type in the file (the array itself is always fp32), the file and its format,
 * and the name or names it had there.
 *
 * @param name the OpenAI CLIP name, for example {@code
 *     visual.transformer.resblocks.0.attn.in_proj_weight}
 * @param shape the shape, in OpenAI's convention
 * @param storedType the element type in the file ({@link DataType#FLOAT16} for OpenAI's releases)
 * @param file the file it was read from
 * @param format the file's format
 * @param sourceNames the names in the file: one, or the three of a packed q/k/v projection
 * @param conversion what was done besides renaming and widening: empty, {@code "packed [Q;K;V]"} or
 *     {@code "transposed"}
 */
public record TensorInfo(
        String name,
        Shape shape,
        DataType storedType,
        Path file,
        WeightsFormat format,
        List<String> sourceNames,
        String conversion) {

    /**
     * Copies the list of source names.
     *
     * @param name the OpenAI CLIP name
     * @param shape the shape
     * @param storedType the element type in the file
     * @param file the file it was read from
     * @param format the file's format
     * @param sourceNames the names in the file
     * @param conversion what was done besides renaming and widening
     * @throws NullPointerException if any component is null
     */
    public TensorInfo {
        sourceNames = List.copyOf(sourceNames);
        if (name == null || shape == null || storedType == null || conversion == null) {
            throw new NullPointerException("TensorInfo components must not be null");
        }
    }

    /**
     * Returns the number of elements.
     *
     * @return the product of the shape's sizes
     */
    public long size() {
        return shape.size();
    }

    /**
     * Returns the stored element type's short name, as safetensors spells it.
     *
     * @return {@code F32}, {@code F16}, {@code BF16}, {@code F64}, {@code I64}, ...
     */
    public String storedTypeName() {
        return StoredTypes.label(storedType);
    }

    /**
     * Returns whether the tensor had another name in the file or was converted.
     *
     * @return true if it was renamed, packed or transposed
     */
    public boolean isConverted() {
        return !conversion.isEmpty() || sourceNames.size() != 1 || !sourceNames.get(0).equals(name);
    }

    /**
     * Returns each tensor's shape under its name: the table {@link StateDict#shapes()} and {@link
     * WeightsIndex#shapes()} give.
     *
     * @param tensors the tensors' descriptions
     * @return names and shapes in the tensors' order
     */
    static Map<String, Shape> shapes(Collection<TensorInfo> tensors) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (TensorInfo info : tensors) {
            shapes.put(info.name(), info.shape());
        }
        return Collections.unmodifiableMap(shapes);
    }

    /**
     * Returns the total number of elements of some tensors.
     *
     * @param tensors the tensors' descriptions
     * @return the parameter count
     */
    static long parameterCount(Collection<TensorInfo> tensors) {
        return tensors.stream().mapToLong(TensorInfo::size).sum();
    }
}
