/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tensors found in a PyTorch zip archive by {@link TorchCheckpointReader} or {@link
 * TorchScriptReader}: the open archive they are read from, and where in its pickle they were.
 *
 * @param archive the archive, closed with this reader
 * @param format {@link WeightsFormat#TORCH_ZIP} or {@link WeightsFormat#TORCHSCRIPT}
 * @param container where the tensors are in the pickle
 * @param otherEntries the checkpoint entries that were not read
 * @param tensors the tensors, in pickle order
 */
record ArchiveContents(
        TorchArchive archive,
        WeightsFormat format,
        String container,
        List<String> otherEntries,
        List<LazyTensor> tensors)
        implements ContainerReader {

    /**
     * Copies the lists.
     *
     * @param archive the archive
     * @param format the format
     * @param container where the tensors are
     * @param otherEntries the entries not read
     * @param tensors the tensors
     */
    ArchiveContents {
        otherEntries = List.copyOf(otherEntries);
        tensors = List.copyOf(tensors);
    }

    @Override
    public Path file() {
        return archive.file();
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
