/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference's reading of TRAINER.ViFi_CLIP (trainers/vificlip.py, VLPromptLearner). */
class ReferencePromptConfigTest {

    @Test
    void ctxInitIsUsedForAtMostFourContextVectors() {
        assertThat(new ReferencePromptConfig(4, "a photo of a", 1, 0, 0).initWords())
                .contains("a photo of a");
        assertThat(new ReferencePromptConfig(1, "a photo of a", 1, 0, 0).initWords())
                .contains("a photo of a");
        assertThat(new ReferencePromptConfig(5, "a photo of a", 1, 0, 0).initWords()).isEmpty();
        assertThat(new ReferencePromptConfig(16, "a photo of a", 9, 16, 9).initWords()).isEmpty();
        assertThat(new ReferencePromptConfig(2, "", 1, 0, 0).initWords())
                .isEqualTo(Optional.empty());
    }

    @Test
    void settingsThatContradictTheTensorsAreNamed() {
        PromptLearner tensors =
                PromptLearner.builder()
                        .setTextContext(16)
                        .setVisionContext(16)
                        .optTextDepth(9)
                        .optVisionDepth(9)
                        .build();
        assertThat(new ReferencePromptConfig(16, "a photo of a", 9, 16, 9).disagreements(tensors))
                .isEmpty();
        assertThat(new ReferencePromptConfig(10, "a photo of a", 9, 16, 12).disagreements(tensors))
                .containsExactly(
                        "config N_CTX_TEXT is 10 but the tensors give 16",
                        "config PROMPT_DEPTH_VISION is 12 but the tensors give 9");
        // PROMPT_DEPTH_VISION 0: no vision prompts, whatever N_CTX_VISION says
        PromptLearner textOnly =
                PromptLearner.builder().setTextContext(3).setVisionContext(0).optDepth(2).build();
        assertThat(new ReferencePromptConfig(3, "a photo", 2, 8, 0).disagreements(textOnly))
                .isEmpty();
    }
}
