/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClipConfigPresetLookupTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ViT-B/16", "vit-b/16", "ViT-B-16", " VIT-B-16 "})
    void presetsAreFoundByNameWhateverTheCaseAndSeparator(String name) {
        assertThat(ClipConfig.preset(name)).isSameAs(ClipConfig.VIT_B_16);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ViT-B/32", "ViT-L-14"})
    void everyPresetIsFound(String name) {
        assertThat(ClipConfig.preset(name).name()).isEqualTo(name.replace("L-14", "L/14"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ViT-H/14", "RN50"})
    void unknownNamesListTheKnownOnes(String name) {
        assertThatThrownBy(() -> ClipConfig.preset(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known presets: ViT-B/32, ViT-B/16, ViT-L/14");
    }
}
