/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package host;

import ai.djl.Application;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.util.Utils;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.protocols.Provenance;
import io.github.vificlip.protocols.TrainableBlocks;
import io.github.vificlip.protocols.TrainingRun;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host application that uses only the library artifacts: the README's ten lines verbatim, a
 * {@code Criteria} load through the ViFi-CLIP model zoo, a short training run and a prompt run, on
 * small weights and videos it writes itself in its working folder.
 */
public final class HostApp {

    private static final String[] CLASSES = {"red", "blue"};

    private HostApp() {}

    public static void main(String[] args) throws Exception {
        writeFiles();
        readme();
        criteria();
        Path fineTuned = training();
        prompts(fineTuned);
        System.out.println("HOST offline=" + Utils.isOfflineMode());
    }

    /** The README's "In ten lines", verbatim. */
    static void readme() throws Exception {
        VideoClassificationTranslator translator = VideoClassificationTranslator.builder()
                .setClassNames(List.of("archery", "surfing water", "playing violin"))
                .optFrames(32)
                .build();
        try (ViFiClip model = ViFiClip.builder()
                        .optWeights(Path.of("ViT-B-16.pt"), Path.of("vifi_clip_k400.pth"))
                        .build();
                Predictor<Path, Classifications> predictor = model.getModel().newPredictor(translator)) {
            System.out.println(predictor.predict(Path.of("clip.mp4")).topK(3));
        }
        System.out.println("HOST readme done");
    }

    /** A model folder loaded through DJL's Criteria and the ViFi-CLIP model zoo. */
    static void criteria() throws Exception {
        Path folder = Files.createDirectories(Path.of("model"));
        Files.copy(Path.of("ViT-B-16.pt"), folder.resolve("ViT-B-16.pt"));
        Files.copy(Path.of("labels.csv"), folder.resolve("labels.csv"));
        Files.writeString(
                folder.resolve("serving.properties"),
                "weights=ViT-B-16.pt\nlabels=labels.csv\nframes=4\n");
        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optArgument("modelPath", folder)
                        .build();
        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(Path.of("videos/red_3.mp4"));
            System.out.println("HOST criteria classes=" + result.getClassNames());
        }
    }

    /** Fine-tunes the model one epoch on the training list; returns the fine-tuned weights. */
    static Path training() throws Exception {
        LabelMap labels = LabelMap.readCsv(Path.of("labels.csv"));
        VideoList train = VideoList.read(Path.of("train.txt"), Path.of("videos"), labels);
        TrainingRun run = TrainingRun.builder().setRecipe(tiny("few-shot-finetune")).build();
        try (ViFiClip model = ViFiClip.builder().optWeights(Path.of("ViT-B-16.pt")).build()) {
            TrainingResult result =
                    run.train(
                            TrainableBlocks.forRecipe(model, run.recipe(), null),
                            model.getConfig().imageSize(),
                            train,
                            null,
                            Path.of("fine-tune"),
                            false,
                            new Provenance().put("host", "host-app"));
            System.out.println("HOST trained epochs=" + result.history().getEpochs().size());
            return result.modelFile();
        }
    }

    /** Learns prompts on the frozen fine-tuned model, reloads them and classifies with DJL. */
    static void prompts(Path fineTuned) throws Exception {
        LabelMap labels = LabelMap.readCsv(Path.of("labels.csv"));
        VideoList train = VideoList.read(Path.of("train.txt"), Path.of("videos"), labels);
        TrainingRun run = TrainingRun.builder()
                        .setRecipe(
                                Recipes.withOverrides(
                                        tiny("few-shot-prompt"),
                                        Map.of(
                                                "prompts.textDepth", "1",
                                                "prompts.visionDepth", "1")))
                        .build();
        try (ViFiClip model = ViFiClip.builder().optWeights(fineTuned).build()) {
            Path promptsFile =
                    run.train(
                                    TrainableBlocks.forRecipe(model, run.recipe(), null),
                                    model.getConfig().imageSize(),
                                    train,
                                    null,
                                    Path.of("prompts"),
                                    false,
                                    new Provenance())
                            .modelFile();
            try (ViFiClip frozen = ViFiClip.builder().optWeights(fineTuned).build();
                    PromptedViFiClip prompted = PromptedViFiClip.load(frozen, promptsFile);
                    Model scoring = Model.newInstance("prompted", frozen.getDevice())) {
                prompted.getBlock().setTuning(TuningMode.NONE);
                scoring.setBlock(prompted.getBlock());
                VideoClassificationTranslator translator =
                        VideoClassificationTranslator.builder()
                                .setClassNames(labels.names())
                                .optFrames(4)
                                .build();
                try (Predictor<Path, Classifications> predictor =
                        scoring.newPredictor(translator)) {
                    Classifications result = predictor.predict(Path.of("videos/blue_3.mp4"));
                    System.out.println("HOST prompts classes=" + result.getClassNames());
                }
            }
        }
    }

    private static Recipe tiny(String name) {
        return Recipes.withOverrides(
                Recipes.get(name),
                Map.of(
                        "epochs", "1",
                        "frames", "4",
                        "batchSize", "2",
                        "accumulation", "1",
                        "warmupEpochs", "0"));
    }

    /** Tiny weights under the README's file names, a clip, a list of labelled clips. */
    private static void writeFiles() throws Exception {
        ClipConfig tiny =
                ClipConfig.builder()
                        .setName("tiny")
                        .setEmbedDim(32)
                        .setImageSize(32)
                        .setPatchSize(16)
                        .setVisionWidth(64)
                        .setVisionLayers(1)
                        .setVisionHeads(1)
                        .setContextLength(77)
                        .setVocabSize(49408)
                        .setTextWidth(64)
                        .setTextLayers(1)
                        .setTextHeads(1)
                        .build();
        writeWeights(tiny, 1, Path.of("ViT-B-16.pt"));
        writeWeights(tiny, 2, Path.of("vifi_clip_k400.pth"));
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder().setFormat(VideoFormat.MP4_H264).setSize(48, 40).build();
        Files.createDirectories(Path.of("videos"));
        List<String> train = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            int channel = c == 0 ? 0 : 2;
            for (int k = 0; k < 4; k++) {
                String name = CLASSES[c] + "_" + k + ".mp4";
                int shade = 30 * k;
                writer.write(
                        Path.of("videos", name),
                        8,
                        (i, w, h, rgb) -> {
                            for (int p = 0; p < w * h; p++) {
                                for (int ch = 0; ch < 3; ch++) {
                                    rgb[p * 3 + ch] = (byte) (ch == channel ? 200 : shade);
                                }
                            }
                        });
                if (k < 3) {
                    train.add(name + " " + c);
                }
            }
        }
        Files.copy(Path.of("videos/red_3.mp4"), Path.of("clip.mp4"));
        Files.write(Path.of("train.txt"), train);
        Files.writeString(Path.of("labels.csv"), "id,name\n0,red\n1,blue\n");
    }

    private static void writeWeights(ClipConfig config, long seed, Path file) throws Exception {
        try (ViFiClip model = ViFiClip.builder().setConfig(config).optSeed(seed).build()) {
            SafetensorsWriter.builder().build().write(file, model.stateDict());
        }
    }
}
