/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An open weights file with its tensors under OpenAI names, still lazy. */
final class OpenedWeights implements Closeable {

    /**
     * The system property that lets a file's tensors take more than {@link #MAX_EXPANSION} times
     * its size once read.
     */
    static final String ALLOW_EXPANSION = "vificlip.weights.allowExpansion";

    /**
     * How many times its own size a file's tensors may take once read: twice allows tied weights
     * (two names viewing one storage); a view that repeats its values (stride 0) can take gigabytes
     * from a file of a kilobyte.
     */
    static final long MAX_EXPANSION = 2;

    private final ContainerReader reader;
    private final List<MappedTensor> tensors;
    private final WeightsIndex index;

    private OpenedWeights(ContainerReader reader, List<MappedTensor> tensors, WeightsIndex index) {
        this.reader = reader;
        this.tensors = tensors;
        this.index = index;
    }

    /**
     * Detects a file's format, opens it and renames its tensors.
     *
     * @param file the file
     * @return the open file; close it when its tensors are read
     * @throws WeightsException if the file is not readable weights
     * @throws IOException if the file cannot be read
     */
    static OpenedWeights open(Path file) throws IOException {
        ContainerReader reader = openContainer(file, WeightsFormat.detect(file));
        try {
            checkExpansion(file, reader.tensors());
            LayoutConverter.Result converted = LayoutConverter.convert(file, reader.tensors());
            List<TensorInfo> infos = new ArrayList<>();
            for (MappedTensor tensor : converted.tensors()) {
                infos.add(
                        new TensorInfo(
                                tensor.name(),
                                tensor.shape(),
                                tensor.storedType(),
                                file,
                                reader.format(),
                                tensor.sourceNames(),
                                tensor.conversion()));
            }
            WeightsIndex index =
                    new WeightsIndex(
                            file,
                            Files.size(file),
                            reader.format(),
                            converted.layout(),
                            reader.container(),
                            reader.otherEntries(),
                            infos,
                            converted.dropped());
            return new OpenedWeights(reader, converted.tensors(), index);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * Refuses a file whose tensors, once read, would take more than {@link #MAX_EXPANSION} times
     * the file's size (views that repeat their storage, stride 0), unless the user allows it.
     */
    private static void checkExpansion(Path file, List<LazyTensor> tensors) throws IOException {
        if (Boolean.getBoolean(ALLOW_EXPANSION)) {
            return;
        }
        long fileBytes = Files.size(file);
        long total = 0;
        LazyTensor largest = null;
        long largestBytes = -1;
        for (LazyTensor tensor : tensors) {
            long bytes = bytes(tensor);
            total = bytes > Long.MAX_VALUE - total ? Long.MAX_VALUE : total + bytes;
            if (bytes > largestBytes) {
                largest = tensor;
                largestBytes = bytes;
            }
        }
        if (total / MAX_EXPANSION > fileBytes) {
            throw new WeightsException(
                    file,
                    "its tensors would take "
                            + total
                            + " bytes once read, more than "
                            + MAX_EXPANSION
                            + " times the file's "
                            + fileBytes
                            + " bytes; tensor '"
                            + largest.name()
                            + "' (shape "
                            + largest.shape()
                            + ") alone takes "
                            + largestBytes
                            + ". Its views repeat their stored values (stride 0) or share them. If"
                            + " the file is genuine, allow it with -D"
                            + ALLOW_EXPANSION
                            + "=true");
        }
    }

    /** The bytes of a tensor's stored values; every tensor's element count fits 64 bits. */
    private static long bytes(LazyTensor tensor) {
        long n = StoredTypes.bytes(tensor.storedType());
        for (long size : tensor.shape().getShape()) {
            if (size != 0 && n > Long.MAX_VALUE / size) {
                return Long.MAX_VALUE;
            }
            n *= size;
        }
        return n;
    }

    private static ContainerReader openContainer(Path file, WeightsFormat format)
            throws IOException {
        if (format == WeightsFormat.SAFETENSORS) {
            return SafetensorsReader.open(file);
        }
        TorchArchive archive = TorchArchive.open(file);
        try {
            return format == WeightsFormat.TORCHSCRIPT
                    ? TorchScriptReader.open(archive)
                    : TorchCheckpointReader.open(archive);
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /**
     * Returns the tensors under OpenAI names.
     *
     * @return the tensors, in file order
     */
    List<MappedTensor> tensors() {
        return tensors;
    }

    /**
     * Returns the description of the file.
     *
     * @return the index
     */
    WeightsIndex index() {
        return index;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
