/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a NumPy {@code .npy} file's header against what DJL's reader assumes, before it reads
 * anything: little-endian float32 in C order, and exactly as many bytes as the shape needs. DJL
 * reads every array as little-endian and C order, so a big-endian or Fortran-order file would come
 * out as other numbers (all NaN, or transposed) without a word.
 */
final class NpyHeader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** NumPy's own readers refuse longer headers unless told otherwise. */
    private static final int MAX_HEADER_BYTES = 1 << 16;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyHeader() {}

    /**
     * Checks that a file is a little-endian float32 array in C order whose data fill the file.
     *
     * @param file the {@code .npy} file
     * @throws IOException naming the file and what is wrong, or if it cannot be read
     */
    static void checkFloat32(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    file + ": not a regular file (a pipe, device or socket); pass the .npy file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
            if (head.length < 12 || !startsWithMagic(head)) {
                throw new IOException(file + " is not a NumPy .npy array (no \\x93NUMPY magic)");
            }
            ByteBuffer sizes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            boolean version1 = head[6] == 1;
            long headerBytes =
                    version1 ? sizes.getShort(8) & 0xffff : sizes.getInt(8) & 0xffffffffL;
            int prefix = version1 ? 10 : 12;
            if (headerBytes > MAX_HEADER_BYTES || headerBytes < head.length - prefix) {
                throw new IOException(
                        file
                                + ": .npy header of "
                                + headerBytes
                                + " bytes is not one numpy writes");
            }
            byte[] rest = in.readNBytes((int) headerBytes - (head.length - prefix));
            String header =
                    new String(head, prefix, head.length - prefix, StandardCharsets.ISO_8859_1)
                            + new String(rest, StandardCharsets.ISO_8859_1);
            check(file, header, Files.size(file) - prefix - headerBytes);
        }
    }

    private static void check(Path file, String header, long dataBytes) throws IOException {
        String descr = group(DESCR, header);
        if (descr == null || !descr.endsWith("f4")) {
            throw new IOException(
                    file + ": expected a float32 array ('<f4'), found dtype '" + descr + "'");
        }
        if (descr.startsWith(">")) {
            throw new IOException(
                    file
                            + ": big-endian float32 ('>f4'), which would be read as other numbers;"
                            + " save it little-endian: np.save(f, a.astype('<f4'))");
        }
        if ("True".equals(group(FORTRAN, header))) {
            throw new IOException(
                    file
                            + ": saved in Fortran order, which would be read transposed; save it"
                            + " in C order: np.save(f, np.ascontiguousarray(a))");
        }
        String shape = group(SHAPE, header);
        long bytes = Float.BYTES;
        for (String dim : shape == null ? new String[] {"?"} : shape.split(",")) {
            if (dim.isBlank()) {
                continue;
            }
            long size = parse(file, dim.strip(), shape);
            if (size != 0 && bytes > Long.MAX_VALUE / size) {
                throw new IOException(file + ": shape (" + shape + ") overflows 64 bits");
            }
            bytes *= size;
        }
        if (bytes != dataBytes) {
            throw new IOException(
                    file
                            + ": shape ("
                            + shape
                            + ") needs "
                            + bytes
                            + " bytes of float32, but the file holds "
                            + dataBytes
                            + " after its header (truncated or damaged)");
        }
    }

    private static long parse(Path file, String dim, String shape) throws IOException {
        try {
            long size = Long.parseLong(dim);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + ": .npy header has no valid shape: (" + shape + ")");
    }

    private static String group(Pattern pattern, String header) {
        Matcher matcher = pattern.matcher(header);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean startsWithMagic(byte[] head) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
