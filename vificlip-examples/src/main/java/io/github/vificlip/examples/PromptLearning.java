/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptLearner;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
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
        ExampleLists lists = ExampleLists.read(args); // root, training, test, labels
        LabelMap labels = lists.labels();
        VideoList test = lists.test();
        Path[] weights = Arrays.stream(args[4].split(",")).map(Path::of).toArray(Path[]::new);
        Path out = Path.of(args[5]);
        int epochs = Integer.parseInt(args[6]);
        int frames = Integer.parseInt(args[7]);
        Recipe recipe = Recipes.get("few-shot-prompt"); // AdamW 8e-3 on the prompts only

        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build()) {
            int size = model.getConfig().imageSize();
            // Training clips take a random frame per segment, test clips segment centres.
            VideoDataset trainData = ExampleDatasets.training(lists.train(), frames, size);
            VideoDataset testData = ExampleDatasets.test(test, frames, size);

            // 1. prompt: attach fresh prompts (the model freezes) and train only them
            Path promptsFile = learnPrompts(model, recipe, trainData, labels, epochs, frames, out);

            // 2. use them: reload the prompt file onto the same fine-tuned model
            try (PromptedViFiClip prompted = PromptedViFiClip.load(model, promptsFile)) {
                prompted.getBlock().setTuning(TuningMode.NONE); // nothing trains now
                VideoEvaluator evaluator =
                        VideoEvaluator.builder().setFramesPerView(frames).build();
                double top1 =
                        evaluator.evaluate(prompted.getBlock(), testData, labels.names()).top1();
                System.out.printf(
                        "Learned prompts in %s: top-1 %.2f%% on %d test videos%n",
                        promptsFile, 100 * top1, test.size());
                classifyWithDjl(prompted, model.getDevice(), test, labels, frames);
            }
        }
    }

    /**
     * Trains fresh prompts on the frozen model with the recipe.
     *
     * @return the trained prompt file, model.safetensors: the prompts only, a few hundred kB
     */
    private static Path learnPrompts(
            ViFiClip model,
            Recipe recipe,
            VideoDataset trainData,
            LabelMap labels,
            int epochs,
            int frames,
            Path out)
            throws IOException {
        try (PromptedViFiClip prompted = PromptLearner.forRecipe(recipe).attach(model)) {
            return ExampleTrainer.forRecipe(recipe, epochs, frames, model, out)
                    .fit(prompted.getBlock(), trainData, labels.names())
                    .modelFile();
        }
    }

    /** Classifies each test video with DJL's predictor running the prompted model. */
    private static void classifyWithDjl(
            PromptedViFiClip prompted, Device device, VideoList test, LabelMap labels, int frames)
            throws TranslateException {
        try (Model scoring = Model.newInstance("prompted", device)) {
            scoring.setBlock(prompted.getBlock()); // DJL runs the prompted block
            VideoClassificationTranslator translator = // no template: the prompts are the text
                    VideoClassificationTranslator.builder()
                            .setClassNames(labels.names())
                            .optFrames(frames)
                            .build();
            try (Predictor<Path, Classifications> predictor = scoring.newPredictor(translator)) {
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
