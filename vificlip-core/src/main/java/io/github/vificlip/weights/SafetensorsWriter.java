/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes tensors to a safetensors file, fp32 or fp16, atomically: the data go to a temporary file
 * in the target's folder, which is flushed to disk and then renamed over the target, so a crash
 * never leaves a half-written file and an existing file is replaced only by a complete one.
 *
 * <pre>{@code
 * SafetensorsWriter.builder().optDataType(DataType.FLOAT16).build()
 *         .write(Path.of("vifi_clip_k400.safetensors"), stateDict);
 * }</pre>
 *
 * <p>Tensors are written in the map's order, contiguously, after a JSON header padded with spaces
 * to a multiple of 8 bytes, as the reference implementation writes them; {@code __metadata__}
 * carries {@code "format": "pt"} so that {@code safetensors.torch.load_file} accepts the file, the
 * SHA-256 of the data section under {@code vificlip.sha256} ({@link SafetensorsChecksum} checks
 * it), plus any entries given to the builder. The file gets the process's normal file mode.
 */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK_ELEMENTS = 1 << 18;

    private final DataType dataType;
    private final Map<String, String> metadata;

    private SafetensorsWriter(Builder builder) {
        this.dataType = builder.dataType;
        this.metadata = new LinkedHashMap<>(builder.metadata);
    }

    /**
     * Returns a builder; by default the writer writes F32 with no extra metadata.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes a state dict, recording the files and formats it was read from in the metadata ({@code
     * vificlip.sources}).
     *
     * @param file the target, replaced if it exists
     * @param stateDict the tensors
     * @throws IOException if the file cannot be written; the target is then untouched
     */
    public void write(Path file, StateDict stateDict) throws IOException {
        List<String> sources = new ArrayList<>();
        for (WeightsIndex source : stateDict.sources()) {
            sources.add(source.file().getFileName() + " (" + source.format().description() + ")");
        }
        Map<String, String> withSources = new LinkedHashMap<>();
        withSources.put("vificlip.sources", String.join(", ", sources));
        write(file, stateDict.tensors(), withSources);
    }

    /**
     * Writes tensors under their map keys.
     *
     * @param file the target, replaced if it exists
     * @param tensors the tensors, of any floating-point or integer type (converted to this writer's
     *     type)
     * @throws IOException if the file cannot be written; the target is then untouched
     * @throws IllegalArgumentException if a name is empty
     */
    public void write(Path file, Map<String, NDArray> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    private void write(Path file, Map<String, NDArray> tensors, Map<String, String> extra)
            throws IOException {
        Map<String, String> withChecksum = new LinkedHashMap<>(extra);
        withChecksum.put(SafetensorsChecksum.KEY, SafetensorsChecksum.PLACEHOLDER);
        byte[] header = header(tensors, withChecksum);
        MessageDigest digest = SafetensorsChecksum.newDigest();
        try (AtomicFile target = AtomicFile.create(file)) {
            FileChannel out = target.channel();
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            writeFully(out, length.putLong(header.length).flip());
            writeFully(out, ByteBuffer.wrap(header));
            for (Map.Entry<String, NDArray> entry : tensors.entrySet()) {
                writeData(out, digest, entry.getKey(), entry.getValue());
            }
            byte[] checksum = SafetensorsChecksum.hex(digest).getBytes(StandardCharsets.US_ASCII);
            out.write(ByteBuffer.wrap(checksum), 8 + placeholderOffset(header));
            target.commit();
        }
    }

    /** Where the checksum's placeholder value starts in the header. */
    private static int placeholderOffset(byte[] header) {
        byte[] needle =
                ("\"" + SafetensorsChecksum.KEY + "\":\"" + SafetensorsChecksum.PLACEHOLDER)
                        .getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= header.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (header[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length - SafetensorsChecksum.PLACEHOLDER.length();
        }
        throw new IllegalStateException("The header lost its checksum entry");
    }

    private byte[] header(Map<String, NDArray> tensors, Map<String, String> extra)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("__metadata__");
        meta.put("format", "pt");
        metadata.forEach(meta::put);
        extra.forEach(meta::put);
        int elementBytes = StoredTypes.bytes(dataType);
        long offset = 0;
        for (Map.Entry<String, NDArray> entry : tensors.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isEmpty()) {
                throw new IllegalArgumentException("A tensor name is empty");
            }
            long[] shape = entry.getValue().getShape().getShape();
            long bytes = entry.getValue().size() * elementBytes;
            ObjectNode node = root.putObject(entry.getKey());
            node.put("dtype", StoredTypes.label(dataType));
            ArrayNode dims = node.putArray("shape");
            for (long dim : shape) {
                dims.add(dim);
            }
            node.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(root);
        int padded = (json.length + 8 + 7) / 8 * 8 - 8;
        byte[] header = new byte[padded];
        System.arraycopy(json, 0, header, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            header[i] = ' ';
        }
        return header;
    }

    private void writeData(FileChannel out, MessageDigest digest, String name, NDArray array)
            throws IOException {
        float[] values = floats(name, array);
        int elementBytes = StoredTypes.bytes(dataType);
        ByteBuffer chunk =
                ByteBuffer.allocate(Math.min(values.length, CHUNK_ELEMENTS) * elementBytes)
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < values.length; start += CHUNK_ELEMENTS) {
            int end = Math.min(values.length, start + CHUNK_ELEMENTS);
            chunk.clear();
            if (dataType == DataType.FLOAT16) {
                for (int i = start; i < end; i++) {
                    chunk.putShort(HalfFloats.toHalf(values[i]));
                }
            } else {
                chunk.asFloatBuffer().put(values, start, end - start);
                chunk.position((end - start) * elementBytes);
            }
            chunk.flip();
            digest.update(chunk.duplicate());
            writeFully(out, chunk);
        }
    }

    private static float[] floats(String name, NDArray array) {
        DataType type = array.getDataType();
        if (type == DataType.FLOAT32) {
            return array.toFloatArray();
        }
        if (!type.isFloating() && !type.isInteger()) {
            throw new IllegalArgumentException(
                    "Tensor '" + name + "' is " + type + ", not a number type");
        }
        try (NDArray converted = array.toType(DataType.FLOAT32, false)) {
            return converted.toFloatArray();
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Configures a {@link SafetensorsWriter}. */
    public static final class Builder {

        private DataType dataType = DataType.FLOAT32;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        Builder() {}

        /**
         * Sets the element type written: {@link DataType#FLOAT32} (the default, exact) or {@link
         * DataType#FLOAT16} (half the size, rounded to nearest even, as PyTorch's {@code .half()}).
         *
         * @param dataType the type
         * @return this builder
         */
        public Builder optDataType(DataType dataType) {
            this.dataType = dataType;
            return this;
        }

        /**
         * Adds an entry to the file's {@code __metadata__}.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder optMetadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /**
         * Builds the writer.
         *
         * @return the writer
         * @throws IllegalArgumentException if the type is neither FLOAT32 nor FLOAT16, or a
         *     metadata key is empty, {@code format} or {@code vificlip.sha256}
         */
        public SafetensorsWriter build() {
            if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT16) {
                throw new IllegalArgumentException(
                        "SafetensorsWriter writes FLOAT32 or FLOAT16, not " + dataType);
            }
            for (String key : metadata.keySet()) {
                if (key == null
                        || key.isEmpty()
                        || key.equals("format")
                        || key.equals(SafetensorsChecksum.KEY)) {
                    throw new IllegalArgumentException(
                            "Metadata key '" + key + "' is reserved or empty");
                }
            }
            return new SafetensorsWriter(this);
        }
    }
}
