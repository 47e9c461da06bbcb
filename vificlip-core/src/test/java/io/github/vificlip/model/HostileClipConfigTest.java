/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile configuration files: each is refused in one line naming the file and the field, before
 * anything is allocated.
 */
class HostileClipConfigTest {

    private static final String TINY =
            "{\"name\":\"t\",\"embedDim\":16,\"imageSize\":32,\"patchSize\":8,\"visionWidth\":32,"
                    + "\"visionLayers\":2,\"visionHeads\":2,\"contextLength\":77,"
                    + "\"vocabSize\":49408,\"textWidth\":32,\"textLayers\":2,\"textHeads\":2,"
                    + "\"mlpRatio\":4,\"layerNormEps\":1e-5}";

    @TempDir Path temp;

    @Test
    void theTinyConfigurationReads() throws IOException {
        assertThat(ClipConfig.fromJson(write(TINY)).visionWidth()).isEqualTo(32);
    }

    /** Values that used to be read as something else: a string, a cut float, a repeated field. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"visionWidth\":32        | \"visionWidth\":\"32\"       | field 'visionWidth'",
                "\"visionWidth\":32        | \"visionWidth\":32.5         | field 'visionWidth'",
                "\"visionWidth\":32        | \"visionWidth\":1e9          | field 'visionWidth'",
                "\"visionWidth\":32        | \"visionWidth\":true         | field 'visionWidth'",
                "\"layerNormEps\":1e-5     | \"layerNormEps\":\"1e-5\"    | field 'layerNormEps'",
                "\"visionWidth\":32        | \"visionWidth\":null         | [visionWidth]",
                "\"visionWidth\":32,       | ''                           | [visionWidth]",
                "\"mlpRatio\":4            | \"mlpRatio\":4,\"mlpRatio\":8 | Duplicate field 'mlpRatio'",
                "\"layerNormEps\":1e-5}    | \"layerNormEps\":1e-5} {}     | line 1",
                "\"layerNormEps\":1e-5     | \"layerNormEps\":NaN         | line 1",
            })
    void wrongTypesAndShapesAreRefusedNamingTheField(String from, String to, String expected)
            throws IOException {
        Path file = write(TINY.replace(from, to));

        assertThatThrownBy(() -> ClipConfig.fromJson(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(file + ": not a valid ClipConfig: ")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Sizes far beyond the largest CLIP (ViT-bigG/14) are refused before any allocation. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"visionWidth\":32     | \"visionWidth\":1000000000   | visionWidth must be at most 4096",
                "\"visionLayers\":2     | \"visionLayers\":100000      | visionLayers must be at most 128",
                "\"contextLength\":77   | \"contextLength\":10000000   | contextLength must be at most 1024",
                "\"contextLength\":77   | \"contextLength\":0          | contextLength must be positive",
                "\"vocabSize\":49408    | \"vocabSize\":2000000000     | vocabSize must be at most 1048576",
                "\"embedDim\":16        | \"embedDim\":2000000000      | embedDim must be at most 4096",
                "\"mlpRatio\":4         | \"mlpRatio\":100000          | mlpRatio must be at most 16",
                "\"patchSize\":8        | \"patchSize\":64             | multiple of patchSize 64",
                "\"imageSize\":32 | \"imageSize\":1024 | at most 64 patches a side, got 128",
                "\"visionHeads\":2      | \"visionHeads\":3            | divisible by visionHeads 3",
                "\"layerNormEps\":1e-5  | \"layerNormEps\":1e39        | layerNormEps must be",
            })
    void absurdSizesAreRefused(String from, String to, String expected) throws IOException {
        Path file = write(TINY.replace(from, to));

        assertThatThrownBy(() -> ClipConfig.fromJson(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(file + ": not a valid ClipConfig: Invalid CLIP")
                .hasMessageContaining(expected);
    }

    @Test
    void aModelOverTheParameterLimitIsRefusedThoughEachSizeIsAllowed() {
        ClipConfig.Builder huge =
                ClipConfig.builder()
                        .setEmbedDim(4096)
                        .setImageSize(224)
                        .setPatchSize(14)
                        .setVisionWidth(4096)
                        .setVisionLayers(128)
                        .setVisionHeads(32)
                        .setTextWidth(4096)
                        .setTextLayers(128)
                        .setTextHeads(32);

        assertThatThrownBy(huge::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters is over the limit of 5,000,000,000");
    }

    @Test
    void theLargestRealClipFitsTheLimits() {
        ClipConfig bigG =
                ClipConfig.builder()
                        .setName("ViT-bigG/14")
                        .setEmbedDim(1280)
                        .setImageSize(224)
                        .setPatchSize(14)
                        .setVisionWidth(1664)
                        .setVisionLayers(48)
                        .setVisionHeads(16)
                        .setTextWidth(1280)
                        .setTextLayers(32)
                        .setTextHeads(20)
                        .build();

        assertThat(bigG.parameterCount()).isBetween(2_000_000_000L, ClipConfig.MAX_PARAMETERS);
    }

    @Test
    void aNameWithALineBreakIsRefusedWithoutEchoingIt() throws IOException {
        Path file = write(TINY.replace("\"name\":\"t\"", "\"name\":\"a\\nb\""));

        assertThatThrownBy(() -> ClipConfig.fromJson(file))
                .hasMessageContaining("name must not contain control characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path file = temp.resolve("huge.json");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"name\": \"");
            for (int i = 0; i < 1 << 10; i++) {
                out.write("a".repeat(1 << 10));
            }
            out.write("\"}");
        }

        assertThatThrownBy(() -> ClipConfig.fromJson(file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("bytes, a configuration is at most 65536");
    }

    @Test
    void deepNestingAndNonUtf8AreRefusedInOneLine() throws IOException {
        Path deep = write("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        Path latin1 = temp.resolve("latin1.json");
        Files.write(
                latin1, TINY.replace("\"t\"", "\"\u00ff\"").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ClipConfig.fromJson(deep))
                .hasMessageStartingWith(deep + ": not a valid ClipConfig: ")
                .hasMessageContaining("nesting depth")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> ClipConfig.fromJson(latin1))
                .hasMessageStartingWith(latin1 + ": not a valid ClipConfig: ")
                .hasMessageContaining("UTF-8")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aFolderOrADeviceIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> ClipConfig.fromJson(temp))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(
                        temp
                                + ": cannot read the configuration: not a regular file (a folder,"
                                + " device or pipe)");
        Path endless = Path.of("/dev/zero");
        assumeTrue(Files.exists(endless), "a device that never ends");
        assertThatThrownBy(() -> ClipConfig.fromJson(endless))
                .hasMessageContaining("/dev/zero: cannot read the configuration: not a regular");
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(temp, "config", ".json");
        Files.writeString(file, json);
        return file;
    }
}
