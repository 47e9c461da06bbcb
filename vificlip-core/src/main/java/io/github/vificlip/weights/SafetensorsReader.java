/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data. Tensors are read one at a
 * time with positional reads, so files of any size work; F16, BF16, F64 and integer tensors are
 * widened to fp32 here, in Java.
 *
 * <p>The header is checked by the rules of the reference implementation (the {@code safetensors}
 * library): valid UTF-8 and JSON, a string-to-string {@code __metadata__}, integer shapes and
 * offsets, each tensor's byte range matching its dtype and shape, and the ranges covering the data
 * section exactly, without gaps or overlaps. Stricter than the reference, a duplicate tensor name
 * is refused instead of keeping the last copy.
 */
final class SafetensorsReader implements ContainerReader {

    /** The largest header the reference implementation accepts. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    /** Refuses duplicate keys: the reference would silently keep the last. */
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final List<Entry> tensors = new ArrayList<>();
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
            reader.parseHeader(header.array(), fileSize - 8 - headerBytes);
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void parseHeader(byte[] bytes, long dataBytes) throws WeightsException {
        JsonNode root;
        try {
            root = JSON.readTree(utf8(bytes));
        } catch (JsonProcessingException e) {
            throw new WeightsException(
                    file, "safetensors header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WeightsException(file, "safetensors header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getKey().equals("__metadata__")) {
                readMetadata(entry.getValue());
            } else {
                entries.add(describe(entry.getKey(), entry.getValue()));
            }
        }
        checkCoverage(entries, dataBytes);
        tensors.addAll(entries);
    }

    private String utf8(byte[] bytes) throws WeightsException {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new WeightsException(
                    file,
                    "safetensors header is not valid UTF-8 (at header byte " + in.position() + ")",
                    e);
        }
    }

    /** The reference reads {@code __metadata__} as a map of strings to strings, or null. */
    private void readMetadata(JsonNode node) throws WeightsException {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new WeightsException(
                    file,
                    "safetensors __metadata__ is a JSON " + node.getNodeType() + ", not an object");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new WeightsException(
                        file,
                        "safetensors __metadata__ entry '"
                                + entry.getKey()
                                + "' is a JSON "
                                + entry.getValue().getNodeType()
                                + ", not a string");
            }
            metadata.put(entry.getKey(), entry.getValue().textValue());
        }
    }

    private Entry describe(String name, JsonNode node) throws WeightsException {
        String where = "tensor '" + name + "' in the safetensors header";
        if (!node.isObject()) {
            throw new WeightsException(
                    file, where + " is a JSON " + node.getNodeType() + ", not an object");
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw new WeightsException(file, where + " has no dtype");
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
        long[] dims = naturals(node.get("shape"), -1, where, "shape");
        long[] offsets = naturals(node.get("data_offsets"), 2, where, "data_offsets [begin, end]");
        Shape shape = new Shape(dims);
        long expected = StoredTypes.bytes(type);
        for (long dim : dims) {
            if (dim != 0 && expected > Long.MAX_VALUE / dim) {
                throw new WeightsException(
                        file,
                        where
                                + " has shape "
                                + shape
                                + ", whose size in bytes overflows 64 bits: the header is wrong");
            }
            expected *= dim;
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin || end - begin != expected) {
            throw new WeightsException(
                    file,
                    where
                            + " is "
                            + StoredTypes.label(type)
                            + " "
                            + shape
                            + " = "
                            + expected
                            + " bytes, but its data_offsets span "
                            + (end - begin)
                            + " bytes ("
                            + begin
                            + ".."
                            + end
                            + "): the header is wrong");
        }
        return new Entry(name, type, shape, begin, expected / StoredTypes.bytes(type));
    }

    /** Reads a JSON array of non-negative integers (of the given length, if not negative). */
    private long[] naturals(JsonNode array, int length, String where, String what)
            throws WeightsException {
        boolean valid = array != null && array.isArray() && (length < 0 || array.size() == length);
        long[] values = new long[valid ? array.size() : 0];
        for (int i = 0; valid && i < values.length; i++) {
            JsonNode item = array.get(i);
            valid = item.isIntegralNumber() && item.canConvertToLong() && item.asLong() >= 0;
            values[i] = item.asLong();
        }
        if (!valid) {
            throw new WeightsException(
                    file,
                    where
                            + " has "
                            + what
                            + " "
                            + (array == null ? "missing" : abbreviate(array.toString()))
                            + ", expected "
                            + (length < 0 ? "an array of" : "an array of " + length)
                            + " non-negative integers");
        }
        return values;
    }

    /**
     * The reference's rule: sorted by offsets, the tensors cover the data section exactly, each
     * starting where the previous one ends (no gap, no overlap, nothing left over).
     */
    private void checkCoverage(List<Entry> entries, long dataBytes) throws WeightsException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(
                Comparator.comparingLong((Entry e) -> e.begin)
                        .thenComparingLong(e -> e.begin + e.bytes()));
        long next = 0;
        for (Entry entry : sorted) {
            if (entry.begin != next) {
                throw new WeightsException(
                        file,
                        "tensor '"
                                + entry.name
                                + "' in the safetensors header starts at data byte "
                                + entry.begin
                                + ", but the previous tensor ends at "
                                + next
                                + (entry.begin < next
                                        ? " (the tensors overlap)"
                                        : " (a gap of unnamed bytes)")
                                + ": the header is wrong");
            }
            next = entry.begin + entry.bytes();
        }
        if (next != dataBytes) {
            throw new WeightsException(
                    file,
                    "the safetensors header describes "
                            + next
                            + " bytes of tensor data, but the file holds "
                            + dataBytes
                            + (next < dataBytes
                                    ? " (unnamed bytes at the end)"
                                    : ": the file is truncated"));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
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
        private final long begin;
        private final long numel;

        Entry(String name, DataType type, Shape shape, long begin, long numel) {
            this.name = name;
            this.type = type;
            this.shape = shape;
            this.begin = begin;
            this.numel = numel;
        }

        long bytes() {
            return numel * StoredTypes.bytes(type);
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
                channel.position(dataStart + begin);
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
