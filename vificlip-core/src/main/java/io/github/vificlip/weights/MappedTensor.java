/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tensor of a file under its OpenAI CLIP name: the file's tensor renamed, or Hugging Face's
 * separate q/k/v projections packed into one, or a projection transposed; still lazy.
 */
final class MappedTensor implements LazyTensor {

    /** How the values of the file's tensors become this tensor's. */
    private interface Values {
        float[] load() throws IOException;
    }

    private final String name;
    private final Shape shape;
    private final DataType storedType;
    private final List<String> sourceNames;
    private final String conversion;
    private final Values values;

    private MappedTensor(
            String name,
            Shape shape,
            DataType storedType,
            List<String> sourceNames,
            String conversion,
            Values values) {
        this.name = name;
        this.shape = shape;
        this.storedType = storedType;
        this.sourceNames = List.copyOf(sourceNames);
        this.conversion = conversion;
        this.values = values;
    }

    /**
     * A file's tensor under another (or the same) name.
     *
     * @param name the OpenAI name
     * @param source the file's tensor
     * @param sourceName its name in the file, before any prefix was removed
     * @return the tensor
     */
    static MappedTensor renamed(String name, LazyTensor source, String sourceName) {
        return new MappedTensor(
                name, source.shape(), source.storedType(), List.of(sourceName), "", source::load);
    }

    /**
     * A matrix stored as its transpose (Hugging Face keeps projections as {@code nn.Linear}
     * weights, [out, in]; OpenAI applies them as x·P with P [in, out]).
     *
     * @param name the OpenAI name
     * @param source the file's 2-D tensor
     * @param sourceName its name in the file
     * @return the transposed tensor
     */
    static MappedTensor transposed(String name, LazyTensor source, String sourceName) {
        long rows = source.shape().get(0);
        long cols = source.shape().get(1);
        return new MappedTensor(
                name,
                new Shape(cols, rows),
                source.storedType(),
                List.of(sourceName),
                "transposed",
                () -> transpose(source.load(), (int) rows, (int) cols));
    }

    /**
     * Tensors of equal shape stacked along their first dimension, in the given order.
     *
     * @param name the OpenAI name
     * @param parts the file's tensors (q, k, v)
     * @param sourceNames their names in the file
     * @return the packed tensor
     */
    static MappedTensor packed(String name, List<LazyTensor> parts, List<String> sourceNames) {
        // Shape.getShape() returns the shape's own array: change a copy.
        long[] dims = parts.get(0).shape().getShape().clone();
        dims[0] *= parts.size();
        return new MappedTensor(
                name,
                new Shape(dims),
                parts.get(0).storedType(),
                sourceNames,
                "packed [Q;K;V]",
                () -> concatenate(parts));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DataType storedType() {
        return storedType;
    }

    /**
     * Returns the names in the file this tensor is made from.
     *
     * @return one name, or three for a packed projection
     */
    List<String> sourceNames() {
        return sourceNames;
    }

    /**
     * Says what was done besides renaming.
     *
     * @return empty, {@code "packed [Q;K;V]"} or {@code "transposed"}
     */
    String conversion() {
        return conversion;
    }

    @Override
    public float[] load() throws IOException {
        return values.load();
    }

    private static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    private static float[] concatenate(List<LazyTensor> parts) throws IOException {
        List<float[]> loaded = new ArrayList<>(parts.size());
        int total = 0;
        for (LazyTensor part : parts) {
            float[] values = part.load();
            loaded.add(values);
            total += values.length;
        }
        float[] out = new float[total];
        int offset = 0;
        for (float[] values : loaded) {
            System.arraycopy(values, 0, out, offset, values.length);
            offset += values.length;
        }
        return out;
    }
}
