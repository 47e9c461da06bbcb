/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile model-folder keys ({@code serving.properties} lines or {@code Criteria.optArgument}
 * values): each is refused naming the key, before any weights load.
 */
class HostileZooArgumentsTest {

    @TempDir static Path dir;
    static Path folder;

    @BeforeAll
    static void writeFolder() throws IOException {
        folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("labels.csv"), "id,name\n0,a\n1,b\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "frames | 1000000        | 'frames' must be at most 256, got '1000000'",
                "frames | 2147483648     | 'frames' must be a positive whole number",
                "frames | 0              | 'frames' must be a positive whole number",
                "topK   | -1             | 'topK' must be a positive whole number",
                "views  | 999999999999x3 | 'views' needs 1 to 64 clips and 1 or 3 crops",
                "views  | 1000000x1      | 'views' needs 1 to 64 clips and 1 or 3 crops",
                "views  | 2x999999999999 | 'views' needs 1 to 64 clips and 1 or 3 crops",
                "frame  | 8              | Unknown key 'frame'",
                "TopK   | 8              | Unknown key 'TopK'",
                "label  | labels.csv     | did you mean 'labels'?",
                "template | no braces    | 'template': A prompt template needs exactly one '{}'",
                "preset | ViT-Q/1        | 'preset': Unknown CLIP preset 'ViT-Q/1'",
            })
    void outOfRangeAndMisspeltValuesAreRefusedNamingTheKey(
            String key, String value, String expected) {
        assertThatThrownBy(
                        () -> {
                            ZooArguments.checkSettings(folder, Map.of(key, value));
                            ZooArguments.config(folder, Map.of(key, value));
                        })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource({"weights, ../../x.pt", "labels, ../labels.csv", "prompts, a/../../p.safetensors"})
    void relativeNamesThatLeaveTheFolderAreRefused(String key, String name) {
        assertThatThrownBy(
                        () -> {
                            ZooArguments.checkSettings(folder, Map.of(key, name));
                            ZooArguments.prompts(folder, Map.of(key, name));
                            ZooArguments.weights(folder, Map.of(key, name));
                        })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "' names " + name + ", outside the model folder");
        assertThatThrownBy(() -> ZooArguments.config(folder, Map.of("config", "../c.json")))
                .hasMessageContaining("'config' names ../c.json, outside the model folder");
    }

    @Test
    void absoluteAndInsideNamesStillResolve() {
        Path elsewhere = dir.resolve("elsewhere.pt").toAbsolutePath();
        assertThat(ZooArguments.weights(folder, Map.of("weights", elsewhere + ",sub/../w.pt")))
                .containsExactly(elsewhere, folder.resolve("sub/../w.pt"));
    }

    @Test
    void classListsThatNoTranslatorTakesAreRefusedBeforeTheWeightsLoad() throws IOException {
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        folder, Map.of("classes", Arrays.asList("a", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'classes' holds a null item");
        assertThatThrownBy(() -> ZooArguments.checkSettings(folder, Map.of("classes", "a, b,a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'classes': Class names 1 and 3 of 3 are both \"a\": each class needs its"
                                + " own name");
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        folder, Map.of("classes", List.of("archery", " \t"))))
                .hasMessageContaining("Class name 2 of 2 is empty or only spaces");
        assertThatThrownBy(() -> ZooArguments.checkSettings(folder, Map.of("classes", "a,,b")))
                .hasMessage(
                        "'classes' has an empty item at position 2 of 3 (two commas in a row, or"
                                + " one at an end?)");
        assertThat(ZooArguments.classNames(folder, Map.of("classes", "archery, surfing water")))
                .containsExactly("archery", "surfing water");

        Files.writeString(folder.resolve("empty.csv"), "");
        assertThatThrownBy(() -> ZooArguments.checkSettings(folder, Map.of("labels", "empty.csv")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("'labels'")
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("empty label file");
        assertThatThrownBy(() -> ZooArguments.checkSettings(folder, Map.of("labels", ".")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'labels' names "
                                + folder.resolve(".")
                                + ", not a regular file (a folder, device or pipe)");
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.exists(endless), "a device that never ends");
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        folder, Map.of("labels", endless.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/dev/zero, not a regular file");
    }

    @Test
    void aLabelFileOfAMillionRowsIsRefusedWithoutAHugeMessage() throws IOException {
        Path big = folder.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            out.write("id,name\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write(i + ",c" + i + "\n");
            }
        }

        assertThatThrownBy(() -> ZooArguments.checkSettings(folder, Map.of("labels", "big.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'labels' (" + big + ")")
                .hasMessageContaining("at most 25,000 class names, got 1,000,000")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(500));
    }

    @Test
    void theTranslatorRefusesWhatTheKeysRefuse() {
        assertThatThrownBy(
                        () ->
                                VideoClassificationTranslator.builder()
                                        .setClassNames(List.of("a"))
                                        .optFrames(1_000_000)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 256");
        assertThatThrownBy(
                        () ->
                                VideoClassificationTranslator.builder()
                                        .setClassNames(Arrays.asList("a", null))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class name 2 is null");
    }

    @Test
    void brokenFoldersAreRefusedNamingTheFile() throws IOException {
        Path binary = Files.createDirectories(dir.resolve("binary"));
        Path properties = binary.resolve("serving.properties");
        Files.write(properties, new byte[] {(byte) 0xff, (byte) 0xfe, '=', 1});
        assertThatThrownBy(() -> throughZoo(binary).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(properties + ": not a readable properties file");

        Path escape = Files.createDirectories(dir.resolve("escape"));
        Files.writeString(escape.resolve("serving.properties"), "classes=a\\u00zz\n");
        assertThatThrownBy(() -> throughZoo(escape).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escape/serving.properties")
                .hasMessageContaining("Malformed");

        Path folderIsADirectory = Files.createDirectories(dir.resolve("dir-props"));
        Files.createDirectories(folderIsADirectory.resolve("serving.properties"));
        assertThatThrownBy(() -> throughZoo(folderIsADirectory).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dir-props/serving.properties");

        Path huge = Files.createDirectories(dir.resolve("huge-props"));
        Files.write(huge.resolve("serving.properties"), new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> throughZoo(huge).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("huge-props/serving.properties")
                .hasMessageContaining("1048577 bytes, expected at most 1048576");

        Path file = folder.resolve("labels.csv");
        assertThatThrownBy(() -> throughZoo(file).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " (argument modelPath) is not a folder");
    }

    private static Criteria<Path, Classifications> throughZoo(Path modelFolder) {
        return Criteria.builder()
                .setTypes(Path.class, Classifications.class)
                .optArgument(ZooArguments.MODEL_PATH, modelFolder)
                .build();
    }
}
