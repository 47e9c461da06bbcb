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
