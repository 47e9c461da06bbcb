/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * An open weights file of one container format: the tensors it holds under the names it uses, read
 * lazily while the reader is open.
 */
interface ContainerReader extends Closeable {

    /**
     * Returns the file.
     *
     * @return the file
     */
    Path file();

    /**
     * Returns the container format.
     *
     * @return the format
     */
    WeightsFormat format();

    /**
     * Says where in the file the tensors were found, for example {@code "'model'"} for a checkpoint
     * dict, or the TorchScript root class; empty when they are the whole file.
     *
     * @return the location, possibly empty
     */
    String container();

    /**
     * Returns the other top-level entries of a checkpoint that were not read (optimizer state,
     * configuration, ...).
     *
     * @return their names, possibly none
     */
    List<String> otherEntries();

    /**
     * Returns the tensors in file order, under the file's own names.
     *
     * @return the tensors
     */
    List<LazyTensor> tensors();
}
