/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.BaseNovelSplit;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipes;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Base-to-novel generalisation (the paper's Table 2 protocol, one seed): split the classes into
 * base and novel halves by training frequency, fine-tune on 16 videos per base class, then test on
 * base and on novel classes, each against its own class list, and report their harmonic mean.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.BaseToNovel \
 *     /data/hmdb51 train1.txt val1.txt hmdb_51_labels.csv ViT-B-16.pt runs/b2n 10 32
 * </pre>
 *
 * Arguments: video root, training list, test list, label CSV (all classes), starting weights,
 * output folder, epochs, frames per clip.
 */
public final class BaseToNovel {

    private BaseToNovel() {}

    /**
     * Runs the example.
     *
     * @param args root, train list, test list, labels, weights, output, epochs, frames
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        ExampleLists lists = ExampleLists.read(args); // root, training, test, all the labels
        VideoList train = lists.train();
        VideoList test = lists.test();
        Path out = Path.of(args[5]);
        int epochs = Integer.parseInt(args[6]);
        int frames = Integer.parseInt(args[7]);

        BaseNovelSplit split = BaseNovelSplit.byFrequency(train); // the released splits' rule
        VideoList baseShots = baseShots(split, train);
        try (ViFiClip model = ViFiClip.builder().optWeights(Path.of(args[4])).build()) {
            int size = model.getConfig().imageSize();
            ExampleTrainer.forRecipe(Recipes.get("base2novel-finetune"), epochs, frames, model, out)
                    .fit(
                            model.getBlock(),
                            ExampleDatasets.training(baseShots, frames, size),
                            split.base().names());

            VideoEvaluator evaluator = VideoEvaluator.builder().setFramesPerView(frames).build();
            double base = top1(evaluator, model, split.baseList(test), split.base(), frames);
            double novel = top1(evaluator, model, split.novelList(test), split.novel(), frames);
            System.out.printf(
                    "base %.2f%%, novel %.2f%%, harmonic mean %.2f%% (%d base, %d novel classes)%n",
                    100 * base,
                    100 * novel,
                    100 * Summaries.harmonicMean(base, novel),
                    split.base().size(),
                    split.novel().size());
        }
    }

    /** The training videos: 16 of each base class (fewer where a class has fewer), seed 1. */
    private static VideoList baseShots(BaseNovelSplit split, VideoList train) {
        return KShotSampler.builder()
                .setShots(16)
                .optSeed(1)
                .optAllowFewer(true)
                .build()
                .sample(split.baseList(train));
    }

    /** Top-1 accuracy on test videos of one half, scored against that half's classes only. */
    private static double top1(
            VideoEvaluator evaluator,
            ViFiClip model,
            VideoList videos,
            LabelMap classes,
            int frames)
            throws IOException {
        int size = model.getConfig().imageSize();
        return evaluator
                .evaluate(
                        model.getBlock(),
                        ExampleDatasets.test(videos, frames, size),
                        classes.names())
                .top1();
    }
}
