/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.translate.TranslateException;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Zero-shot video classification: score videos against class names the model never trained on.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.ZeroShotClassification \
 *     ViT-B-16.pt,vifi_clip_k400.pth "archery,surfing water,playing violin" 32 clip1.mp4 clip2.mp4
 * </pre>
 *
 * Arguments: weights files (comma-separated; a ViFi-CLIP checkpoint goes after OpenAI's CLIP, which
 * supplies the token embedding), class names (comma-separated), frames per video, videos.
 */
public final class ZeroShotClassification {

    private ZeroShotClassification() {}

    /**
     * Runs the example.
     *
     * @param args weights, class names, frames, videos
     * @throws TranslateException if a video cannot be read
     */
    public static void main(String[] args) throws TranslateException {
        Path[] weights = Arrays.stream(args[0].split(",")).map(Path::of).toArray(Path[]::new);
        List<String> classes = Arrays.stream(args[1].split(",")).map(String::strip).toList();
        int frames = Integer.parseInt(args[2]);
        List<Path> videos = Arrays.stream(args).skip(3).map(Path::of).toList();

        VideoClassificationTranslator translator =
                VideoClassificationTranslator.builder()
                        .setClassNames(classes) // prompts: "a photo of a {class}."
                        .optFrames(frames)
                        .build();
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                Predictor<Path, Classifications> predictor =
                        model.getModel().newPredictor(translator)) {
            for (Path video : videos) {
                Classifications result = predictor.predict(video);
                System.out.println(video + ":");
                for (Classifications.Classification item : result.topK(3)) {
                    System.out.printf(
                            "  %-30s %6.2f%%%n", item.getClassName(), 100 * item.getProbability());
                }
            }
        }
    }
}
