/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile {@code --set key=value} overrides: each is refused in one line naming the key and what is
 * allowed; none is read as another value.
 */
class HostileRecipesTest {

    private static final Recipe FEW_SHOT = Recipes.get("few-shot-finetune");

    /** Values no setting takes, or far beyond any run of the paper. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "epochs              | 1000000000 | epochs must be at most 10000",
                "batchSize           | 1000000000 | batchSize must be at most 1024",
                "frames              | 1000000    | frames must be at most 256",
                "accumulation        | 0          | accumulation must be at least 1",
                "testClips           | 1000000    | testClips must be at most 64",
                "finalTestClips      | 1000000    | finalTestClips must be at most 64",
                "learningRate        | Infinity   | learningRate must be at most 1",
                "learningRate        | 1e300      | learningRate must be at most 1",
                "learningRate        | NaN        | learningRate must be positive",
                "learningRate        | -1         | learningRate must be positive",
                "warmupEpochs        | Infinity   | warmupEpochs must be at most 10000",
                "weightDecay         | NaN        | weightDecay must be a finite number, 0 or more",
                "weightDecay         | -1         | weightDecay must be a finite number, 0 or more",
                "beta1               | 2          | beta1 must be in [0, 1)",
                "beta2               | NaN        | beta2 must be in [0, 1)",
                "epsilon             | 0          | epsilon must be positive",
                "epsilon             | -1         | epsilon must be positive",
                "mixupAlpha          | -1         | mixupAlpha must be a finite number",
                "mixupAlpha          | NaN        | mixupAlpha must be a finite number",
                "cutmixAlpha         | Infinity   | cutmixAlpha must be a finite number",
            })
    void outOfRangeValuesAreRefusedNamingTheKey(String key, String value, String expected) {
        assertThatThrownBy(() -> Recipes.withOverrides(FEW_SHOT, Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Text that is no number of the key's type, an empty value included (it used to read as 0). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "epochs        | abc         | 'epochs' must be a whole number",
                "epochs        | ''          | 'epochs' must be a whole number",
                "epochs        | 1.5         | 'epochs' must be a whole number",
                "epochs        | 99999999999 | 'epochs' must be a whole number",
                "seed          | abc         | 'seed' must be a whole number",
                "learningRate  | ''          | 'learningRate' must be a number",
                "learningRate  | fast        | 'learningRate' must be a number",
            })
    void textThatIsNoNumberIsRefusedNamingTheKey(String key, String value, String expected) {
        assertThatThrownBy(() -> Recipes.withOverrides(FEW_SHOT, Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @CsvSource({"prompts", "prompts.foo", "epochs.x", "'prompts.textContext.x'", "''"})
    void keysThatAreNoValueAreRefusedNamingTheKey(String key) {
        assertThatThrownBy(() -> Recipes.withOverrides(FEW_SHOT, Map.of(key, "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown recipe value '" + key + "'")
                .hasMessageContaining("prompts.textContext");
    }

    @Test
    void aNullValueIsRefusedNamingTheKey() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("epochs", null);

        assertThatThrownBy(() -> Recipes.withOverrides(FEW_SHOT, overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Recipe value 'epochs' has no value (null)");
    }

    @Test
    void onePromptSizeOnARecipeWithoutPromptsIsRefusedNotFilledWithZeros() {
        assertThatThrownBy(
                        () -> Recipes.withOverrides(FEW_SHOT, Map.of("prompts.textContext", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set all four")
                .hasMessageContaining("prompts.visionContext");
        Recipe prompted =
                Recipes.withOverrides(
                        FEW_SHOT,
                        Map.of(
                                "prompts.textContext", "5",
                                "prompts.visionContext", "4",
                                "prompts.textDepth", "3",
                                "prompts.visionDepth", "2"));
        assertThat(prompted.prompts()).isEqualTo(new Recipe.PromptSizes(5, 4, 3, 2));
    }

    @Test
    void theLimitsLeaveEveryShippedRecipeAndAWarmUpLongerThanTheRun() {
        for (String name : Recipes.names()) {
            assertThat(Recipes.get(name).frames()).isLessThanOrEqualTo(Recipe.MAX_FRAMES);
        }
        Recipe shortRun = Recipes.withOverrides(FEW_SHOT, Map.of("epochs", "2"));
        assertThat(shortRun.warmupEpochs()).isGreaterThan(shortRun.epochs());
    }
}
