/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data. Tensors are read one at a
 * time with positional reads, so files of any size work; F16, BF16, F64 and integer tensors are
 * widened to fp32 here, in Java.
 */
final class SafetensorsReader implements ContainerReader {

    /** The largest header the reference implementation accepts. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final List<LazyTensor> tensors = new ArrayList<>();
    private final Map<String, String> metadata = new java.util.LinkedHashMap<>();

    private SafetensorsReader(Path file, FileChannel channel, long dataStart) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
    }

    /**
     * Opens a file and checks its header against its size.
     *
     * @param file a safetensors file
     * @return the reader
     * @throws WeightsException if the header is malformed or describes data the file lacks
     * @throws IOException if the file cannot be read
     */
    static SafetensorsReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new WeightsException(
                        file, "too short for safetensors (" + fileSize + " bytes)");
            }
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, length, 0);
            long headerBytes = length.flip().getLong();
            if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || headerBytes > fileSize - 8) {
                throw new WeightsException(
                        file,
                        "safetensors header length is "
                                + Long.toUnsignedString(headerBytes)
                                + " bytes but the file has "
                                + (fileSize - 8)
                                + " bytes after the length field (truncated or not safetensors)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerBytes);
            readFully(channel, header, 8);
            SafetensorsReader reader = new SafetensorsReader(file, channel, 8 + headerBytes);
            reader.parseHeader(
                    new String(header.array(), StandardCharsets.UTF_8), fileSize - 8 - headerBytes);
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void parseHeader(String text, long dataBytes) throws WeightsException {
        JsonNode root;
        try {
            root = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            throw new WeightsException(
                    file, "safetensors header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WeightsException(file, "safetensors header is not a JSON object");
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getKey().equals("__metadata__")) {
                tensors.add(describe(entry.getKey(), entry.getValue(), dataBytes));
            } else if (entry.getValue().isObject()) {
                entry.getValue()
                        .properties()
                        .forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
            }
        }
    }

    private LazyTensor describe(String name, JsonNode node, long dataBytes)
            throws WeightsException {
        String where = "tensor '" + name + "' in the safetensors header";
        JsonNode dtype = node.get("dtype");
        JsonNode shapeNode = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual()) {
            throw new WeightsException(file, where + " has no dtype");
        }
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new WeightsException(file, where + " has no shape");
        }
        if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
            throw new WeightsException(file, where + " has no data_offsets [begin, end]");
        }
        DataType type = StoredTypes.fromSafetensors(dtype.asText());
        if (type == DataType.UNKNOWN) {
            throw new WeightsException(
                    file,
                    where
                            + " has dtype "
                            + dtype.asText()
                            + ", which this library cannot read (supported: "
                            + StoredTypes.SUPPORTED
                            + ")");
        }
        long[] dims = new long[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < dims.length; i++) {
            JsonNode dim = shapeNode.get(i);
            if (!dim.canConvertToLong() || dim.asLong() < 0) {
                throw new WeightsException(file, where + " has a bad shape " + shapeNode);
            }
            dims[i] = dim.asLong();
            numel = Math.multiplyExact(numel, dims[i]);
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        Shape shape = new Shape(dims);
        String described = StoredTypes.label(type) + " " + shape;
        if (begin < 0 || end < begin || end > dataBytes) {
            throw new WeightsException(
                    file,
                    where
                            + " ("
                            + described
                            + ") occupies bytes "
                            + begin
                            + ".."
                            + end
                            + " of the data section, which has "
                            + dataBytes
                            + " bytes: the header is wrong or the file is truncated");
        }
        long expected = numel * StoredTypes.bytes(type);
        if (end - begin != expected) {
            throw new WeightsException(
                    file,
                    where
                            + " is "
                            + described
                            + " = "
                            + expected
                            + " bytes, but its data_offsets span "
                            + (end - begin)
                            + " bytes: the header is wrong");
        }
        return new Entry(name, type, shape, dataStart + begin, numel);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
            throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new EOFException();
            }
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public WeightsFormat format() {
        return WeightsFormat.SAFETENSORS;
    }

    @Override
    public String container() {
        return "";
    }

    @Override
    public List<String> otherEntries() {
        return List.of();
    }

    /** Returns the header's {@code __metadata__} entries, in file order. */
    Map<String, String> metadata() {
        return java.util.Collections.unmodifiableMap(metadata);
    }

    @Override
    public List<LazyTensor> tensors() {
        return List.copyOf(tensors);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** One tensor of the file. */
    private final class Entry implements LazyTensor {

        private final String name;
        private final DataType type;
        private final Shape shape;
        private final long position;
        private final long numel;

        Entry(String name, DataType type, Shape shape, long position, long numel) {
            this.name = name;
            this.type = type;
            this.shape = shape;
            this.position = position;
            this.numel = numel;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DataType storedType() {
            return type;
        }

        @Override
        public Shape shape() {
            return shape;
        }

        @Override
        public float[] load() throws IOException {
            if (numel > ArchiveTensor.MAX_ELEMENTS) {
                throw new WeightsException(
                        file, "tensor '" + name + "' has " + numel + " elements, more than 2^31");
            }
            synchronized (channel) {
                channel.position(position);
                // Not closed: closing a channel's stream closes the channel.
                InputStream in = Channels.newInputStream(channel);
                try {
                    return StoredTypes.read(type, ByteOrder.LITTLE_ENDIAN, in, (int) numel);
                } catch (EOFException e) {
                    throw new WeightsException(
                            file, "tensor '" + name + "' ends early: " + e.getMessage(), e);
                }
            }
        }
    }
}
