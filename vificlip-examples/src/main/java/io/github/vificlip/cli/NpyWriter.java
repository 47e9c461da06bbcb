/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a float32 matrix as a NumPy {@code .npy} file (format 1.0: magic, header dictionary padded
 * to 64 bytes, little-endian values), atomically: a temporary file beside the target is renamed.
 */
final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {}

    /**
     * Writes rows of equal length as a {@code [rows, columns]} float32 array.
     *
     * @param file the {@code .npy} file
     * @param rows the matrix, at least one row
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException if there are no rows or their lengths differ
     */
    static void write(Path file, float[][] rows) throws IOException {
        if (rows.length == 0) {
            throw new IllegalArgumentException("No rows to write to " + file);
        }
        int columns = rows[0].length;
        ByteBuffer values =
                ByteBuffer.allocate(Math.multiplyExact(rows.length, columns) * Float.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            if (row.length != columns) {
                throw new IllegalArgumentException(
                        "Rows of " + columns + " and " + row.length + " values for " + file);
            }
            for (float value : row) {
                values.putFloat(value);
            }
        }
        StringBuilder header =
                new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (")
                        .append(rows.length)
                        .append(", ")
                        .append(columns)
                        .append("), }");
        // magic (8) + header length (2) + header, ending in a line break, a multiple of 64
        while ((MAGIC.length + 2 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        AtomicFile.write(
                file,
                out -> {
                    out.write(MAGIC);
                    out.write(headerBytes.length & 0xFF);
                    out.write(headerBytes.length >>> 8);
                    out.write(headerBytes);
                    out.write(values.array());
                });
    }
}
