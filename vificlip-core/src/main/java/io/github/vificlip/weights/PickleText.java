/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes the text forms of strings in protocol-0 pickles. */
final class PickleText {

    private PickleText() {}

    /**
     * Decodes a {@code STRING} argument: a Python string literal in single or double quotes with
     * backslash escapes, whose bytes are read as Latin-1 (Python 3 decodes Python 2 strings so).
     *
     * @param literal the line after the opcode
     * @return the string
     * @throws IllegalArgumentException if the literal is not quoted
     */
    static String quotedString(String literal) {
        if (literal.length() < 2
                || literal.charAt(0) != literal.charAt(literal.length() - 1)
                || (literal.charAt(0) != '\'' && literal.charAt(0) != '"')) {
            throw new IllegalArgumentException("STRING argument is not a quoted literal");
        }
        String body = literal.substring(1, literal.length() - 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                bytes.write(c);
                continue;
            }
            char next = body.charAt(++i);
            switch (next) {
                case 'n':
                    bytes.write('\n');
                    break;
                case 't':
                    bytes.write('\t');
                    break;
                case 'r':
                    bytes.write('\r');
                    break;
                case '0':
                    bytes.write(0);
                    break;
                case 'x':
                    bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                    break;
                default:
                    bytes.write(next); // \\, \', \"
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes a {@code UNICODE} argument in Python's raw-unicode-escape encoding: Latin-1 text
     * where only {@code \\uXXXX} and {@code \\UXXXXXXXX} are escapes.
     *
     * @param text the line after the opcode
     * @return the string
     */
    static String rawUnicodeEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 9 < text.length() && text.charAt(i + 1) == 'U') {
                out.appendCodePoint(Integer.parseInt(text.substring(i + 2, i + 10), 16));
                i += 9;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
