/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsChecksumTest {

    @Test
    void aFlippedBitInAWeightIsFound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checkpoint.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> tensors =
                    Map.of(
                            "w",
                            manager.arange(1000f),
                            "b",
                            manager.ones(new ai.djl.ndarray.types.Shape(7)));
            SafetensorsWriter.builder().build().write(file, tensors);
        }
        assertThat(SafetensorsChecksum.verify(file).verdict())
                .isEqualTo(SafetensorsChecksum.Verdict.INTACT);

        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(size - 100);
            int b = raw.read();
            raw.seek(size - 100);
            raw.write(b ^ 0x10);
        }
        SafetensorsChecksum.Check check = SafetensorsChecksum.verify(file);

        assertThat(check.verdict()).isEqualTo(SafetensorsChecksum.Verdict.DAMAGED);
        assertThat(check.detail()).contains("SHA-256 of the data is");
    }

    @Test
    void truncatedAndForeignFilesAreToldApart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            SafetensorsWriter.builder().build().write(file, Map.of("w", manager.arange(64f)));
        }
        byte[] whole = Files.readAllBytes(file);
        Path truncated =
                Files.write(dir.resolve("t.safetensors"), java.util.Arrays.copyOf(whole, 20));
        Path foreign = dir.resolve("foreign.safetensors");
        byte[] header =
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}".getBytes();
        java.nio.ByteBuffer bytes =
                java.nio.ByteBuffer.allocate(8 + header.length + 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(header.length).put(header).putFloat(1f);
        Files.write(foreign, bytes.array());

        assertThat(SafetensorsChecksum.verify(truncated).verdict())
                .isEqualTo(SafetensorsChecksum.Verdict.DAMAGED);
        assertThat(SafetensorsChecksum.verify(foreign).verdict())
                .isEqualTo(SafetensorsChecksum.Verdict.UNCHECKED);
    }
}
