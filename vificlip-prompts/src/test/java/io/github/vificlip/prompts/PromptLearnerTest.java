/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.training.Recipes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sizes, names, counts and validation: nothing here allocates a tensor. */
class PromptLearnerTest {

    @Test
    void baseToNovelOnVitB16Learns184320ValuesIn18Tensors() {
        PromptLearner learner = PromptLearner.baseToNovel();
        Map<String, Shape> shapes = learner.parameterShapes(ClipConfig.VIT_B_16);

        List<String> expected = new ArrayList<>();
        expected.add("prompt_learner.ctx");
        expected.add("visual.VPT");
        for (int i = 1; i <= 8; i++) {
            expected.add("visual.transformer.resblocks." + i + ".VPT_shallow");
        }
        for (int i = 1; i <= 8; i++) {
            expected.add("transformer.resblocks." + i + ".VPT_shallow");
        }
        assertThat(shapes.keySet()).containsExactlyElementsOf(expected);
        assertThat(shapes.get("prompt_learner.ctx")).isEqualTo(new Shape(16, 512));
        assertThat(shapes.get("visual.transformer.resblocks.8.VPT_shallow"))
                .isEqualTo(new Shape(16, 768));
        assertThat(learner.parameterCount(ClipConfig.VIT_B_16)).isEqualTo(184_320);
        // the reference's rule: every one of them trains in prompting mode, nothing else does
        assertThat(shapes.keySet()).allMatch(TuningMode.PROMPTS::trains);
    }

    @Test
    void fewShotOnVitB16Learns153600ValuesIn24Tensors() {
        Map<String, Shape> shapes = PromptLearner.fewShot().parameterShapes(ClipConfig.VIT_B_16);

        assertThat(shapes).hasSize(24);
        assertThat(shapes).containsKey("transformer.resblocks.11.VPT_shallow");
        assertThat(shapes).doesNotContainKey("transformer.resblocks.12.VPT_shallow");
        assertThat(PromptLearner.fewShot().parameterCount(ClipConfig.VIT_B_16)).isEqualTo(153_600);
    }

    @Test
    void recipesDescribeThePresets() {
        PromptLearner baseToNovel = PromptLearner.forRecipe(Recipes.get("base2novel-prompt"));
        assertThat(baseToNovel.toBuilder().optSeed(0).build())
                .isEqualTo(PromptLearner.baseToNovel());
        assertThat(baseToNovel.seed()).isEqualTo(1024);
        assertThat(baseToNovel.template().pattern()).isEqualTo("{}.");
        assertThat(
                        PromptLearner.forRecipe(Recipes.get("few-shot-prompt")).toBuilder()
                                .optSeed(0)
                                .build())
                .isEqualTo(PromptLearner.fewShot());
        assertThatThrownBy(() -> PromptLearner.forRecipe(Recipes.get("few-shot-finetune")))
                .hasMessageContaining("few-shot-finetune has no prompt sizes");
    }

    @Test
    void classPromptsPutTheNameAfterThePlaceholders() {
        PromptLearner learner =
                PromptLearner.builder().setTextContext(4).setVisionContext(2).build();
        assertThat(learner.contextText()).isEqualTo("X X X X");
        assertThat(learner.promptText("brush_hair", PromptLearner.DEFAULT_TEMPLATE))
                .isEqualTo("X X X X brush hair.");
        assertThat(learner.promptText("ApplyEyeMakeup", PromptTemplate.of("a video of {}")))
                .isEqualTo("X X X X a video of ApplyEyeMakeup");

        PromptLearner words = learner.toBuilder().optInitWords("a_photo of a").build();
        assertThat(words.promptText("brush_hair", PromptLearner.DEFAULT_TEMPLATE))
                .isEqualTo("a photo of a brush hair.");

        PromptLearner visionOnly =
                PromptLearner.builder().setTextContext(0).setVisionContext(4).optDepth(2).build();
        assertThat(visionOnly.promptText("brush_hair", PromptLearner.DEFAULT_TEMPLATE))
                .isEqualTo("brush hair.");
        assertThat(visionOnly.textDepth()).isZero();
        assertThat(visionOnly.parameterShapes(ClipConfig.VIT_B_32).keySet())
                .containsExactly("visual.VPT", "visual.transformer.resblocks.1.VPT_shallow");
    }

    @Test
    void invalidSizesNameEveryProblem() {
        assertThatThrownBy(() -> PromptLearner.builder().setTextContext(4).build())
                .hasMessageContaining("setTextContext and setVisionContext are required");
        assertThatThrownBy(
                        () -> PromptLearner.builder().setTextContext(0).setVisionContext(0).build())
                .hasMessageContaining("at least one tower needs prompt tokens");
        assertThatThrownBy(
                        () ->
                                PromptLearner.builder()
                                        .setTextContext(4)
                                        .setVisionContext(4)
                                        .optTextDepth(0)
                                        .optVisionDepth(-1)
                                        .build())
                .hasMessageContaining("the text depth must be at least 1, got 0")
                .hasMessageContaining("the vision depth must be at least 1, got -1");
        assertThatThrownBy(
                        () ->
                                PromptLearner.builder()
                                        .setTextContext(16)
                                        .setVisionContext(16)
                                        .optInitWords("a photo of a")
                                        .build())
                .hasMessageContaining("init words start at most 4 context vectors");
        assertThatThrownBy(
                        () ->
                                PromptLearner.builder()
                                        .setTextContext(2)
                                        .setVisionContext(2)
                                        .optInitWords("  ")
                                        .build())
                .hasMessageContaining("init words must not be blank");
        assertThatThrownBy(
                        () ->
                                PromptLearner.builder()
                                        .setTextContext(2)
                                        .setVisionContext(2)
                                        .optTemplate(null)
                                        .build())
                .hasMessageContaining("template must not be null");
    }

    @Test
    void promptsDeeperThanTheTowersDoNotFit() {
        PromptLearner deep =
                PromptLearner.builder()
                        .setTextContext(8)
                        .setVisionContext(8)
                        .optTextDepth(13)
                        .optVisionDepth(12)
                        .build();
        assertThatThrownBy(() -> deep.parameterShapes(ClipConfig.VIT_B_16))
                .hasMessageContaining("does not fit ViT-B/16")
                .hasMessageContaining("text depth 13 exceeds the text tower's 12 blocks")
                .hasMessageNotContaining("vision depth");
        PromptLearner longContext =
                PromptLearner.builder().setTextContext(75).setVisionContext(1).build();
        assertThatThrownBy(() -> longContext.parameterCount(ClipConfig.VIT_B_16))
                .hasMessageContaining("75 text context vectors leave no room for class names");
    }
}
