/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that choose a recipe and override its values. */
final class RecipeOptions {

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "The recipe (default: ${DEFAULT-VALUE}; see train --list-recipes).")
    String recipe = "few-shot-finetune";

    @Option(names = "--epochs", paramLabel = "N", description = "Override the recipe's epochs.")
    Integer epochs;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Override the recipe's learning rate.")
    Double learningRate;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "Override the clips per device.")
    Integer batchSize;

    @Option(
            names = "--accumulation",
            paramLabel = "A",
            description = "Override the accumulation steps.")
    Integer accumulation;

    @Option(names = "--frames", paramLabel = "T", description = "Override the frames per clip.")
    Integer frames;

    @Option(names = "--seed", paramLabel = "S", description = "Override the seed.")
    Long seed;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override any recipe value, e.g. --set warmupEpochs=1 --set tune=image.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Returns the recipe with every override applied. */
    Recipe recipe() {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        putIfSet(all, "epochs", epochs);
        putIfSet(all, "learningRate", learningRate);
        putIfSet(all, "batchSize", batchSize);
        putIfSet(all, "accumulation", accumulation);
        putIfSet(all, "frames", frames);
        putIfSet(all, "seed", seed);
        return Recipes.withOverrides(Recipes.get(recipe), all);
    }

    private static void putIfSet(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, String.valueOf(value));
        }
    }
}
