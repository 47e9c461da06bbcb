/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Application;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.github.vificlip.model.PromptTemplate;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads model folders written here through DJL's {@code Criteria} and classifies real mp4 files,
 * checking the scores against the model's own classifier fed by the data module directly.
 */
class ZooTest {

    private static final List<String> LABELS = List.of(ColourClips.CLASSES);
    private static final Offset<Double> CLOSE = Offset.offset(1e-5);

    @TempDir static Path dir;
    static Path folder;
    static Path weights;

    @BeforeAll
    static void writeModelFolder() throws Exception {
        ColourClips.write(dir);
        weights = ColourClips.writeTinyWeights(dir);
        folder = Files.createDirectories(dir.resolve("model"));
        Files.copy(weights, folder.resolve("tiny.safetensors"));
        Files.copy(dir.resolve("labels.csv"), folder.resolve("labels.csv"));
        Files.writeString(
                folder.resolve("serving.properties"),
                String.join(
                        "\n",
                        "engine=PyTorch",
                        "blockFactory=io.github.vificlip.zoo.ViFiClipBlockFactory",
                        "translatorFactory=io.github.vificlip.zoo.VideoClassificationTranslatorFactory",
                        "option.hasParameter=false",
                        "weights=tiny.safetensors",
                        "labels=labels.csv",
                        "frames=4",
                        ""));
    }

    private static Path video(String name) {
        return dir.resolve("videos").resolve(name);
    }

    private static Criteria<Path, Classifications> byModelPath(Path modelFolder) {
        return Criteria.builder()
                .setTypes(Path.class, Classifications.class)
                .optApplication(Application.CV.ACTION_RECOGNITION)
                .optModelPath(modelFolder)
                .optTranslatorFactory(new VideoClassificationTranslatorFactory())
                .build();
    }

    private static void assertMatches(
            Classifications result, List<String> classes, double[] expected) {
        assertThat(result.getClassNames()).containsExactlyElementsOf(classes);
        for (int c = 0; c < classes.size(); c++) {
            assertThat(result.getProbabilities().get(c))
                    .as(classes.get(c))
                    .isCloseTo(expected[c], CLOSE);
        }
        double sum = result.getProbabilities().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, CLOSE);
    }

    @Test
    void optModelPathLoadsTheFolderAndClassifiesAsTheModelDoes() throws Exception {
        try (ZooModel<Path, Classifications> model = byModelPath(folder).loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(video("blue_4.mp4"));

            assertMatches(
                    result,
                    LABELS,
                    ReferenceScores.of(
                            weights,
                            video("blue_4.mp4"),
                            LABELS,
                            PromptTemplate.FINE_TUNE,
                            4,
                            1,
                            1));
        }
    }

    @Test
    void batchPredictGivesWhatSinglePredictionsGive() throws Exception {
        List<Path> videos = new ArrayList<>();
        for (String name : ColourClips.CLASSES) {
            videos.add(video(name + "_4.mp4"));
        }
        try (ZooModel<Path, Classifications> model = byModelPath(folder).loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            List<Classifications> batch = predictor.batchPredict(videos);

            assertThat(batch).hasSize(videos.size());
            for (int i = 0; i < videos.size(); i++) {
                Classifications single = predictor.predict(videos.get(i));
                for (int c = 0; c < LABELS.size(); c++) {
                    assertThat(batch.get(i).getProbabilities().get(c))
                            .isCloseTo(single.getProbabilities().get(c), CLOSE);
                }
            }
            assertThat(batch.get(0).getProbabilities())
                    .as("different videos score differently")
                    .isNotEqualTo(batch.get(3).getProbabilities());
        }
    }

    @Test
    void anUnreadableVideoFailsWithATranslateExceptionNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");
        try (ZooModel<Path, Classifications> model = byModelPath(folder).loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            assertThatThrownBy(() -> predictor.predict(video("broken.mp4")))
                    .isInstanceOf(TranslateException.class)
                    .hasMessageContaining("broken.mp4");
            assertThatThrownBy(() -> predictor.batchPredict(List.of(video("red_0.mp4"), text)))
                    .isInstanceOf(TranslateException.class)
                    .hasMessageContaining("notes.mp4");
            assertThatThrownBy(() -> predictor.predict(dir.resolve("missing.mp4")))
                    .isInstanceOf(TranslateException.class)
                    .hasMessageContaining("missing.mp4");
            assertThat(predictor.predict(video("red_0.mp4")).getClassNames()).hasSize(4);
        }
    }

    @Test
    void theRegisteredZooLoadsAFolderAndArgumentsOverrideTheFile() throws Exception {
        assertThat(ModelZoo.listModelZoo()).anyMatch(zoo -> zoo instanceof ViFiClipModelZoo);
        List<String> classes = List.of("white", "red", "blue sky");
        PromptTemplate template = PromptTemplate.of("a video of {}");
        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optArgument(ZooArguments.MODEL_PATH, folder)
                        .optArgument(ZooArguments.CLASSES, "white, red,blue sky")
                        .optArgument(ZooArguments.TEMPLATE, template.pattern())
                        .optArgument(ZooArguments.FRAMES, 2)
                        .optArgument(ZooArguments.VIEWS, "2x3")
                        .optArgument(ZooArguments.DECODER, "humble")
                        .build();

        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            assertMatches(
                    predictor.predict(video("white_1.mp4")),
                    classes,
                    ReferenceScores.of(weights, video("white_1.mp4"), classes, template, 2, 2, 3));
            assertThat(predictor.batchPredict(List.of(video("red_1.mp4"), video("green_1.mp4"))))
                    .hasSize(2);
        }
    }

    /**
     * Two class lists on one model: predictors of both, interleaved and from two threads at once,
     * each score their own classes exactly as a model of their own would.
     */
    @Test
    void translatorsWithOtherClassListsShareOneModelConcurrently() throws Exception {
        List<String> animals = List.of("cat", "dog");
        double[] expectedLabels =
                ReferenceScores.of(
                        weights, video("red_2.mp4"), LABELS, PromptTemplate.FINE_TUNE, 4, 1, 1);
        double[] expectedAnimals =
                ReferenceScores.of(
                        weights, video("red_2.mp4"), animals, PromptTemplate.FINE_TUNE, 4, 1, 1);
        VideoClassificationTranslator other =
                VideoClassificationTranslator.builder().setClassNames(animals).optFrames(4).build();
        try (ZooModel<Path, Classifications> model = byModelPath(folder).loadModel();
                Predictor<Path, Classifications> first = model.newPredictor();
                Predictor<Path, Classifications> second = model.newPredictor(other)) {
            assertMatches(first.predict(video("red_2.mp4")), LABELS, expectedLabels);
            assertMatches(second.predict(video("red_2.mp4")), animals, expectedAnimals);
            assertMatches(first.predict(video("red_2.mp4")), LABELS, expectedLabels);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Classifications>> firsts = new ArrayList<>();
                List<Future<Classifications>> seconds = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    firsts.add(pool.submit(() -> first.predict(video("red_2.mp4"))));
                    seconds.add(pool.submit(() -> second.predict(video("red_2.mp4"))));
                }
                for (int i = 0; i < 4; i++) {
                    assertMatches(firsts.get(i).get(), LABELS, expectedLabels);
                    assertMatches(seconds.get(i).get(), animals, expectedAnimals);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void incompleteFoldersAndCriteriaSayWhatIsMissing() throws Exception {
        Path noWeights = Files.createDirectories(dir.resolve("no-weights"));
        Files.writeString(
                noWeights.resolve("serving.properties"),
                "blockFactory=io.github.vificlip.zoo.ViFiClipBlockFactory\n"
                        + "option.hasParameter=false\nclasses=a,b\n");
        assertThatThrownBy(() -> byModelPath(noWeights).loadModel())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'weights'")
                .hasMessageContaining("no-weights");

        Path noLabels = Files.createDirectories(dir.resolve("no-labels"));
        Files.copy(folder.resolve("serving.properties"), noLabels.resolve("serving.properties"));
        Files.copy(weights, noLabels.resolve("tiny.safetensors"));
        assertThatThrownBy(() -> byModelPath(noLabels).loadModel())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("no-labels/labels.csv");

        Path noClasses = Files.createDirectories(dir.resolve("no-classes"));
        Files.copy(weights, noClasses.resolve("tiny.safetensors"));
        Files.writeString(noClasses.resolve("serving.properties"), "weights=tiny.safetensors\n");
        Criteria<Path, Classifications> throughZoo =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optArgument(ZooArguments.MODEL_PATH, noClasses)
                        .build();
        assertThatThrownBy(throughZoo::loadModel)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs class names")
                .hasMessageContaining("no-classes");

        Criteria<Path, Classifications> withoutFolder =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .build();
        assertThatThrownBy(withoutFolder::loadModel)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optArgument(\"modelPath\", folder)");
        Criteria<Path, Classifications> missingFolder =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optArgument(ZooArguments.MODEL_PATH, dir.resolve("no-such-model"))
                        .build();
        assertThatThrownBy(missingFolder::loadModel)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-model")
                .hasMessageContaining("does not exist");

        Criteria<Path, Classifications> badFrames =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optArgument(ZooArguments.MODEL_PATH, folder)
                        .optArgument(ZooArguments.FRAMES, "many")
                        .build();
        assertThatThrownBy(badFrames::loadModel)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'frames'")
                .hasMessageContaining("many");
    }

    @Test
    void aFolderWithLearnedPromptsClassifiesWithThem() throws Exception {
        Path prompted = Files.createDirectories(dir.resolve("prompted"));
        Path prompts = ColourClips.writeTinyPrompts(dir, weights);
        Files.copy(weights, prompted.resolve("tiny.safetensors"));
        Files.copy(prompts, prompted.resolve("prompts.safetensors"));
        Files.writeString(
                prompted.resolve("serving.properties"),
                "weights=tiny.safetensors\nprompts=prompts.safetensors\n"
                        + "classes=red,green,blue,white\nframes=4\n");
        Criteria<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optArgument(ZooArguments.MODEL_PATH, prompted)
                        .build();

        try (ZooModel<Path, Classifications> model = criteria.loadModel();
                Predictor<Path, Classifications> predictor = model.newPredictor()) {
            Classifications result = predictor.predict(video("green_4.mp4"));

            double[] expected =
                    ReferenceScores.withPrompts(weights, prompts, video("green_4.mp4"), LABELS, 4);
            assertMatches(result, LABELS, expected);
            double[] withoutPrompts =
                    ReferenceScores.of(
                            weights,
                            video("green_4.mp4"),
                            LABELS,
                            PromptTemplate.FINE_TUNE,
                            4,
                            1,
                            1);
            assertThat(Math.abs(expected[0] - withoutPrompts[0]))
                    .as("the prompts change the scores")
                    .isGreaterThan(1e-4);
        }

        Criteria<Path, Classifications> withTemplate =
                criteria.toBuilder().optArgument(ZooArguments.TEMPLATE, "a video of {}").build();
        assertThatThrownBy(withTemplate::loadModel)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prompts' brings its own class text");
    }
}
