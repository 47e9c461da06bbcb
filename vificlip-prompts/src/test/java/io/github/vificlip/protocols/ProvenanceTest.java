/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir Path dir;

    @Test
    void recordsAFileWithItsChecksum() throws Exception {
        Path file = Files.writeString(dir.resolve("train.txt"), "abc");

        assertThat(new Provenance().file("train.list", file).entries().get("train.list"))
                .isEqualTo(
                        file.toAbsolutePath()
                                + " sha256:"
                                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void devicesAndPipesAreRefusedInsteadOfReadForever() {
        assertThatThrownBy(() -> new Provenance().file("weights", Path.of("/dev/zero")))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "/dev/zero: is not a regular file (a pipe, device or socket); a run"
                                + " records the checksums of its inputs, so pass the file itself");
    }
}
