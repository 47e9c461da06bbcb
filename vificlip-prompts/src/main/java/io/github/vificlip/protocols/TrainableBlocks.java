/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.prompts.PromptLearner;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The block a recipe trains: the fine-tuned model, or prompts attached to it. */
public final class TrainableBlocks {

    private TrainableBlocks() {}

    /**
     * Returns the block that trains with {@code recipe} (its tuning is set by the trainer): the
     * model itself, or for a prompt recipe ("bridge and prompt") the prompt learner's sizes
     * attached to the frozen model, starting from {@code prompts} when given. Attached prompts are
     * freed with the model.
     *
     * @param model the model
     * @param recipe the recipe to train with
     * @param prompts learned prompts to start from (prompt recipes only), or null
     * @return the block to train
     * @throws IOException if the prompts cannot be read
     */
    public static VideoClassificationBlock forRecipe(ViFiClip model, Recipe recipe, Path prompts)
            throws IOException {
        if (recipe.tune() != TuningMode.PROMPTS) {
            if (prompts != null) {
                throw new IllegalArgumentException(
                        "--prompts goes with a prompt recipe (base2novel-prompt,"
                                + " few-shot-prompt); recipe "
                                + recipe.name()
                                + " fine-tunes the model ("
                                + recipe.tune().name().toLowerCase(Locale.ROOT)
                                + ")");
            }
            return model.getBlock();
        }
        PromptedViFiClip prompted = PromptLearner.forRecipe(recipe).attach(model);
        if (prompts != null) {
            prompted.loadPrompts(prompts);
        }
        return prompted.getBlock();
    }
}
