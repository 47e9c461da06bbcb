/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The folders benchmarks write their inputs and outputs to. */
final class BenchmarkFolder {

    private BenchmarkFolder() {}

    /**
     * Returns the folder given by {@code --dir}, created if absent, or a new temporary one when
     * none is given. Inputs made in a given folder are kept and reused by the next run.
     */
    static Path givenOrTemporary(Path dir) throws IOException {
        return dir != null
                ? Files.createDirectories(dir)
                : Files.createTempDirectory("vificlip-bench");
    }

    /** Deletes a folder the benchmark made, with everything in it. */
    static void delete(Path folder) throws IOException {
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(folder)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : deepestFirst) {
            Files.delete(path);
        }
    }
}
