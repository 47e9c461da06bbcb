/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {

    @Test
    void writesInPlaceWidenedAndReshaped() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.zeros(new Shape(2, 3));
            NDArray source =
                    manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6))
                            .toType(DataType.FLOAT16, false);

            ParameterValues.assign(source, target);

            assertThat(target.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(target.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThatThrownBy(() -> ParameterValues.assign(manager.ones(new Shape(5)), target))
                    .hasMessage(
                            "Cannot write values of shape (5) into a parameter of shape (2, 3)");
        }
    }

    @Test
    void aTensorLargerThanTheJavaHeapIsCopiedNatively() throws Exception {
        // A 64 MB tensor into a JVM with a 32 MB heap: copying through a Java byte[] (DJL's
        // toByteBuffer) crashed such JVMs with SIGSEGV in torchDataPtr.
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx32m",
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                LargeAssign.class.getName())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("assigned 1.6777216E7");
        assertThat(child.exitValue()).as(output).isZero();
    }

    /** Assigns 16 Mi ones, natively created, into a parameter-sized array. */
    static final class LargeAssign {
        public static void main(String[] args) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray target = manager.zeros(new Shape(4096, 4096));
                ParameterValues.assign(manager.ones(new Shape(4096, 4096)), target);
                System.out.println(
                        "assigned " + target.sum().toType(DataType.FLOAT64, false).getDouble());
            }
        }
    }
}
