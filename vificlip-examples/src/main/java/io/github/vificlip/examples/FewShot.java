/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Few-shot learning (the paper's Table 3 protocol, one seed): draw K videos of every class,
 * fine-tune on them, and test on the full test list.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.FewShot \
 *     /data/hmdb51 train1.txt val1.txt hmdb_51_labels.csv ViT-B-16.pt runs/hmdb-8-shot 8 50 32
 * </pre>
 *
 * Arguments: video root, training list, test list, label CSV, starting weights, output folder, K
 * (shots per class), epochs, frames per clip.
 */
public final class FewShot {

    private FewShot() {}

    /**
     * Runs the example.
     *
     * @param args root, train list, test list, labels, weights, output, K, epochs, frames
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        ExampleLists lists = ExampleLists.read(args); // root, training, test, labels
        LabelMap labels = lists.labels();
        Path out = Path.of(args[5]);
        int shots = Integer.parseInt(args[6]);
        int epochs = Integer.parseInt(args[7]);
        int frames = Integer.parseInt(args[8]);

        VideoList kShot =
                KShotSampler.builder().setShots(shots).optSeed(1).build().sample(lists.train());
        try (ViFiClip model = ViFiClip.builder().optWeights(Path.of(args[4])).build()) {
            int size = model.getConfig().imageSize();
            ExampleTrainer.forRecipe(Recipes.get("few-shot-finetune"), epochs, frames, model, out)
                    .fit(
                            model.getBlock(),
                            ExampleDatasets.training(kShot, frames, size),
                            labels.names());

            EvaluationResult result =
                    VideoEvaluator.builder()
                            .setFramesPerView(frames)
                            .build()
                            .evaluate(
                                    model.getBlock(),
                                    ExampleDatasets.test(lists.test(), frames, size),
                                    labels.names());
            System.out.printf(
                    "%d-shot: top-1 %.2f%%, top-5 %.2f%% on %d test videos (%d classes)%n",
                    shots,
                    100 * result.top1(),
                    100 * result.top5(),
                    result.videos(),
                    labels.size());
        }
    }
}
