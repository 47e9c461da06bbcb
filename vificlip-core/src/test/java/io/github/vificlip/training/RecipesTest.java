/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipesTest {

    @Test
    void shipsEverySettingOfTheSpec() {
        assertThat(Recipes.names())
                .contains(
                        "zero-shot-k400",
                        "zero-shot-k400-image",
                        "zero-shot-k400-text",
                        "base2novel-finetune",
                        "base2novel-prompt",
                        "few-shot-finetune",
                        "few-shot-prompt",
                        "fully-supervised-k400",
                        "fully-supervised-k400-image",
                        "fully-supervised-k400-text");
    }

    @Test
    void valuesEqualSpecTable() {
        Recipe zeroShot = Recipes.get("zero-shot-k400");
        assertThat(zeroShot.frames()).isEqualTo(32);
        assertThat(zeroShot.batchSize() * zeroShot.accumulation()).isEqualTo(32);
        assertThat(zeroShot.epochs()).isEqualTo(10);
        assertThat(zeroShot.learningRate()).isEqualTo(8e-6);
        assertThat(zeroShot.warmupEpochs()).isEqualTo(5);
        assertThat(zeroShot.template().apply("abseiling")).isEqualTo("a photo of a abseiling.");

        Recipe fewShotPrompt = Recipes.get("few-shot-prompt");
        assertThat(fewShotPrompt.tune()).isEqualTo(TuningMode.PROMPTS);
        assertThat(fewShotPrompt.learningRate()).isEqualTo(8e-3);
        assertThat(fewShotPrompt.epochs()).isEqualTo(50);
        assertThat(fewShotPrompt.prompts()).isEqualTo(new Recipe.PromptSizes(10, 10, 12, 12));

        Recipe baseNovelPrompt = Recipes.get("base2novel-prompt");
        assertThat(baseNovelPrompt.learningRate()).isEqualTo(4e-2);
        assertThat(baseNovelPrompt.prompts()).isEqualTo(new Recipe.PromptSizes(16, 16, 9, 9));

        Recipe supervised = Recipes.get("fully-supervised-k400");
        assertThat(supervised.frames()).isEqualTo(16);
        assertThat(supervised.accumulation()).isEqualTo(16);
        assertThat(supervised.learningRate()).isEqualTo(2.2e-5);
        assertThat(supervised.finalTestClips() * supervised.finalTestCrops()).isEqualTo(12);

        Recipe imageOnly = Recipes.get("fully-supervised-k400-image");
        assertThat(imageOnly.tune()).isEqualTo(TuningMode.IMAGE);
        assertThat(imageOnly.accumulation()).isEqualTo(8);
        assertThat(imageOnly.learningRate()).isEqualTo(8e-6);

        Recipe fewShot = Recipes.get("few-shot-finetune");
        assertThat(fewShot.learningRate()).isEqualTo(2e-6);
        assertThat(fewShot.saveFrequency()).isEqualTo(10);
        assertThat(fewShot.weightDecay()).isEqualTo(1e-3);
        assertThat(fewShot.beta2()).isEqualTo(0.98);
        assertThat(fewShot.mixupAlpha()).isEqualTo(0.8);
        assertThat(fewShot.cutmixAlpha()).isEqualTo(1.0);
        assertThat(fewShot.labelSmoothing()).isEqualTo(0.1);
        assertThat(fewShot.seed()).isEqualTo(1024);
    }

    @Test
    void overridesChangeSingleValuesAndAreValidated() {
        Recipe recipe =
                Recipes.withOverrides(
                        Recipes.get("base2novel-prompt"),
                        Map.of("epochs", "2", "frames", "8", "prompts.textDepth", "3"));

        assertThat(recipe.epochs()).isEqualTo(2);
        assertThat(recipe.frames()).isEqualTo(8);
        assertThat(recipe.prompts().textDepth()).isEqualTo(3);
        assertThat(recipe.learningRate()).isEqualTo(4e-2);

        assertThatThrownBy(
                        () ->
                                Recipes.withOverrides(
                                        Recipes.get("few-shot-finetune"), Map.of("epoch", "3")))
                .hasMessageContaining("Unknown recipe value 'epoch'")
                .hasMessageContaining("epochs");
        assertThatThrownBy(
                        () ->
                                Recipes.withOverrides(
                                        Recipes.get("few-shot-finetune"), Map.of("frames", "0")))
                .hasMessageContaining("frames must be at least 1");
        assertThatThrownBy(
                        () ->
                                Recipes.withOverrides(
                                        Recipes.get("few-shot-finetune"), Map.of("tune", "all")))
                .hasMessageContaining("tune must be one of");
        assertThatThrownBy(() -> Recipes.get("few-shots"))
                .hasMessageContaining("Unknown recipe 'few-shots'")
                .hasMessageContaining("few-shot-finetune");
    }

    @Test
    void typedValuesChangeByNameAndThroughToBuilder() {
        Recipe fewShot = Recipes.get("few-shot-finetune");
        assertThat(fewShot.toBuilder().build()).isEqualTo(fewShot);

        Recipe videoPrompt =
                Recipes.withOverrides(
                        fewShot, Map.of("template", "a video of {}.", "tune", "image"));
        assertThat(videoPrompt.template()).isEqualTo(PromptTemplate.of("a video of {}."));
        assertThat(videoPrompt.tune()).isEqualTo(TuningMode.IMAGE);
        assertThat(Recipes.toJson(videoPrompt).get("template").asText())
                .isEqualTo("a video of {}.");
        assertThat(Recipes.toJson(videoPrompt).get("tune").asText()).isEqualTo("image");
        assertThat(
                        fewShot.toBuilder()
                                .optTemplate(PromptTemplate.of("a video of {}."))
                                .optTune(TuningMode.IMAGE)
                                .build())
                .isEqualTo(videoPrompt);

        assertThatThrownBy(() -> Recipes.withOverrides(fewShot, Map.of("template", "a video")))
                .hasMessageContaining("exactly one '{}'");
        assertThatThrownBy(() -> fewShot.toBuilder().optTune(TuningMode.NONE).build())
                .hasMessageContaining("tune must be one of");
    }
}
