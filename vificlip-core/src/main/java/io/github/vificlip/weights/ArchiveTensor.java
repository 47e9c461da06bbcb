/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A tensor of a PyTorch archive: a strided view into a storage record. Loading reads only the
 * storage's elements the view spans and honours the strides, so transposed and sliced tensors come
 * out as {@code torch.Tensor.contiguous()} would give them.
 */
final class ArchiveTensor implements LazyTensor {

    /** The largest float array Java allocates. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final TorchArchive archive;
    private final String name;
    private final TorchPickles.TensorRef ref;
    private final String record;

    private ArchiveTensor(
            TorchArchive archive, String name, TorchPickles.TensorRef ref, String record) {
        this.archive = archive;
        this.name = name;
        this.ref = ref;
        this.record = record;
    }

    /**
     * Describes a tensor of an archive after checking that its storage can be read and holds every
     * element the view needs.
     *
     * @param archive the archive
     * @param name the tensor's name in the file
     * @param ref the view, as the pickle describes it
     * @param dataFolder the folder of the pickle's storages, {@code "data/"}
     * @return the tensor
     * @throws WeightsException naming the tensor and the storage if they do not fit together
     */
    static ArchiveTensor of(
            TorchArchive archive, String name, TorchPickles.TensorRef ref, String dataFolder)
            throws WeightsException {
        TorchPickles.Storage storage = ref.storage();
        String where = "tensor '" + name + "'";
        if (!StoredTypes.isSupported(storage.type())) {
            throw new WeightsException(
                    archive.file(),
                    where
                            + " is stored as "
                            + storage.typeName()
                            + ", which this library cannot read (supported: "
                            + StoredTypes.SUPPORTED
                            + ")");
        }
        String record = dataFolder + storage.key();
        checkRecord(archive, where, storage, record);
        checkSpan(archive, where, ref, record);
        return new ArchiveTensor(archive, name, ref, record);
    }

    /** Checks that a storage's record exists and holds the elements the pickle declares. */
    private static void checkRecord(
            TorchArchive archive, String where, TorchPickles.Storage storage, String record)
            throws WeightsException {
        long recordBytes = archive.recordSize(record);
        if (recordBytes < 0) {
            throw new WeightsException(
                    archive.file(),
                    where
                            + " uses storage record "
                            + archive.prefix()
                            + record
                            + ", which is missing");
        }
        long size = StoredTypes.bytes(storage.type());
        if (storage.numel() > recordBytes / size) {
            throw new WeightsException(
                    archive.file(),
                    "storage record "
                            + archive.prefix()
                            + record
                            + " of "
                            + where
                            + " has "
                            + recordBytes
                            + " bytes, but the pickle declares "
                            + storage.numel()
                            + " elements of "
                            + StoredTypes.label(storage.type())
                            + " ("
                            + (storage.numel() <= Long.MAX_VALUE / size
                                    ? storage.numel() * size + " bytes"
                                    : "more than 2^63 bytes")
                            + "): the file is damaged");
        }
    }

    /** Checks that a tensor's view (shape, strides, offset) stays inside its storage. */
    private static void checkSpan(
            TorchArchive archive, String where, TorchPickles.TensorRef ref, String record)
            throws WeightsException {
        TorchPickles.Storage storage = ref.storage();
        long end;
        try {
            end = numel(ref.shape()) == 0 ? ref.offset() : Math.addExact(lastIndex(ref), 1);
        } catch (ArithmeticException e) {
            throw new WeightsException(
                    archive.file(),
                    span(where, ref)
                            + " has more elements, or reaches further, than a 64-bit count"
                            + " holds: the file is damaged");
        }
        if (end > storage.numel()) {
            throw new WeightsException(
                    archive.file(),
                    span(where, ref)
                            + " needs "
                            + end
                            + " elements of storage "
                            + archive.prefix()
                            + record
                            + ", which holds "
                            + storage.numel()
                            + ": the file is damaged");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType storedType() {
        return ref.storage().type();
    }

    @Override
    public Shape shape() {
        return new Shape(ref.shape().clone());
    }

    /**
     * Returns the storage this tensor views.
     *
     * @return the storage
     */
    TorchPickles.Storage storage() {
        return ref.storage();
    }

    @Override
    public float[] load() throws IOException {
        long numel = numel(ref.shape());
        if (numel == 0) {
            return new float[0];
        }
        long span = lastIndex(ref) - ref.offset() + 1;
        if (numel > MAX_ELEMENTS || span > MAX_ELEMENTS) {
            throw new WeightsException(
                    archive.file(),
                    "tensor '" + name + "' spans " + span + " storage elements, more than 2^31");
        }
        DataType type = ref.storage().type();
        float[] window;
        try (InputStream in = archive.openRecord(record)) {
            in.skipNBytes(ref.offset() * StoredTypes.bytes(type));
            window = StoredTypes.read(type, archive.byteOrder(), in, (int) span);
        } catch (EOFException e) {
            throw new WeightsException(
                    archive.file(),
                    "storage record "
                            + archive.prefix()
                            + record
                            + " of tensor '"
                            + name
                            + "' ends early ("
                            + e.getMessage()
                            + "): the file is damaged",
                    e);
        }
        return isContiguous(ref) ? window : gather(window, ref.shape(), ref.stride(), (int) numel);
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long size : shape) {
            n = Math.multiplyExact(n, size);
        }
        return n;
    }

    private static long lastIndex(TorchPickles.TensorRef ref) {
        long last = ref.offset();
        for (int i = 0; i < ref.shape().length; i++) {
            last = Math.addExact(last, Math.multiplyExact(ref.shape()[i] - 1, ref.stride()[i]));
        }
        return last;
    }

    private static boolean isContiguous(TorchPickles.TensorRef ref) {
        long expected = 1;
        for (int i = ref.shape().length - 1; i >= 0; i--) {
            if (ref.shape()[i] != 1 && ref.stride()[i] != expected) {
                return false;
            }
            expected *= ref.shape()[i];
        }
        return true;
    }

    /** Copies a strided view, relative to its first element, into row-major order. */
    private static float[] gather(float[] window, long[] shape, long[] stride, int numel) {
        float[] out = new float[numel];
        int rank = shape.length;
        int[] index = new int[rank];
        long source = 0;
        for (int i = 0; i < numel; i++) {
            out[i] = window[(int) source];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                source += stride[d];
                if (index[d] < shape[d]) {
                    break;
                }
                source -= stride[d] * shape[d];
                index[d] = 0;
            }
        }
        return out;
    }

    /** Describes a tensor's view of its storage for messages: where, shape, strides, offset. */
    private static String span(String where, TorchPickles.TensorRef ref) {
        return where
                + " (shape "
                + Arrays.toString(ref.shape())
                + ", strides "
                + Arrays.toString(ref.stride())
                + ", from element "
                + ref.offset()
                + ")";
    }
}
