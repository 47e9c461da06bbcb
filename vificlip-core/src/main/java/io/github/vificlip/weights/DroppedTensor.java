/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A tensor of a weights file that is deliberately not part of the state dict, and why: Hugging
 * Face's {@code position_ids}, the three scalar attributes of OpenAI's TorchScript files, and
 * ViFi-CLIP's prompt buffers that are rebuilt for the current class names.
 *
 * @param sourceName the tensor's name in the file
 * @param shape its shape
 * @param storedType its element type in the file
 * @param reason why it is not a weight to load
 */
public record DroppedTensor(String sourceName, Shape shape, DataType storedType, String reason) {

    /**
     * Returns the stored element type's short name, as safetensors spells it.
     *
     * @return {@code F32}, {@code I64}, ...
     */
    public String storedTypeName() {
        return StoredTypes.label(storedType);
    }
}
