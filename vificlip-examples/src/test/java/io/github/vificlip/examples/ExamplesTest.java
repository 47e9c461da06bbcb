/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassifier;
import io.github.vificlip.prompts.PromptCheckpoint;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.zoo.ColourClips;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example program's {@code main} on tiny synthetic data: real mp4 clips of four colour
 * classes, a one-layer CLIP's weights, lists and a label CSV, all written here.
 */
class ExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Twelve blocks per tower, so the few-shot prompt recipe's prompts (depth 12) fit. */
    private static final ClipConfig TWELVE_BLOCKS =
            ClipConfig.builder()
                    .setName("twelve-blocks")
                    .setEmbedDim(32)
                    .setImageSize(32)
                    .setPatchSize(16)
                    .setVisionWidth(64)
                    .setVisionLayers(12)
                    .setVisionHeads(1)
                    .setTextWidth(64)
                    .setTextLayers(12)
                    .setTextHeads(1)
                    .build();

    @TempDir static Path dir;
    static Path weights;

    @BeforeAll
    static void writeData() throws Exception {
        ColourClips.write(dir);
        weights = ColourClips.writeTinyWeights(dir);
    }

    /** Runs {@code main} and returns what it printed. */
    private static String run(Example example) throws Exception {
        PrintStream previous = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            example.run();
        } finally {
            System.setOut(previous);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        previous.print(printed);
        return printed;
    }

    /** A call of an example's main. */
    private interface Example {
        void run() throws Exception;
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String video(String name) {
        return dir.resolve("videos").resolve(name).toString();
    }

    private static List<Double> numbers(String text, String pattern) {
        List<Double> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        while (matcher.find()) {
            numbers.add(Double.parseDouble(matcher.group(1)));
        }
        return numbers;
    }

    @Test
    void zeroShotClassificationPrintsTheTopClassesOfEachVideo() throws Exception {
        String out =
                run(
                        () ->
                                ZeroShotClassification.main(
                                        new String[] {
                                            weights.toString(),
                                            "red,green,blue,white",
                                            "4",
                                            video("red_0.mp4"),
                                            video("white_0.mp4")
                                        }));

        assertThat(out).contains(video("red_0.mp4") + ":").contains(video("white_0.mp4") + ":");
        List<Double> percentages = numbers(out, "(\\d+\\.\\d+)%");
        assertThat(percentages).hasSize(6);
        for (int v = 0; v < 2; v++) {
            List<Double> top = percentages.subList(3 * v, 3 * v + 3);
            assertThat(top).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(top.stream().mapToDouble(Double::doubleValue).sum()).isLessThan(100.01);
        }
    }

    @Test
    void modelFolderClassificationLoadsThroughCriteria() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder-model"));
        Files.copy(weights, folder.resolve("weights.safetensors"));
        Files.writeString(
                folder.resolve("serving.properties"),
                "blockFactory=io.github.vificlip.zoo.ViFiClipBlockFactory\n"
                        + "option.hasParameter=false\n"
                        + "weights=weights.safetensors\n"
                        + "classes=red,green,blue,white\n"
                        + "frames=4\n");

        String out =
                run(
                        () ->
                                ModelFolderClassification.main(
                                        new String[] {
                                            folder.toString(),
                                            video("green_1.mp4"),
                                            video("blue_1.mp4")
                                        }));

        String[] lines = out.strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .matches(
                        Pattern.quote(video("green_1.mp4"))
                                + ": (red|green|blue|white) \\(\\d+\\.\\d%\\)");
        assertThat(lines[1]).startsWith(video("blue_1.mp4") + ": ");
    }

    @Test
    void fineTuningTrainsAndWritesTheWeights() throws Exception {
        Path out = dir.resolve("fine-tuning");

        String printed =
                run(
                        () ->
                                FineTuning.main(
                                        new String[] {
                                            path("videos"),
                                            path("train.txt"),
                                            path("val.txt"),
                                            path("labels.csv"),
                                            weights.toString(),
                                            out.toString(),
                                            "1",
                                            "2"
                                        }));

        assertThat(printed).contains("Best validation top-1").contains("after epoch 1");
        assertThat(out.resolve("model.safetensors")).isRegularFile();
        try (ViFiClip trained =
                ViFiClip.builder().optWeights(out.resolve("model.safetensors")).build()) {
            assertThat(trained.getConfig().embedDim()).isEqualTo(32);
        }
    }

    @Test
    void baseToNovelReportsBaseNovelAndTheirHarmonicMean() throws Exception {
        String out =
                run(
                        () ->
                                BaseToNovel.main(
                                        new String[] {
                                            path("videos"),
                                            path("train.txt"),
                                            path("val.txt"),
                                            path("labels.csv"),
                                            weights.toString(),
                                            dir.resolve("base-to-novel").toString(),
                                            "1",
                                            "2"
                                        }));

        assertThat(out).contains("(2 base, 2 novel classes)");
        List<Double> figures = numbers(out, "(\\d+\\.\\d+)%");
        assertThat(figures).hasSize(3);
        double base = figures.get(0) / 100;
        double novel = figures.get(1) / 100;
        double harmonic = base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
        assertThat(figures.get(2) / 100).isCloseTo(harmonic, Offset.offset(1e-4));
        assertThat(dir.resolve("base-to-novel").resolve("model.safetensors")).isRegularFile();
    }

    @Test
    void fewShotTrainsOnKVideosPerClassAndTestsOnAll() throws Exception {
        String out =
                run(
                        () ->
                                FewShot.main(
                                        new String[] {
                                            path("videos"),
                                            path("train.txt"),
                                            path("val.txt"),
                                            path("labels.csv"),
                                            weights.toString(),
                                            dir.resolve("few-shot").toString(),
                                            "2",
                                            "1",
                                            "2"
                                        }));

        assertThat(out).contains("2-shot: top-1").contains("on 4 test videos (4 classes)");
        assertThat(dir.resolve("few-shot").resolve("model.safetensors")).isRegularFile();
    }

    @Test
    void searchRanksTheFolderAsTheExtractedEmbeddingsDo() throws Exception {
        List<String> videos = new ArrayList<>();
        for (String colour : ColourClips.CLASSES) {
            for (int k = 0; k < 5; k++) {
                videos.add(video(colour + "_" + k + ".mp4"));
            }
        }
        videos.add(video("broken.mp4"));
        Path embeddings = dir.resolve("embeddings.jsonl");
        List<String> args =
                new ArrayList<>(List.of(weights.toString(), "3", embeddings.toString()));
        args.addAll(videos);

        String extracted = run(() -> EmbeddingExtraction.main(args.toArray(String[]::new)));

        assertThat(extracted).contains("20 embeddings of 32 values");
        Map<String, float[]> byVideo = new LinkedHashMap<>();
        for (String line : Files.readAllLines(embeddings)) {
            JsonNode node = JSON.readTree(line);
            float[] embedding = JSON.treeToValue(node.get("embedding"), float[].class);
            double norm = 0;
            for (float value : embedding) {
                norm += value * value;
            }
            assertThat(norm).isCloseTo(1.0, Offset.offset(1e-4));
            byVideo.put(node.get("video").asText(), embedding);
        }
        assertThat(byVideo).hasSize(20);

        String query = "a red video";
        String found =
                run(
                        () ->
                                TextToVideoSearch.main(
                                        new String[] {
                                            weights.toString(), "3", path("videos"), query, "5"
                                        }));

        float[] text;
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build()) {
            text = model.textEmbeddings(List.of(query))[0];
        }
        List<Map.Entry<String, Double>> expected = new ArrayList<>();
        for (Map.Entry<String, float[]> entry : byVideo.entrySet()) {
            double score = 0;
            for (int i = 0; i < text.length; i++) {
                score += text[i] * entry.getValue()[i];
            }
            expected.add(Map.entry(entry.getKey(), score));
        }
        expected.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Matcher hit = Pattern.compile("\\s*(\\d+)\\. (-?\\d+\\.\\d+)  (\\S+)").matcher(found);
        List<String> ranked = new ArrayList<>();
        while (hit.find()) {
            int rank = Integer.parseInt(hit.group(1));
            assertThat(Double.parseDouble(hit.group(2)))
                    .isCloseTo(expected.get(rank - 1).getValue(), Offset.offset(1e-4));
            ranked.add(hit.group(3));
        }
        assertThat(ranked)
                .containsExactlyElementsOf(
                        expected.subList(0, 5).stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void promptLearningLearnsPromptsOnAFineTunedModelAndClassifiesWithThem() throws Exception {
        // the bridge: a twelve-block model (the recipe's prompts go into every block), fine-tuned
        Path start = dir.resolve("twelve-blocks.safetensors");
        try (ViFiClip model = ViFiClip.builder().setConfig(TWELVE_BLOCKS).optSeed(3).build()) {
            SafetensorsWriter.builder().build().write(start, model.stateDict());
        }
        Path bridge = dir.resolve("bridge");
        run(
                () ->
                        FineTuning.main(
                                new String[] {
                                    path("videos"),
                                    path("train.txt"),
                                    path("val.txt"),
                                    path("labels.csv"),
                                    start.toString(),
                                    bridge.toString(),
                                    "1",
                                    "2"
                                }));
        Path fineTuned = bridge.resolve("model.safetensors");
        Path out = dir.resolve("prompt-learning");

        String printed =
                run(
                        () ->
                                PromptLearning.main(
                                        new String[] {
                                            path("videos"),
                                            path("train.txt"),
                                            path("val.txt"),
                                            path("labels.csv"),
                                            fineTuned.toString(),
                                            out.toString(),
                                            "1",
                                            "2"
                                        }));

        Path prompts = out.resolve("model.safetensors");
        assertThat(PromptCheckpoint.holdsOnlyPrompts(prompts)).isTrue();
        assertThat(StateDicts.inspect(prompts).tensors()).hasSize(24); // 2 towers x 12 blocks
        assertThat(printed).contains("Learned prompts in " + prompts).contains("on 4 test videos");
        double top1 = numbers(printed, "top-1 (\\d+\\.\\d+)%").get(0) / 100;

        List<String> classes = List.of(ColourClips.CLASSES);
        Matcher line = Pattern.compile("(\\S+\\.mp4): (\\w+) \\((\\d+\\.\\d)%\\)").matcher(printed);
        int lines = 0;
        int correct = 0;
        try (ViFiClip model = ViFiClip.builder().optWeights(fineTuned).build();
                PromptedViFiClip prompted = PromptedViFiClip.load(model, prompts);
                VideoClassifier classifier = prompted.classifier(classes);
                NDManager manager = NDManager.newBaseManager()) {
            ClipLoader loader =
                    new ClipLoader(
                            HumbleVideoDecoder.builder().build(),
                            SegmentSampler.test(2),
                            EvalTransform.builder().optSize(32).build());
            while (line.find()) {
                Path video = Path.of(line.group(1));
                float[] expected =
                        classifier
                                .probabilities(
                                        loader.load(video, new SplittableRandom(0))
                                                .toNDArray(manager)
                                                .expandDims(0))[0];
                int best = 0;
                for (int c = 1; c < expected.length; c++) {
                    best = expected[c] > expected[best] ? c : best;
                }
                assertThat(line.group(2)).as(video.toString()).isEqualTo(classes.get(best));
                assertThat(Double.parseDouble(line.group(3)))
                        .isCloseTo(100 * expected[best], Offset.offset(0.051));
                String colour = video.getFileName().toString().split("_")[0];
                correct += line.group(2).equals(colour) ? 1 : 0;
                lines++;
            }
        }
        assertThat(lines).isEqualTo(4);
        assertThat(top1).as("the evaluator agrees with the predictor").isEqualTo(correct / 4.0);
    }
}
