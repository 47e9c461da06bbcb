/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes zip archives laid out as torch.save writes them, for tests of forged archives. */
final class TorchZips {

    private final Map<String, byte[]> records = new LinkedHashMap<>();
    private boolean deflate;

    /** Adds a record under its full name (for example {@code archive/data.pkl}). */
    TorchZips add(String name, byte[] bytes) {
        records.put(name, bytes);
        return this;
    }

    /** Compresses the records (torch.save stores them). */
    TorchZips deflated() {
        deflate = true;
        return this;
    }

    /** A state dict pickle with float storage {@code 0} of {@code floats} elements. */
    static TorchZips checkpoint(byte[] pickle, int floats) {
        return new TorchZips()
                .add("archive/data.pkl", pickle)
                .add("archive/data/0", new byte[floats * 4])
                .add("archive/version", "3\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces every occurrence of a name in a written zip by another of the same length, in the
     * local headers and the central directory: ZipOutputStream refuses to write duplicates.
     */
    static void rename(Path file, String from, String to) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + a.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, zip, i, b.length);
            }
        }
        Files.write(file, zip);
    }

    /** Sets the uncompressed size the central directory gives a record. */
    static void declareSize(Path file, String name, int size) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50
                    && buffer.getShort(i + 28) == wanted.length
                    && Arrays.equals(
                            zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                buffer.putInt(i + 24, size);
            }
        }
        Files.write(file, zip);
    }

    Path write(Path file) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(stream)) {
            for (Map.Entry<String, byte[]> record : records.entrySet()) {
                ZipEntry entry = new ZipEntry(record.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(record.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(record.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(record.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
