/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;

/**
 * A tensor described by a weights file whose values are read only when asked for, so that
 * inspecting a file, or reading a few tensors of it, never loads the rest.
 */
interface LazyTensor {

    /**
     * Returns the tensor's name.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the element type the file stores.
     *
     * @return the stored type
     */
    DataType storedType();

    /**
     * Returns the tensor's shape.
     *
     * @return the shape
     */
    Shape shape();

    /**
     * Reads the values, widened to fp32, in row-major order.
     *
     * @return {@code shape().size()} values
     * @throws IOException if the data cannot be read; the message names the file and tensor
     */
    float[] load() throws IOException;
}
