/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @Test
    void commitReplacesTheTargetWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("history.json");
        Files.writeString(target, "old");

        try (AtomicFile file = AtomicFile.create(target)) {
            file.writer().write("new content");
            assertThat(Files.readString(target)).isEqualTo("old"); // untouched until commit
            file.commit();
        }

        assertThat(Files.readString(target)).isEqualTo("new content");
        assertThat(listing(dir)).containsExactly("history.json");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("epochs.csv");
        Files.writeString(target, "epoch\n1\n");

        assertThatThrownBy(
                        () ->
                                AtomicFile.write(
                                        target,
                                        out -> {
                                            out.write("epoch\n".getBytes(StandardCharsets.UTF_8));
                                            throw new IOException("No space left on device");
                                        }))
                .hasMessage("No space left on device");

        assertThat(Files.readString(target)).isEqualTo("epoch\n1\n");
        assertThat(listing(dir)).containsExactly("epochs.csv");
    }

    @Test
    void outputsGetTheModeOfAnyNewFile(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("weights.safetensors");

        AtomicFile.write(atomic, out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(atomic))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void staleTemporaryFilesOfKilledWritersAreRemoved(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".history.json.k3j2h1.tmp"), "{\"epochs\": [");
        Files.writeString(dir.resolve(".model.safetensors.8812731.tmp"), "half");
        Files.writeString(dir.resolve("notes.tmp"), "a user's file, not ours");
        Files.writeString(dir.resolve("history.json"), "{}");

        assertThat(AtomicFile.removeStale(dir)).isEqualTo(2);

        assertThat(listing(dir)).containsExactly("history.json", "notes.tmp");
    }

    static Stream<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }
}
