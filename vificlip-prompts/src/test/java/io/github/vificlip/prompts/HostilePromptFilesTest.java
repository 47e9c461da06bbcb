/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.StateDictMismatchException;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.weights.OfficialLayoutFiles;
import io.github.vificlip.weights.SafetensorsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prompt files and prompting checkpoints made hostile on purpose: bad values, shapes, types, sizes
 * and metadata or config entries are refused naming the file and the tensor or entry.
 */
class HostilePromptFilesTest {

    private static NDManager manager;
    private static ViFiClip model;

    @TempDir Path dir;

    @BeforeAll
    static void load() {
        manager = NDManager.newBaseManager();
        model = TinyPrompts.model();
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    /** The tiny learner's prompts, each value its index (so fp16 holds them exactly). */
    private static Map<String, float[]> prompts() {
        Map<String, float[]> values = new LinkedHashMap<>();
        shapes().forEach(
                        (name, shape) -> {
                            float[] data = new float[Math.toIntExact(shape[0] * shape[1])];
                            for (int i = 0; i < data.length; i++) {
                                data[i] = (i % 64) / 64f;
                            }
                            values.put(name, data);
                        });
        return values;
    }

    private static Map<String, long[]> shapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        TinyPrompts.LEARNER
                .parameterShapes(TinyPrompts.CONFIG)
                .forEach((name, shape) -> shapes.put(name, shape.getShape()));
        return shapes;
    }

    private Path safetensors(Map<String, float[]> values, Map<String, String> metadata)
            throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        Map<String, long[]> shapes = shapes();
        values.forEach(
                (name, data) ->
                        arrays.put(name, manager.create(data, new Shape(shapes.get(name)))));
        SafetensorsWriter.Builder writer = SafetensorsWriter.builder();
        metadata.forEach(writer::optMetadata);
        Path file = dir.resolve("prompts.safetensors");
        writer.build().write(file, arrays);
        return file;
    }

    private Path written(Map<String, NDArray> tensors) throws IOException {
        Path file = dir.resolve("text-only.safetensors");
        SafetensorsWriter.builder().build().write(file, tensors);
        return file;
    }

    @Test
    void nanAndInfinitePromptsAreRefusedByName() throws Exception {
        Map<String, float[]> values = prompts();
        values.get("prompt_learner.ctx")[5] = Float.NaN;
        values.get("visual.transformer.resblocks.2.VPT_shallow")[0] = Float.NEGATIVE_INFINITY;
        Path file = safetensors(values, Map.of());

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        file
                                + ": prompt_learner.ctx has 1 NaN or infinite values,"
                                + " visual.transformer.resblocks.2.VPT_shallow has 1 NaN or"
                                + " infinite values");
    }

    @Test
    void integerPromptsAreRefused() throws Exception {
        String header =
                "{\"prompt_learner.ctx\":{\"dtype\":\"I32\",\"shape\":[3,32],"
                        + "\"data_offsets\":[0,384]}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        out.writeBytes(json);
        out.writeBytes(new byte[384]);
        Path file = Files.write(dir.resolve("int.safetensors"), out.toByteArray());

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        file + ": prompts must be floating point, but prompt_learner.ctx is int32");
    }

    @Test
    void promptsWithoutTokensAreRefused() throws Exception {
        Path file = written(Map.of("prompt_learner.ctx", manager.zeros(new Shape(0, 32))));

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith(
                        "prompts must be [tokens, width] with 1 or more tokens, found (0, 32)");
    }

    @Test
    void blockNumbersBeyondAnyTowerAreUnknownTensors() throws Exception {
        Path file =
                written(
                        Map.of(
                                "prompt_learner.ctx",
                                manager.zeros(new Shape(3, 32)),
                                "transformer.resblocks.99999999999.VPT_shallow",
                                manager.zeros(new Shape(3, 32))));

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith(
                        "unknown prompt tensor transformer.resblocks.99999999999.VPT_shallow");
    }

    @Test
    void tenThousandTextTokensAreRefusedNamingTheFile() throws Exception {
        Path file = written(Map.of("prompt_learner.ctx", manager.zeros(new Shape(10_000, 32))));

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": The prompt learner (10000 text tokens")
                .hasMessageEndingWith(
                        "10000 text context vectors leave no room for class names in 77 tokens");
    }

    @Test
    void moreThanTheMostVisionPromptsAreRefusedNamingTheFile() throws Exception {
        int tokens = PromptLearner.MAX_VISION_CONTEXT + 1;
        Path file = written(Map.of("visual.VPT", manager.zeros(new Shape(tokens, 64))));

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(
                        "at most 1024 vision prompt tokens (attention memory grows with the square"
                                + " of patches plus prompts), got 1025");
    }

    static Stream<Arguments> hostileMetadata() {
        return Stream.of(
                Arguments.of("[1, 2]", "metadata must be a JSON object, found ARRAY"),
                Arguments.of("\"prompts\"", "metadata must be a JSON object, found STRING"),
                Arguments.of("{\"formatVersion\": \"1\"}", "formatVersion must be an integer"),
                Arguments.of("{\"template\": 5}", "template must be a string, found 5"),
                Arguments.of("{\"template\": \"a photo\"}", "exactly one '{}'"),
                Arguments.of("{\"initWords\": [\"a\"]}", "initWords must be a string"),
                Arguments.of("{\"seed\": \"abc\"}", "seed must be an integer, found \"abc\""),
                Arguments.of("{\"seed\": 1.5}", "seed must be an integer, found 1.5"),
                Arguments.of(
                        "{\"textContext\": 7, \"visionDepth\": 9}",
                        "metadata textContext is 7 but the tensors give 3;"
                                + " metadata visionDepth is 9 but the tensors give 3"));
    }

    @ParameterizedTest
    @MethodSource("hostileMetadata")
    void hostileMetadataIsRefusedNamingTheEntry(String metadata, String expected) throws Exception {
        Path file = safetensors(prompts(), Map.of(PromptCheckpoint.METADATA_KEY, metadata));

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void aClassTextThatCannotFitIsRefusedNamingTheFile() throws Exception {
        String template = "{\"template\": \"" + "very ".repeat(2000) + "{}\"}";
        Path file = safetensors(prompts(), Map.of(PromptCheckpoint.METADATA_KEY, template));

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": The class text \"X X X very very")
                .hasMessageEndingWith("leaves no room for class names in 77 tokens");
    }

    // The official layout: {'model': {'module.' + name: tensor}, 'config': {TRAINER: ...}}

    private static Map<String, Object> config(Map<String, Object> changes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("N_CTX_TEXT", 3L);
        settings.put("CTX_INIT", "a photo of");
        settings.put("PROMPT_DEPTH_TEXT", 2L);
        settings.put("N_CTX_VISION", 2L);
        settings.put("PROMPT_DEPTH_VISION", 3L);
        settings.putAll(changes);
        settings.values().removeIf(value -> value.equals("<missing>"));
        return Map.of("TRAINER", Map.of("ViFi_CLIP", settings));
    }

    private Path checkpoint(Map<String, float[]> values, Map<String, Object> config)
            throws IOException {
        return OfficialLayoutFiles.write(dir.resolve("ckpt.pth"), values, shapes(), config);
    }

    @Test
    void anOfficialLayoutCheckpointLoads() throws Exception {
        Path file = checkpoint(prompts(), config(Map.of("EXTRA_SETTING", "ignored")));

        try (PromptCheckpoint checkpoint = PromptCheckpoint.read(file, manager)) {
            assertThat(checkpoint.learner().initWords()).contains("a photo of");
            assertThat(checkpoint.tensors().get("visual.VPT").toFloatArray())
                    .containsExactly(prompts().get("visual.VPT"));
        }
    }

    static Stream<Arguments> hostileConfigs() {
        return Stream.of(
                Arguments.of(
                        Map.of("N_CTX_TEXT", -3L),
                        "config TRAINER.ViFi_CLIP.N_CTX_TEXT must be a non-negative int, found -3"),
                Arguments.of(
                        Map.of("N_CTX_TEXT", 3.0),
                        "config TRAINER.ViFi_CLIP.N_CTX_TEXT must be a non-negative int, found 3.0"),
                Arguments.of(
                        Map.of("PROMPT_DEPTH_VISION", "<missing>"),
                        "PROMPT_DEPTH_VISION must be a non-negative int, found null"),
                Arguments.of(
                        Map.of("N_CTX_TEXT", 10_000L),
                        "config N_CTX_TEXT is 10000 but the tensors give 3"),
                Arguments.of(
                        Map.of("PROMPT_DEPTH_TEXT", 40L),
                        "config PROMPT_DEPTH_TEXT is 40 but the tensors give 2"),
                Arguments.of(Map.of("CTX_INIT", 7L), "config CTX_INIT is not a string: 7"));
    }

    @ParameterizedTest
    @MethodSource("hostileConfigs")
    void hostileConfigValuesAreRefusedNamingTheSetting(Map<String, Object> changes, String expected)
            throws Exception {
        Path file = checkpoint(prompts(), config(changes));

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void aCtxInitOfTenKilobytesIsRefusedNamingTheFile() throws Exception {
        Path file = checkpoint(prompts(), config(Map.of("CTX_INIT", "word ".repeat(2000))));

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": The class text \"word word")
                .hasMessageEndingWith("leaves no room for class names in 77 tokens");
    }

    @Test
    void promptsBeyondHalfPrecisionAreRefused() throws Exception {
        Map<String, float[]> values = prompts();
        values.get("visual.VPT")[3] = 1e6f; // finite in fp32, infinite as the reference's fp16
        Path file = checkpoint(values, config(Map.of()));

        assertThatThrownBy(() -> PromptCheckpoint.read(file, manager))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("visual.VPT has 1 NaN or infinite values (as fp16");
    }

    @Test
    void aCheckpointForAnotherArchitectureIsRefusedByTensor() throws Exception {
        Map<String, long[]> wide = shapes();
        Map<String, float[]> values = prompts();
        for (String name :
                new String[] {"prompt_learner.ctx", "transformer.resblocks.1.VPT_shallow"}) {
            wide.put(name, new long[] {3, 48});
            values.put(name, new float[3 * 48]);
        }
        Path file =
                OfficialLayoutFiles.write(dir.resolve("wide.pth"), values, wide, config(Map.of()));

        assertThatThrownBy(() -> PromptedViFiClip.load(model, file))
                .isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining(
                        "mismatched prompt_learner.ctx: expected (3, 32) float32, found (3, 48)");
    }
}
