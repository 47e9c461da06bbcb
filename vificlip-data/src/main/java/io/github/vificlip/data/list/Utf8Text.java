/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
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
        byte[] bytes = Files.readAllBytes(file);
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
