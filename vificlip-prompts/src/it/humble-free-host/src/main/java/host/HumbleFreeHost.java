/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package host;

import ai.djl.Application;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A host application without Humble Video: its build excludes {@code io.humble:*} and adds
 * bytedeco's FFmpeg 8. It classifies the clip given as its argument with no decoder named (the
 * translator's default, and a model folder through DJL's {@code Criteria}), reads a training
 * record from a dataset built without a decoder, and prints what it got.
 */
public final class HumbleFreeHost {

    private static final List<String> CLASSES = List.of("red", "green", "blue");

    private HumbleFreeHost() {}

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        System.out.println("HUMBLE-FREE humble classes=" + humbleOnClassPath());
        System.out.println("HUMBLE-FREE default decoder=" + VideoDecoders.defaultName());
        Path weights = writeWeights();
        translate(weights, clip);
        criteria(weights, clip);
        trainingRecord(clip);
    }

    /** A tiny architecture read from JSON, as a new preset is; random weights saved as safetensors. */
    private static Path writeWeights() throws Exception {
        Path config = Path.of("tiny.json");
        Files.writeString(
                config,
                "{\"name\": \"tiny\", \"embedDim\": 32, \"imageSize\": 32, \"patchSize\": 16,"
                        + " \"visionWidth\": 64, \"visionLayers\": 1, \"visionHeads\": 1,"
                        + " \"contextLength\": 77, \"vocabSize\": 49408, \"textWidth\": 64,"
                        + " \"textLayers\": 1, \"textHeads\": 1, \"mlpRatio\": 4,"
                        + " \"layerNormEps\": 1e-5}");
        Path weights = Path.of("tiny.safetensors");
        try (ViFiClip model =
                ViFiClip.builder().setConfig(ClipConfig.fromJson(config)).optSeed(3).build()) {
            SafetensorsWriter.builder().build().write(weights, model.stateDict());
        }
        return weights;
    }

    /** The translator with no decoder named. */
    private static void translate(Path weights, Path clip) throws Exception {
        VideoClassificationTranslator translator =
                VideoClassificationTranslator.builder().setClassNames(CLASSES).optFrames(4).build();
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                Predictor<Path, Classifications> predictor =
                        model.getModel().newPredictor(translator)) {
            Classifications result = predictor.predict(clip);
            System.out.println("HUMBLE-FREE translator classes=" + result.topK(3).size());
        }
    }

    /** A model folder without {@code decoder=}, through DJL's Criteria and the model zoo. */
    private static void criteria(Path weights, Path clip) throws Exception {
        Path folder = Files.createDirectories(Path.of("model"));
        Files.copy(weights, folder.resolve("tiny.safetensors"));
        Files.writeString(folder.resolve("labels.csv"), "id,name\n0,red\n1,green\n2,blue\n");
        Files.writeString(
                folder.resolve("serving.properties"),
                "weights=tiny.safetensors\nlabels=labels.csv\nframes=4\n");
        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optArgument("modelPath", folder)
                        .build();
        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(clip);
            System.out.println("HUMBLE-FREE criteria classes=" + result.getClassNames());
        }
    }

    /** A dataset built without a decoder: one augmented training record. */
    private static void trainingRecord(Path clip) throws Exception {
        Path root = Path.of("dataset");
        Files.createDirectories(root.resolve("red"));
        Files.copy(clip, root.resolve("red/clip.mp4"));
        VideoDataset dataset =
                VideoDataset.builder()
                        .setVideos(VideoList.fromFolders(root))
                        .setSampler(SegmentSampler.train(4))
                        .setTransform(TrainTransform.builder().optSize(32).build())
                        .optSeed(1)
                        .setSampling(1, false)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            System.out.println(
                    "HUMBLE-FREE record shape="
                            + dataset.get(manager, 0).getData().singletonOrThrow().getShape());
        }
    }

    private static boolean humbleOnClassPath() {
        try {
            Class.forName("io.humble.video.Demuxer");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
