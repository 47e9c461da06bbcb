/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fine-tuning: trains CLIP's image and text encoders on labelled videos (ViFi-CLIP) with the
 * paper's recipe, validating as it goes, and writes the trained weights to the output folder.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.FineTuning \
 *     /data/hmdb51 train1.txt val1.txt hmdb_51_labels.csv ViT-B-16.pt runs/hmdb 11 32
 * </pre>
 *
 * Arguments: video root, training list, validation list, label CSV, starting weights, output
 * folder, epochs, frames per clip. Lists are ViFi-CLIP's {@code path label} lines.
 */
public final class FineTuning {

    private FineTuning() {}

    /**
     * Runs the example.
     *
     * @param args root, train list, validation list, labels, weights, output, epochs, frames
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        ExampleLists lists = ExampleLists.read(args); // root, training, validation, labels
        LabelMap labels = lists.labels();
        Path weights = Path.of(args[4]);
        Path out = Path.of(args[5]);
        int epochs = Integer.parseInt(args[6]);
        int frames = Integer.parseInt(args[7]);

        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build()) {
            int size = model.getConfig().imageSize();
            // Training clips take a random frame per segment, validation clips segment centres.
            VideoDataset trainData = ExampleDatasets.training(lists.train(), frames, size);
            VideoDataset validationData = ExampleDatasets.test(lists.test(), frames, size);
            Recipe recipe = Recipes.get("few-shot-finetune"); // AdamW 2e-6, cosine
            TrainingResult result =
                    ExampleTrainer.forRecipe(recipe, epochs, frames, model, out)
                            .fit(
                                    model.getBlock(),
                                    trainData,
                                    labels.names(),
                                    validationData,
                                    labels.names());
            System.out.printf(
                    "Best validation top-1 %.2f%% after epoch %d; trained weights: %s%n",
                    100 * result.bestTop1(), result.bestEpoch(), result.modelFile());
        }
    }
}
