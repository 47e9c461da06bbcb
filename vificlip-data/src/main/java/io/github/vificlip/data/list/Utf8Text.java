/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text file that must be UTF-8, saying which line and byte are not (Java's own message is
 * "Input length = 1", which names neither the file nor the line).
 */
final class Utf8Text {

    /**
     * The largest list or label file read, 128 MiB: a million entries of 100-byte paths fit; read
     * as text it takes about three times as much heap (bytes, then UTF-16 characters).
     */
    static final int MAX_BYTES = 128 << 20;

    private Utf8Text() {}

    /**
     * Reads a whole file as UTF-8.
     *
     * @param file the file
     * @return its text
     * @throws DataFormatException naming the file, line and byte if it is not valid UTF-8
     * @throws IOException if the file cannot be read
     */
    static String read(Path file) throws IOException {
        byte[] bytes = readBounded(file);
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Reads the bytes of a regular file of at most {@link #MAX_BYTES}: a folder, a FIFO or a device
     * is refused before reading (a FIFO would block), and so is a larger file (it would not fit in
     * memory as text); the read stops at the limit should the file grow meanwhile.
     */
    private static byte[] readBounded(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, 0, "is a folder, expected a text file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new DataFormatException(
                    file,
                    0,
                    "is not a regular file (a FIFO, device or socket), expected a text file");
        }
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = size > MAX_BYTES ? null : in.readNBytes(MAX_BYTES + 1);
            if (bytes == null || bytes.length > MAX_BYTES) {
                throw new DataFormatException(
                        file,
                        0,
                        "is "
                                + Math.max(size, MAX_BYTES + 1L)
                                + " bytes, over the limit of "
                                + MAX_BYTES
                                + " bytes (128 MiB) for list and label files");
            }
            return bytes;
        }
    }

    /**
     * Finds the first control character (C0, DEL or C1: NUL, tab, line breaks...) of a text.
     *
     * @param text the text
     * @return its index, or -1 if there is none
     */
    static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static DataFormatException notUtf8(Path file, byte[] bytes, int position) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new DataFormatException(
                file,
                line,
                String.format(
                        Locale.ROOT,
                        "byte 0x%02x at column %d is not UTF-8 (the file is in another encoding,"
                                + " such as Latin-1 or UTF-16): save it as UTF-8",
                        bytes[position] & 0xff,
                        position - lineStart + 1));
    }
}
