/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A safetensors file exactly as stored: tensors under their own names (no key-layout conversion,
 * unlike {@link StateDicts#read}) and the header's {@code __metadata__}. Checkpoints use it, since
 * they keep optimizer moments and run state beside the weights.
 *
 * @param tensors fp32 arrays by stored name, in file order
 * @param metadata the {@code __metadata__} entries
 */
public record SafetensorsContent(Map<String, NDArray> tensors, Map<String, String> metadata) {

    /**
     * Reads the header's {@code __metadata__} entries of a safetensors file, and no tensor data.
     *
     * @param file the file
     * @return the metadata entries, in file order
     * @throws IOException if the file cannot be read or is not valid safetensors; the message names
     *     the file and what was wrong
     */
    public static Map<String, String> metadata(Path file) throws IOException {
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(reader.metadata()));
        }
    }

    /**
     * Reads a whole safetensors file.
     *
     * @param file the file
     * @param manager the manager that owns the returned arrays
     * @return the tensors (widened to fp32) and metadata
     * @throws IOException if the file cannot be read or is not valid safetensors; the message names
     *     the file and what was wrong
     */
    public static SafetensorsContent read(Path file, NDManager manager) throws IOException {
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (LazyTensor tensor : reader.tensors()) {
                tensors.put(tensor.name(), manager.create(tensor.load(), tensor.shape()));
            }
            return new SafetensorsContent(
                    Collections.unmodifiableMap(tensors), Map.copyOf(reader.metadata()));
        }
    }
}
