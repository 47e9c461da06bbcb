/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickles opcode by opcode, for tests that need pickles no Python would write. */
final class PickleBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts a protocol 2 pickle. */
    PickleBytes() {
        op(0x80).op(2);
    }

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes ops(String opcodes) {
        return raw(opcodes.getBytes(StandardCharsets.ISO_8859_1));
    }

    PickleBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** {@code GLOBAL module name}. */
    PickleBytes global(String module, String name) {
        return ops("c" + module + "\n" + name + "\n");
    }

    /** {@code STACK_GLOBAL} of two strings. */
    PickleBytes stackGlobal(String module, String name) {
        return text(module).text(name).op(0x93);
    }

    /** {@code BINUNICODE}. */
    PickleBytes text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return op('X').raw(le(bytes.length, 4)).raw(bytes);
    }

    /** A signed 32-bit {@code BININT}. */
    PickleBytes int32(int value) {
        return op('J').raw(le(value, 4));
    }

    /** A signed 64-bit integer as {@code LONG1}. */
    PickleBytes int64(long value) {
        return op(0x8a).op(8).raw(le(value, 8));
    }

    /** A torch.save storage reference: {@code ('storage', FloatStorage, key, 'cpu', numel)}. */
    PickleBytes storage(String key, long numel) {
        op('(').text("storage").global("torch", "FloatStorage").text(key).text("cpu");
        return int64(numel).op('t').op('Q');
    }

    /**
     * {@code _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())} of a float
     * storage.
     */
    PickleBytes tensor(String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        storage(key, numel).int64(offset);
        tuple(size).tuple(stride).op(0x89);
        global("collections", "OrderedDict").op(')').op('R');
        return op('t').op('R');
    }

    private PickleBytes tuple(long[] values) {
        op('(');
        for (long value : values) {
            int64(value);
        }
        return op('t');
    }

    /** Ends with {@code STOP} and returns the bytes. */
    byte[] stop() {
        op('.');
        return out.toByteArray();
    }

    private static byte[] le(long value, int width) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] bytes = new byte[width];
        System.arraycopy(buffer.array(), 0, bytes, 0, width);
        return bytes;
    }
}
