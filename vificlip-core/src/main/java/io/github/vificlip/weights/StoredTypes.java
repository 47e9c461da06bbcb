/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;

/**
 * The element types weights files store, their names in safetensors headers and in PyTorch's
 * storage classes, and their decoding to fp32.
 */
final class StoredTypes {

    /** Safetensors dtype names, which this library also uses to display types. */
    private static final Map<String, DataType> SAFETENSORS =
            Map.of(
                    "F64", DataType.FLOAT64,
                    "F32", DataType.FLOAT32,
                    "F16", DataType.FLOAT16,
                    "BF16", DataType.BFLOAT16,
                    "I64", DataType.INT64,
                    "I32", DataType.INT32,
                    "I16", DataType.INT16,
                    "I8", DataType.INT8,
                    "U8", DataType.UINT8,
                    "BOOL", DataType.BOOLEAN);

    /**
     * PyTorch storage classes ({@code torch.FloatStorage}, ...): {@code torch.save} pickles the
     * class, TorchScript writes {@code toString(scalar_type) + "Storage"}; both give these names.
     */
    private static final Map<String, DataType> TORCH_STORAGES =
            Map.ofEntries(
                    Map.entry("DoubleStorage", DataType.FLOAT64),
                    Map.entry("FloatStorage", DataType.FLOAT32),
                    Map.entry("HalfStorage", DataType.FLOAT16),
                    Map.entry("BFloat16Storage", DataType.BFLOAT16),
                    Map.entry("LongStorage", DataType.INT64),
                    Map.entry("IntStorage", DataType.INT32),
                    Map.entry("ShortStorage", DataType.INT16),
                    Map.entry("CharStorage", DataType.INT8),
                    Map.entry("ByteStorage", DataType.UINT8),
                    Map.entry("BoolStorage", DataType.BOOLEAN),
                    Map.entry("UntypedStorage", DataType.UINT8));

    /** The names accepted, for error messages. */
    static final String SUPPORTED = "F64, F32, F16, BF16, I64, I32, I16, I8, U8, BOOL";

    private static final int CHUNK_ELEMENTS = 1 << 18;

    private StoredTypes() {}

    /**
     * Returns the type a safetensors dtype name stands for.
     *
     * @param name the header's dtype, for example {@code "BF16"}
     * @return the type, or {@link DataType#UNKNOWN} if this library cannot read it
     */
    static DataType fromSafetensors(String name) {
        return SAFETENSORS.getOrDefault(name, DataType.UNKNOWN);
    }

    /**
     * Returns the element type of a PyTorch storage class.
     *
     * @param storageClass the class name without its module, for example {@code "HalfStorage"}
     * @return the type, or {@link DataType#UNKNOWN} for storages this library cannot read (complex,
     *     quantized, float8)
     */
    static DataType fromTorchStorage(String storageClass) {
        return TORCH_STORAGES.getOrDefault(storageClass, DataType.UNKNOWN);
    }

    /**
     * Returns the short display name of a type: the safetensors name ({@code F32}, {@code BF16},
     * ...).
     *
     * @param type the type
     * @return its name
     */
    static String label(DataType type) {
        for (Map.Entry<String, DataType> entry : SAFETENSORS.entrySet()) {
            if (entry.getValue() == type) {
                return entry.getKey();
            }
        }
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns whether values of this type can be decoded.
     *
     * @param type the type
     * @return true for the types listed in {@link #SUPPORTED}
     */
    static boolean isSupported(DataType type) {
        return SAFETENSORS.containsValue(type);
    }

    /**
     * Returns the size of one element.
     *
     * @param type a supported type
     * @return bytes per element
     */
    static int bytes(DataType type) {
        switch (type) {
            case FLOAT64:
            case INT64:
                return 8;
            case FLOAT32:
            case INT32:
                return 4;
            case FLOAT16:
            case BFLOAT16:
            case INT16:
                return 2;
            case INT8:
            case UINT8:
            case BOOLEAN:
                return 1;
            default:
                throw new IllegalArgumentException("Unsupported element type " + type);
        }
    }

    /**
     * Reads {@code count} elements from a stream and widens them to fp32, in chunks so that large
     * tensors never need a second full-size buffer.
     *
     * @param type the stored type
     * @param order the byte order of the stored data
     * @param in the data, positioned at the first element
     * @param count the number of elements
     * @return the values
     * @throws EOFException if the stream ends before {@code count} elements
     * @throws IOException if reading fails
     */
    static float[] read(DataType type, ByteOrder order, InputStream in, int count)
            throws IOException {
        int size = bytes(type);
        float[] values = new float[count];
        byte[] chunk = new byte[Math.min(count, CHUNK_ELEMENTS) * size];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(order);
        for (int done = 0; done < count; ) {
            int n = Math.min(count - done, CHUNK_ELEMENTS);
            int read = in.readNBytes(chunk, 0, n * size);
            if (read < n * size) {
                throw new EOFException(
                        "data ends after " + (done + read / size) + " of " + count + " elements");
            }
            buffer.clear();
            decode(type, buffer, values, done, n);
            done += n;
        }
        return values;
    }

    /**
     * Widens {@code count} elements from a buffer (positioned, with its byte order set) into {@code
     * values[offset..]}.
     */
    private static void decode(
            DataType type, ByteBuffer in, float[] values, int offset, int count) {
        int end = offset + count;
        switch (type) {
            case FLOAT32:
                in.asFloatBuffer().get(values, offset, count);
                break;
            case FLOAT16:
                for (int i = offset; i < end; i++) {
                    values[i] = HalfFloats.fromHalf(in.getShort());
                }
                break;
            case BFLOAT16:
                for (int i = offset; i < end; i++) {
                    values[i] = HalfFloats.fromBfloat16(in.getShort());
                }
                break;
            case FLOAT64:
                for (int i = offset; i < end; i++) {
                    values[i] = (float) in.getDouble();
                }
                break;
            case INT64:
                for (int i = offset; i < end; i++) {
                    values[i] = in.getLong();
                }
                break;
            case INT32:
                for (int i = offset; i < end; i++) {
                    values[i] = in.getInt();
                }
                break;
            case INT16:
                for (int i = offset; i < end; i++) {
                    values[i] = in.getShort();
                }
                break;
            case INT8:
                for (int i = offset; i < end; i++) {
                    values[i] = in.get();
                }
                break;
            case UINT8:
            case BOOLEAN:
                for (int i = offset; i < end; i++) {
                    values[i] = in.get() & 0xff;
                }
                break;
            default:
                throw new IllegalArgumentException("Unsupported element type " + type);
        }
    }
}
