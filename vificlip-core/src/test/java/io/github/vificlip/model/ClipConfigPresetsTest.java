/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every preset file, tested the moment it exists (timm's idea): it is found by its name, its file
 * is named after it, it round-trips through JSON and its tensor table has CLIP's structure.
 */
class ClipConfigPresetsTest {

    @TempDir Path temp;

    static List<ClipConfig> presets() {
        return ClipConfig.presets();
    }

    @Test
    void theReleasedArchitecturesArePresetsCheapestFirst() {
        assertThat(ClipConfig.presets())
                .startsWith(ClipConfig.VIT_B_32, ClipConfig.VIT_B_16)
                .contains(ClipConfig.VIT_L_14)
                .isSortedAccordingTo(Comparator.comparingLong(ClipConfig::visionMacsPerImage));
        assertThat(ClipConfig.presets().stream().map(ClipConfig::name)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void eachPresetIsItsOwnFileAndFoundByName(ClipConfig preset) throws Exception {
        String file = ClipPresets.FOLDER + preset.name().replace('/', '-') + ".json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            assertThat(ClipConfig.fromJson(in, file)).isEqualTo(preset);
        }
        assertThat(ClipConfig.preset(preset.name())).isSameAs(preset);
        assertThat(ClipConfig.preset(preset.name().replace('/', '-').toLowerCase()))
                .isSameAs(preset);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void eachPresetRoundTripsThroughJson(ClipConfig preset) throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(preset));

        assertThat(ClipConfig.fromJson(file)).isEqualTo(preset);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void eachPresetHasClipsTensorTable(ClipConfig preset) {
        var shapes = ClipModel.parameterShapes(preset);

        assertThat(shapes).hasSize(14 + 12 * (preset.visionLayers() + preset.textLayers()));
        assertThat(shapes.get("visual.positional_embedding").get(0))
                .isEqualTo(preset.visionTokens());
        assertThat(shapes.get("token_embedding.weight").get(0)).isEqualTo(preset.vocabSize());
        assertThat(preset.imageSize() % preset.patchSize()).isZero();
    }

    @Test
    void badJsonIsRefusedNamingTheSourceAndEveryProblem() {
        String invalid =
                "{\"name\":\"bad\",\"embedDim\":16,\"imageSize\":30,\"patchSize\":8,"
                        + "\"visionWidth\":32,\"visionLayers\":1,\"visionHeads\":3,"
                        + "\"contextLength\":77,\"vocabSize\":100,\"textWidth\":32,"
                        + "\"textLayers\":1,\"textHeads\":2,\"mlpRatio\":4,\"layerNormEps\":1e-5}";

        assertThatThrownBy(() -> ClipConfig.fromJson(stream(invalid), "bad.json"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("bad.json: not a valid ClipConfig: ")
                .hasMessageContaining("imageSize 30 must be a multiple of patchSize 8")
                .hasMessageContaining("visionWidth 32 must be divisible by visionHeads 3");
        assertThatThrownBy(() -> ClipConfig.fromJson(stream("{\"embedDims\": 1}"), "typo.json"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("typo.json: not a valid ClipConfig: ")
                .hasMessageContaining("embedDims");
        assertThatThrownBy(() -> ClipConfig.fromJson(stream("{\"name\": "), "cut.json"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cut.json: not a valid ClipConfig: ");
        Path absent = temp.resolve("absent.json");
        assertThatThrownBy(() -> ClipConfig.fromJson(absent))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(absent + ": cannot read the configuration");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
