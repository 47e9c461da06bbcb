/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;

/** The block a recipe trains: the fine-tuned model, or prompts attached to it. */
final class Models {

    private Models() {}

    /** Returns the block that trains with {@code recipe} (its tuning is set by the trainer). */
    static VideoClassificationBlock trainable(ViFiClip model, Recipe recipe) {
        if ("prompts".equals(recipe.tune())) {
            throw new IllegalArgumentException(
                    "Recipe " + recipe.name() + " learns prompts, which needs the prompt learner");
        }
        return model.getBlock();
    }
}
