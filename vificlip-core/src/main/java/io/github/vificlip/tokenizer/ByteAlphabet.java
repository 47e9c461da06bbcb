/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

/**
 * The reversible byte-to-character table of byte-level BPE.
 *
 * <p>Printable bytes (33-126, 161-172, 174-255) stand for themselves; the 68 others are moved, in
 * increasing order, to U+0100, U+0101, ... so that every byte has a visible, non-space character.
 * The table order (printable ranges first, then the moved bytes) fixes the ids of the 256 base
 * symbols.
 */
final class ByteAlphabet {

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final int[] CHAR_TO_BYTE = new int[512];
    private static final char[] TABLE_ORDER = new char[256];
    private static final int[] BYTE_TO_POSITION = new int[256];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int position = 0;
        for (int b = 0; b < 256; b++) {
            if (isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) b;
                TABLE_ORDER[position++] = (char) b;
            }
        }
        int moved = 0;
        for (int b = 0; b < 256; b++) {
            if (!isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) (256 + moved++);
                TABLE_ORDER[position++] = BYTE_TO_CHAR[b];
            }
        }
        for (int b = 0; b < 256; b++) {
            CHAR_TO_BYTE[BYTE_TO_CHAR[b]] = b;
        }
        for (int i = 0; i < 256; i++) {
            BYTE_TO_POSITION[CHAR_TO_BYTE[TABLE_ORDER[i]]] = i;
        }
    }

    private ByteAlphabet() {}

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** Returns the byte a table character stands for, or -1 if it is not a table character. */
    static int byteOf(char c) {
        return c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /** Returns the table position of byte {@code b}, which is the id of its BPE symbol. */
    static int positionOf(int b) {
        return BYTE_TO_POSITION[b & 0xFF];
    }

    /** Returns the table character at position {@code i} (0-255), which is also its symbol id. */
    static char charAt(int i) {
        return TABLE_ORDER[i];
    }
}
