/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SafetensorsWriterTest {

    private static final List<String> READABLE = Fixtures.READABLE;

    private static NDManager manager;

    @TempDir Path temp;

    @BeforeAll
    static void startEngine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stopEngine() {
        manager.close();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("READABLE")
    void everyFormatRoundTripsThroughOpenAiNamedSafetensors(String fixture) throws Exception {
        Path out = temp.resolve("converted.safetensors");
        try (StateDict original = StateDicts.read(Fixtures.path(fixture), manager)) {
            SafetensorsWriter.builder().build().write(out, original);

            try (StateDict copy = StateDicts.read(out, manager)) {
                WeightsIndex index = copy.sources().get(0);
                assertThat(index.format()).isEqualTo(WeightsFormat.SAFETENSORS);
                assertThat(index.layout()).isEqualTo(KeyLayout.OPENAI);
                assertThat(copy.names()).containsExactlyElementsOf(original.names());
                for (String name : original.names()) {
                    assertThat(copy.get(name).getShape()).isEqualTo(original.get(name).getShape());
                    assertThat(copy.get(name).toFloatArray())
                            .as(name)
                            .containsExactly(original.get(name).toFloatArray());
                    assertThat(copy.info(name).storedType()).isEqualTo(DataType.FLOAT32);
                    assertThat(copy.info(name).isConverted()).isFalse();
                }
            }
        }
        assertThat(metadata(out).get("vificlip.sources").asText())
                .isEqualTo(
                        Fixtures.path(fixture).getFileName() + " (" + sourceFormat(fixture) + ")");
    }

    @Test
    void halfPrecisionOutputRoundsAsNumpyDoes() throws Exception {
        JsonNode numpy = Fixtures.json("half_floats.json");
        JsonNode floats = numpy.get("float_bits");
        float[] values = new float[floats.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat((int) floats.get(i).asLong());
        }
        Path out = temp.resolve("half.safetensors");
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            tensors.put("values", scope.create(values));
            SafetensorsWriter.builder().optDataType(DataType.FLOAT16).build().write(out, tensors);
        }

        ByteBuffer data = dataSection(out).order(ByteOrder.LITTLE_ENDIAN);
        JsonNode halves = numpy.get("half_bits_of_float");
        for (int i = 0; i < values.length; i++) {
            assertThat(data.getShort() & 0xffff)
                    .as("value %s", values[i])
                    .isEqualTo(halves.get(i).asInt());
        }
        assertThat(StateDicts.inspect(out).tensors().get(0).storedType())
                .isEqualTo(DataType.FLOAT16);
    }

    @Test
    void djlReadsTheFilesWritten() throws Exception {
        Path out = temp.resolve("for-djl.safetensors");
        try (StateDict weights = StateDicts.read(Fixtures.path("tensor_views.pt"), manager)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(weights.tensors());
            tensors.remove("empty");
            SafetensorsWriter.builder().optMetadata("run", "test").build().write(out, tensors);

            try (NDManager scope = manager.newSubManager()) {
                NDList decoded =
                        NDList.decode(scope, new ByteArrayInputStream(Files.readAllBytes(out)));
                assertThat(decoded).hasSize(tensors.size());
                for (NDArray array : decoded) {
                    assertThat(array.toFloatArray())
                            .as(array.getName())
                            .containsExactly(tensors.get(array.getName()).toFloatArray());
                }
            }
        }
        assertThat(metadata(out).get("run").asText()).isEqualTo("test");
        assertThat(metadata(out).get("format").asText()).isEqualTo("pt");
        assertThat(Files.size(out) % 4).isZero();
    }

    @Test
    void failedWriteLeavesTheExistingFileAndNoTemporaryFile() throws Exception {
        Path out = temp.resolve("weights.safetensors");
        Files.writeString(out, "previous content");
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        NDArray good = manager.create(new float[] {1, 2, 3});
        NDArray closed = manager.create(new float[] {4, 5});
        closed.close();
        tensors.put("good", good);
        tensors.put("closed", closed);

        assertThatThrownBy(() -> SafetensorsWriter.builder().build().write(out, tensors))
                .isInstanceOf(IllegalStateException.class);

        assertThat(Files.readString(out)).isEqualTo("previous content");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).containsExactly(out);
        }
        good.close();
    }

    @Test
    void scalarsAndIntegerArraysAreWrittenAsFloats() throws Exception {
        Path out = temp.resolve("mixed.safetensors");
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        try (NDManager scope = manager.newSubManager()) {
            tensors.put("logit_scale", scope.create(4.6052f).reshape(new Shape()));
            tensors.put("ids", scope.create(new long[] {3, -7, 49407}));
            SafetensorsWriter.builder().build().write(out, tensors);
        }

        try (StateDict read = StateDicts.read(out, manager)) {
            assertThat(read.get("logit_scale").getShape()).isEqualTo(new Shape());
            assertThat(read.get("logit_scale").getFloat()).isEqualTo(4.6052f);
            assertThat(read.get("ids").toFloatArray()).containsExactly(3f, -7f, 49407f);
        }
    }

    @Test
    void builderSaysWhatIsAllowed() {
        assertThatThrownBy(() -> SafetensorsWriter.builder().optDataType(DataType.BFLOAT16).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SafetensorsWriter writes FLOAT32 or FLOAT16, not bfloat16");
        assertThatThrownBy(() -> SafetensorsWriter.builder().optMetadata("format", "np").build())
                .hasMessageContaining("'format' is reserved");
    }

    private static String sourceFormat(String fixture) throws Exception {
        return WeightsFormat.detect(Fixtures.path(fixture)).description();
    }

    private static JsonNode metadata(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat((8 + length) % 8).isZero();
        String header = new String(bytes, 8, (int) length, StandardCharsets.UTF_8);
        return Fixtures.JSON.readTree(header).get("__metadata__");
    }

    private static ByteBuffer dataSection(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return ByteBuffer.wrap(bytes, 8 + (int) length, bytes.length - 8 - (int) length).slice();
    }
}
