/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.model.LoadReport;
import io.github.vificlip.testing.TinyConfigs;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class StateDictsTest {

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
    void readsEveryTensorUnderOpenAiNames(String fixture) throws Exception {
        JsonNode expected = Fixtures.expected(fixture);
        Path file = Fixtures.path(fixture);

        try (StateDict weights = StateDicts.read(file, manager)) {
            WeightsIndex source = weights.sources().get(0);
            assertThat(source.format().name()).isEqualTo(expected.get("format").asText());
            assertThat(source.layout().name()).isEqualTo(expected.get("layout").asText());
            assertThat(source.container()).isEqualTo(expected.get("container").asText());
            assertThat(source.otherEntries())
                    .containsExactlyElementsOf(strings(expected.get("other_entries")));

            List<String> names = new ArrayList<>();
            expected.get("tensors").forEach(t -> names.add(t.get("name").asText()));
            assertThat(weights.names()).containsExactlyElementsOf(names);
            for (JsonNode tensor : expected.get("tensors")) {
                String name = tensor.get("name").asText();
                NDArray array = weights.get(name);
                TensorInfo info = weights.info(name);
                assertThat(array.getDataType()).isEqualTo(DataType.FLOAT32);
                assertThat(array.getShape()).as(name).isEqualTo(shape(tensor.get("shape")));
                assertThat(StoredTypes.label(info.storedType()))
                        .as(name)
                        .isEqualTo(tensor.get("stored").asText());
                assertThat(info.sourceNames())
                        .containsExactlyElementsOf(strings(tensor.get("sources")));
                assertThat(info.conversion()).isEqualTo(tensor.get("conversion").asText());
                assertThat(info.file()).isEqualTo(file);
                assertChecksums(name, array.toFloatArray(), tensor);
            }
            List<String> dropped = new ArrayList<>();
            weights.dropped().forEach(d -> dropped.add(d.sourceName()));
            List<String> expectedDropped = new ArrayList<>();
            expected.get("dropped").forEach(d -> expectedDropped.add(d.get("source").asText()));
            assertThat(dropped).containsExactlyElementsOf(expectedDropped);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("READABLE")
    void inspectingDescribesTheSameTensorsWithoutReadingThem(String fixture) throws Exception {
        Path file = Fixtures.path(fixture);
        JsonNode expected = Fixtures.expected(fixture);

        WeightsIndex index = StateDicts.inspect(file);

        assertThat(index.file()).isEqualTo(file);
        assertThat(index.fileSize()).isEqualTo(file.toFile().length());
        assertThat(index.tensors()).hasSize(expected.get("tensors").size());
        long parameters = 0;
        for (JsonNode tensor : expected.get("tensors")) {
            parameters += shape(tensor.get("shape")).size();
        }
        assertThat(index.parameterCount()).isEqualTo(parameters);
        JsonNode architecture = expected.get("architecture");
        if (architecture.isNull()) {
            assertThatThrownBy(index::detectArchitecture)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(file + ": Cannot detect the CLIP architecture");
        } else {
            ClipConfig config = index.detectArchitecture();
            assertThat(config.name()).isEqualTo("custom");
            assertThat(Fixtures.JSON.valueToTree(config).toString())
                    .isEqualTo(withNameAndEps(architecture, config));
        }
    }

    @Test
    void everyFp32LayoutGivesBitIdenticalTensors() throws Exception {
        try (StateDict openai = StateDicts.read(Fixtures.path("openai_tiny.safetensors"), manager);
                StateDict openClip =
                        StateDicts.read(Fixtures.path("open_clip_tiny_epoch_32.pt"), manager);
                StateDict vifi = StateDicts.read(Fixtures.path("vifi_clip_tiny.pth"), manager)) {
            int compared = 0;
            for (String name : vifi.names()) {
                assertThat(vifi.get(name).toFloatArray())
                        .as(name)
                        .containsExactly(openClip.get(name).toFloatArray());
                if (openai.info(name).storedType() == DataType.FLOAT32) {
                    assertThat(vifi.get(name).toFloatArray())
                            .containsExactly(openai.get(name).toFloatArray());
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(50);
        }
    }

    @Test
    void huggingFacePackingAndTransposingMatchOpenClipsNames() throws Exception {
        try (StateDict hf = StateDicts.read(Fixtures.path("hf_tiny.safetensors"), manager);
                StateDict openClip =
                        StateDicts.read(
                                Fixtures.path("open_clip_custom_text_tiny.safetensors"), manager);
                StateDict jit = StateDicts.read(Fixtures.path("openai_tiny_jit.pt"), manager)) {
            assertThat(hf.names()).containsExactlyInAnyOrderElementsOf(openClip.names());
            for (String name : openClip.names()) {
                assertThat(hf.get(name).toFloatArray())
                        .as(name)
                        .containsExactly(openClip.get(name).toFloatArray());
                if (jit.info(name).storedType() == DataType.FLOAT16) {
                    assertThat(jit.get(name).toFloatArray())
                            .as(name)
                            .containsExactly(openClip.get(name).toFloatArray());
                }
            }
            assertThat(hf.info("visual.transformer.resblocks.1.attn.in_proj_weight").sourceNames())
                    .containsExactly(
                            "vision_model.encoder.layers.1.self_attn.q_proj.weight",
                            "vision_model.encoder.layers.1.self_attn.k_proj.weight",
                            "vision_model.encoder.layers.1.self_attn.v_proj.weight");
        }
    }

    @Test
    void torchScriptArchiveGivesOpenAisArchitectureAndDropsItsScalars() throws Exception {
        try (StateDict jit = StateDicts.read(Fixtures.path("openai_tiny_jit.pt"), manager)) {
            assertThat(jit.size()).isEqualTo(ClipModel.parameterShapes(tiny()).size());
            LoadReport report =
                    LoadReport.compareShapes(ClipModel.parameterShapes(tiny()), jit.tensors());
            assertThat(report.isComplete()).isTrue();
            assertThat(report.ignored()).isEmpty();
            assertThat(jit.dropped())
                    .extracting(DroppedTensor::sourceName)
                    .containsExactly("input_resolution", "context_length", "vocab_size");
            assertThat(jit.dropped().get(0).reason()).contains("not a parameter");
            assertThat(jit.info("visual.proj").storedType()).isEqualTo(DataType.FLOAT16);
            assertThat(jit.info("visual.ln_pre.weight").storedType()).isEqualTo(DataType.FLOAT32);
        }
    }

    @Test
    void viFiClipCheckpointReadOverOpenAiWeightsIsComplete() throws Exception {
        Path openai = Fixtures.path("openai_tiny_jit.pt");
        Path vifi = Fixtures.path("vifi_clip_prompts_tiny.pth");

        try (StateDict weights = StateDicts.read(List.of(openai, vifi), manager)) {
            assertThat(weights.detectArchitecture()).isEqualTo(tiny());
            assertThat(weights.info("token_embedding.weight").file()).isEqualTo(openai);
            assertThat(weights.info("visual.proj").file()).isEqualTo(vifi);
            assertThat(weights.info("visual.proj").storedType()).isEqualTo(DataType.BFLOAT16);
            assertThat(weights.names())
                    .contains(
                            "prompt_learner.ctx",
                            "visual.VPT",
                            "visual.transformer.resblocks.1.VPT_shallow",
                            "transformer.resblocks.1.VPT_shallow");
            LoadReport report =
                    LoadReport.compareShapes(ClipModel.parameterShapes(tiny()), weights.tensors());
            assertThat(report.missing()).isEmpty();
            assertThat(report.mismatched()).isEmpty();
            assertThat(report.unexpected()).isEmpty();
            assertThat(report.ignored())
                    .containsExactlyInAnyOrder(
                            "prompt_learner.ctx",
                            "visual.VPT",
                            "visual.transformer.resblocks.1.VPT_shallow",
                            "transformer.resblocks.1.VPT_shallow");
            assertThat(weights.dropped())
                    .extracting(DroppedTensor::sourceName)
                    .containsExactly(
                            "input_resolution",
                            "context_length",
                            "vocab_size",
                            "module.prompt_learner.token_prefix",
                            "module.prompt_learner.token_suffix");
            assertThat(weights.sources())
                    .extracting(WeightsIndex::format)
                    .containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.TORCH_ZIP);
        }
    }

    @Test
    void viFiClipCheckpointAloneCannotNameItsArchitecture() throws Exception {
        Path vifi = Fixtures.path("vifi_clip_tiny.pth");
        try (StateDict weights = StateDicts.read(vifi, manager)) {
            assertThatThrownBy(weights::detectArchitecture)
                    .hasMessageStartingWith(vifi.toString())
                    .hasMessageContaining("token_embedding.weight is absent")
                    .hasMessageContaining("OpenAI CLIP weights they were fine-tuned from");
            assertThatThrownBy(() -> weights.get("token_embedding.weight"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "No tensor 'token_embedding.weight' in the weights read from " + vifi);
        }
    }

    @Test
    void filteredReadLoadsOnlyTheChosenTensors() throws Exception {
        try (StateDict visual =
                StateDicts.read(
                        List.of(Fixtures.path("open_clip_tiny_epoch_32.pt")),
                        manager,
                        name -> name.startsWith("visual."))) {
            assertThat(visual.names()).allMatch(name -> name.startsWith("visual.")).hasSize(32);
        }
    }

    @Test
    void closingFreesTheArrays() throws Exception {
        StateDict weights = StateDicts.read(Fixtures.path("tensor_views.pt"), manager);
        NDArray array = weights.get("transposed");

        weights.close();

        assertThat(weights.getManager().isOpen()).isFalse();
        assertThatThrownBy(array::toFloatArray).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short_storage.pt | storage record archive/data/0 of tensor 'visual.proj' has 4096"
                        + " bytes, but the pickle declares 2048 elements of F32 (8192 bytes): the"
                        + " file is damaged",
                "storage_too_small.pt | tensor 'visual.proj' (shape [64, 32], strides [32, 1], from"
                        + " element 0) needs 2048 elements of storage archive/data/0, which holds"
                        + " 100",
                "unknown_opcode.pt | archive/data.pkl: unknown pickle opcode 0xff",
                "lying_header.safetensors | tensor 'visual.proj' in the safetensors header is F32"
                        + " (4, 4) = 64 bytes, but its data_offsets span 16 bytes",
                "truncated_header.safetensors | safetensors header length is 4096 bytes but the"
                        + " file has 20 bytes after the length field",
                "hf_missing_v.safetensors | tensor"
                        + " 'text_model.encoder.layers.1.self_attn.v_proj.weight' is missing",
                "truncated.pth | damaged zip archive",
                "legacy_format.pt | legacy format"
            })
    void damagedFilesAreRefusedNamingFileAndProblem(String fixture, String message) {
        Path file = Fixtures.path(fixture);

        assertThatThrownBy(() -> StateDicts.read(file, manager))
                .isInstanceOf(WeightsException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void readsTensorsBeyondTheFirstTwoGigabytes() throws Exception {
        // A sparse 2.5 GB safetensors file: a huge tensor of zeros, then a small one.
        Path file = temp.resolve("big.safetensors");
        long big = 2_500_000_000L;
        String header =
                "{\"big\":{\"dtype\":\"U8\",\"shape\":["
                        + big
                        + "],\"data_offsets\":[0,"
                        + big
                        + "]},\"visual.class_embedding\":{\"dtype\":\"F32\",\"shape\":[3],"
                        + "\"data_offsets\":["
                        + big
                        + ","
                        + (big + 12)
                        + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            out.write(length.putLong(json.length).array());
            out.write(json);
            out.seek(8 + json.length + big);
            ByteBuffer tail = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            out.write(tail.putFloat(1.5f).putFloat(-2f).putFloat(1e-3f).array());
        }

        assertThat(StateDicts.inspect(file).parameterCount()).isEqualTo(big + 3);
        try (StateDict weights =
                StateDicts.read(List.of(file), manager, name -> !name.equals("big"))) {
            assertThat(weights.get("visual.class_embedding").toFloatArray())
                    .containsExactly(1.5f, -2f, 1e-3f);
        }
    }

    static ClipConfig tiny() {
        return TinyConfigs.SMALL_VOCABULARY;
    }

    private static void assertChecksums(String name, float[] values, JsonNode expected) {
        double sum = 0;
        double sumSq = 0;
        double weighted = 0;
        double scale = 0;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            sum += x;
            sumSq += x * x;
            weighted += x * (i % 7 + 1);
            scale += Math.abs(x) * 7;
        }
        double tolerance = 1e-9 * (scale + 1);
        assertThat(sum)
                .as(name + " sum")
                .isCloseTo(expected.get("sum").asDouble(), within(tolerance));
        assertThat(sumSq)
                .as(name + " sum of squares")
                .isCloseTo(expected.get("sum_sq").asDouble(), within(1e-9 * (sumSq + 1)));
        assertThat(weighted)
                .as(name + " weighted sum")
                .isCloseTo(expected.get("weighted").asDouble(), within(tolerance));
    }

    private static String withNameAndEps(JsonNode architecture, ClipConfig detected) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "custom");
        architecture.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asInt()));
        fields.put("layerNormEps", detected.layerNormEps());
        return Fixtures.JSON.valueToTree(fields).toString();
    }

    private static Shape shape(JsonNode dims) {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i).asLong();
        }
        return new Shape(shape);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
