/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/** A lookup table that clips ints in [-{@link #OFFSET}, {@link #OFFSET}) to unsigned bytes. */
final class Clip {

    /** Index of 0 in {@link #BYTE}. */
    static final int OFFSET = 2048;

    /** {@code BYTE[OFFSET + v]} is {@code v} clipped to 0-255, as a byte. */
    static final byte[] BYTE = new byte[2 * OFFSET];

    static {
        for (int i = 0; i < BYTE.length; i++) {
            BYTE[i] = (byte) Math.max(0, Math.min(255, i - OFFSET));
        }
    }

    private Clip() {}
}
