/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The weights fixtures of vificlip-core's tests (written by its {@code weights_fixtures.py}), found
 * through the source tree: Maven runs this module's tests from its own folder.
 */
final class WeightsFixtures {

    private static final Path FOLDER =
            Path.of(
                    "..",
                    "vificlip-core",
                    "src",
                    "test",
                    "resources",
                    "io",
                    "github",
                    "vificlip",
                    "weights");

    private WeightsFixtures() {}

    static Path path(String name) {
        Path file = FOLDER.resolve(name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing weights fixture " + file);
        }
        return file;
    }
}
