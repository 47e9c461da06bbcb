/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 that {@link SafetensorsWriter} puts in every file's metadata ({@code
 * vificlip.sha256}), over the data section (every byte after the header), and its check: one
 * flipped bit in a weight makes the file {@linkplain Verdict#DAMAGED damaged} instead of loading
 * into a silently broken model. The header is covered by the reader's own validation.
 */
public final class SafetensorsChecksum {

    /** The metadata key. */
    public static final String KEY = "vificlip.sha256";

    /** What the writer puts in the header first: as long as the hex digest that replaces it. */
    static final String PLACEHOLDER = "0".repeat(64);

    private static final long MAX_HEADER = 100L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsChecksum() {}

    /** The outcome of a check. */
    public enum Verdict {
        /** The data match the recorded checksum. */
        INTACT,
        /** The file records no checksum (written elsewhere or by an older version). */
        UNCHECKED,
        /** The file is truncated, its header unreadable, or its data differ from the checksum. */
        DAMAGED
    }

    /**
     * The result of a check.
     *
     * @param verdict the outcome
     * @param detail what was found, for logs (empty when intact)
     */
    public record Check(Verdict verdict, String detail) {}

    /**
     * Checks a file by reading it once, without building any tensor.
     *
     * @param file a safetensors file
     * @return the verdict and, unless intact, why
     * @throws IOException if the file cannot be opened or read
     */
    public static Check verify(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < 8) {
                return new Check(Verdict.DAMAGED, "only " + size + " bytes");
            }
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, length, 0);
            long headerLength = length.flip().getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                return new Check(
                        Verdict.DAMAGED,
                        "header length " + headerLength + " does not fit a " + size + "-byte file");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(in, header, 8);
            JsonNode recorded;
            try {
                recorded = JSON.readTree(header.array()).path("__metadata__").path(KEY);
            } catch (IOException e) {
                return new Check(Verdict.DAMAGED, "unreadable header: " + e.getMessage());
            }
            if (!recorded.isTextual()) {
                return new Check(Verdict.UNCHECKED, "no " + KEY + " in the metadata");
            }
            MessageDigest digest = newDigest();
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            for (long position = 8 + headerLength; position < size; ) {
                chunk.clear();
                int read = in.read(chunk, position);
                if (read < 0) {
                    break;
                }
                position += read;
                digest.update(chunk.flip());
            }
            String actual = hex(digest);
            return actual.equals(recorded.asText())
                    ? new Check(Verdict.INTACT, "")
                    : new Check(
                            Verdict.DAMAGED,
                            "SHA-256 of the data is "
                                    + actual
                                    + ", the file records "
                                    + recorded.asText());
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position)
            throws IOException {
        while (buffer.hasRemaining()) {
            int read = in.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("The file ended early");
            }
        }
    }
}
