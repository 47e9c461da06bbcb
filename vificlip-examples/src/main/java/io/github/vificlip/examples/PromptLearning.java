/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptLearner;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.ViFiClipTrainer;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prompt learning, "bridge and prompt": start from a model fine-tuned on videos (the bridge, e.g.
 * ViFi-CLIP's Kinetics-400 weights), freeze it, and learn only vision and language prompts on a
 * small dataset with the few-shot prompt recipe (10 + 10 prompt vectors in every block). Then
 * reload the learned prompt file, test it on the test list and classify its videos with DJL.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.PromptLearning \
 *     /data/hmdb51 train1.txt val1.txt hmdb_51_labels.csv ViT-B-16.pt,vifi_clip_k400.pth \
 *     runs/hmdb-prompts 50 32
 * </pre>
 *
 * Arguments: video root, training list, test list, label CSV, fine-tuned weights (comma-separated,
 * OpenAI's file first for the token embedding), output folder, epochs, frames per clip.
 */
public final class PromptLearning {

    private PromptLearning() {}

    /**
     * Runs the example.
     *
     * @param args root, train list, test list, labels, weights, output, epochs, frames
     * @throws IOException if a file cannot be read or written
     * @throws TranslateException if a test video cannot be read
     */
    public static void main(String[] args) throws IOException, TranslateException {
        Path root = Path.of(args[0]);
        LabelMap labels = LabelMap.readCsv(Path.of(args[3]));
        VideoList train = VideoList.read(Path.of(args[1]), root, labels);
        VideoList test = VideoList.read(Path.of(args[2]), root, labels);
        Path[] weights = Arrays.stream(args[4].split(",")).map(Path::of).toArray(Path[]::new);
        Path out = Path.of(args[5]);
        int epochs = Integer.parseInt(args[6]);
        int frames = Integer.parseInt(args[7]);
        Recipe recipe = Recipes.get("few-shot-prompt"); // AdamW 8e-3 on the prompts only

        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build()) {
            int size = model.getConfig().imageSize();
            VideoDataset trainData =
                    VideoDataset.builder()
                            .setVideos(train)
                            .setSampler(SegmentSampler.train(frames)) // a random frame per segment
                            .setTransform(TrainTransform.builder().optSize(size).build())
                            .build();
            VideoDataset testData =
                    VideoDataset.builder()
                            .setVideos(test)
                            .setSampler(SegmentSampler.test(frames)) // segment centres
                            .setTransform(EvalTransform.builder().optSize(size).build())
                            .build();

            // 1. prompt: attach fresh prompts (the model freezes) and train only them
            Path promptsFile;
            try (PromptedViFiClip prompted = PromptLearner.forRecipe(recipe).attach(model)) {
                ViFiClipTrainer trainer =
                        ViFiClipTrainer.builder()
                                .optRecipe(
                                        recipe.toBuilder()
                                                .optEpochs(epochs)
                                                .optFrames(frames)
                                                .build())
                                .optDevices(model.getDevice())
                                .optOutputDirectory(out)
                                .addListener(new TrainingCharts())
                                .build();
                promptsFile =
                        trainer.fit(prompted.getBlock(), trainData, labels.names()).modelFile();
            } // model.safetensors: the prompts only, a few hundred kB

            // 2. use them: reload the prompt file onto the same fine-tuned model
            try (PromptedViFiClip prompted = PromptedViFiClip.load(model, promptsFile);
                    Model scoring = Model.newInstance("prompted", model.getDevice())) {
                prompted.getBlock().setTuning(TuningMode.NONE); // nothing trains now
                VideoEvaluator evaluator =
                        VideoEvaluator.builder().setFramesPerView(frames).build();
                double top1 =
                        evaluator.evaluate(prompted.getBlock(), testData, labels.names()).top1();
                System.out.printf(
                        "Learned prompts in %s: top-1 %.2f%% on %d test videos%n",
                        promptsFile, 100 * top1, test.size());

                scoring.setBlock(prompted.getBlock()); // DJL runs the prompted block
                VideoClassificationTranslator translator = // no template: the prompts are the text
                        VideoClassificationTranslator.builder()
                                .setClassNames(labels.names())
                                .optFrames(frames)
                                .build();
                try (Predictor<Path, Classifications> predictor =
                        scoring.newPredictor(translator)) {
                    for (int i = 0; i < test.size(); i++) {
                        Path video = test.resolve(i);
                        Classifications.Classification best = predictor.predict(video).best();
                        System.out.printf(
                                "%s: %s (%.1f%%)%n",
                                video, best.getClassName(), 100 * best.getProbability());
                    }
                }
            }
        }
    }
}
