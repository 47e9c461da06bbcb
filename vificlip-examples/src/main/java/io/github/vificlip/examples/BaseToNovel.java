/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.split.BaseNovelSplit;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.ViFiClipTrainer;
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
        Path root = Path.of(args[0]);
        LabelMap all = LabelMap.readCsv(Path.of(args[3]));
        VideoList train = VideoList.read(Path.of(args[1]), root, all);
        VideoList test = VideoList.read(Path.of(args[2]), root, all);
        int epochs = Integer.parseInt(args[6]);
        int frames = Integer.parseInt(args[7]);

        BaseNovelSplit split = BaseNovelSplit.byFrequency(train); // the released splits' rule
        VideoList baseShots =
                KShotSampler.builder()
                        .setShots(16)
                        .optSeed(1)
                        .optAllowFewer(true)
                        .build()
                        .sample(split.baseList(train));
        try (ViFiClip model = ViFiClip.builder().optWeights(Path.of(args[4])).build()) {
            int size = model.getConfig().imageSize();
            ViFiClipTrainer.builder()
                    .optRecipe(
                            Recipes.get("base2novel-finetune").toBuilder()
                                    .optEpochs(epochs)
                                    .optFrames(frames)
                                    .build())
                    .optDevices(model.getDevice())
                    .optOutputDirectory(Path.of(args[5]))
                    .addListener(new TrainingCharts())
                    .build()
                    .fit(
                            model.getBlock(),
                            VideoDataset.builder()
                                    .setVideos(baseShots)
                                    .setSampler(SegmentSampler.train(frames))
                                    .setTransform(TrainTransform.builder().optSize(size).build())
                                    .build(),
                            split.base().names());

            VideoEvaluator evaluator = VideoEvaluator.builder().setFramesPerView(frames).build();
            double base =
                    evaluator
                            .evaluate(
                                    model.getBlock(),
                                    testSet(split.baseList(test), frames, size),
                                    split.base().names())
                            .top1();
            double novel =
                    evaluator
                            .evaluate(
                                    model.getBlock(),
                                    testSet(split.novelList(test), frames, size),
                                    split.novel().names())
                            .top1();
            System.out.printf(
                    "base %.2f%%, novel %.2f%%, harmonic mean %.2f%% (%d base, %d novel classes)%n",
                    100 * base,
                    100 * novel,
                    100 * Summaries.harmonicMean(base, novel),
                    split.base().size(),
                    split.novel().size());
        }
    }

    /** Single-view test clips: T segment centres, centre crop. */
    private static VideoDataset testSet(VideoList videos, int frames, int size) {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.test(frames))
                .setTransform(EvalTransform.builder().optSize(size).build())
                .build();
    }
}
