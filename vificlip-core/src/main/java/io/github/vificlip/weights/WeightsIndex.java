/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a weights file holds, read without loading any tensor data: its format and naming layout,
 * where the state dict sits in it, every tensor under its OpenAI name with shape and stored type,
 * and what was dropped or left out. {@link StateDicts#inspect(Path)} returns one; a {@link
 * StateDict} keeps one per file it read.
 *
 * @param file the file
 * @param fileSize its size in bytes
 * @param format its container format
 * @param layout its tensor naming layout
 * @param container where the tensors are in the file: empty for the whole file, {@code 'model'} for
 *     a checkpoint's entry, {@code module <class>} for a TorchScript archive
 * @param otherEntries checkpoint entries that were not read (optimizer, scheduler, config, ...)
 * @param tensors the tensors under OpenAI names, in file order
 * @param dropped the tensors that are not weights, with the reason
 */
public record WeightsIndex(
        Path file,
        long fileSize,
        WeightsFormat format,
        KeyLayout layout,
        String container,
        List<String> otherEntries,
        List<TensorInfo> tensors,
        List<DroppedTensor> dropped) {

    /**
     * Copies the lists.
     *
     * @param file the file
     * @param fileSize its size in bytes
     * @param format its container format
     * @param layout its tensor naming layout
     * @param container where the tensors are in the file
     * @param otherEntries checkpoint entries that were not read
     * @param tensors the tensors under OpenAI names
     * @param dropped the tensors that are not weights
     */
    public WeightsIndex {
        otherEntries = List.copyOf(otherEntries);
        tensors = List.copyOf(tensors);
        dropped = List.copyOf(dropped);
    }

    /**
     * Returns each tensor's shape under its OpenAI name.
     *
     * @return names and shapes in file order
     */
    public Map<String, Shape> shapes() {
        return TensorInfo.shapes(tensors);
    }

    /**
     * Returns the total number of elements of the tensors.
     *
     * @return the parameter count
     */
    public long parameterCount() {
        return TensorInfo.parameterCount(tensors);
    }

    /**
     * Reads the CLIP architecture from the tensors' shapes.
     *
     * @return the configuration, a preset when it equals one
     * @throws IllegalArgumentException naming the file and the absent or inconsistent tensors
     */
    public ClipConfig detectArchitecture() {
        return ClipArchitecture.detect(file.toString(), tensors);
    }
}
