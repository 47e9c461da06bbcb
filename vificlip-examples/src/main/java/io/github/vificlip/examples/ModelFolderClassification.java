/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.github.vificlip.zoo.VideoClassificationTranslatorFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies videos with a model folder through DJL's {@code Criteria}, in one batch: the way to
 * plug ViFi-CLIP into code that already loads DJL models. The folder holds the weights, a label CSV
 * and a {@code serving.properties} (see docs/integration.md).
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.ModelFolderClassification \
 *     models/hmdb51-zero-shot clip1.mp4 clip2.mp4
 * </pre>
 */
public final class ModelFolderClassification {

    private ModelFolderClassification() {}

    /**
     * Runs the example.
     *
     * @param args the model folder, then videos
     * @throws IOException if the weights cannot be read
     * @throws ModelNotFoundException if the folder is not a model
     * @throws MalformedModelException if the weights do not fit the model
     * @throws TranslateException if a video cannot be read
     */
    public static void main(String[] args)
            throws IOException,
                    ModelNotFoundException,
                    MalformedModelException,
                    TranslateException {
        Path folder = Path.of(args[0]);
        List<Path> videos = Arrays.stream(args).skip(1).map(Path::of).toList();

        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optModelPath(folder)
                        .optTranslatorFactory(new VideoClassificationTranslatorFactory())
                        .build();
        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            List<Classifications> results = predictor.batchPredict(videos);
            for (int i = 0; i < videos.size(); i++) {
                Classifications.Classification best = results.get(i).best();
                System.out.printf(
                        "%s: %s (%.1f%%)%n",
                        videos.get(i), best.getClassName(), 100 * best.getProbability());
            }
        }
    }
}
