/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import java.nio.file.Path;

/**
 * A video that could not be loaded.
 *
 * @param index its index in the dataset
 * @param path the file
 * @param reason why, in a few words
 */
public record DecodeFailure(long index, Path path, String reason) {}
