/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.zoo.ColourClips;
import io.github.vificlip.zoo.ReferenceScores;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vificlip classify} on real mp4 files with tiny weights written here. */
class ClassifyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Offset<Double> CLOSE = Offset.offset(1e-5);

    @TempDir static Path dir;
    static Path weights;

    @BeforeAll
    static void writeClipsAndWeights() throws Exception {
        ColourClips.write(dir);
        weights = ColourClips.writeTinyWeights(dir);
    }

    private static String video(String name) {
        return dir.resolve("videos").resolve(name).toString();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.strip().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void bothDecoderBackendsGiveTheSameScores() {
        String[] outputs = new String[2];
        String[] backends = {"humble", "ffmpeg"};
        for (int i = 0; i < 2; i++) {
            CommandRun run =
                    CommandRun.of(
                            "classify",
                            "--decoder",
                            backends[i],
                            "--weights",
                            weights.toString(),
                            "--classes",
                            "red,green,blue",
                            "--frames",
                            "4",
                            video("green_4.mp4"));
            assertThat(run.exitCode()).as(run.err()).isZero();
            outputs[i] = run.out();
        }

        assertThat(outputs[1]).contains("green").isEqualTo(outputs[0]);
    }

    @Test
    void printsTopKPerVideoInOrderAndReportsAnUnreadableOne() throws Exception {
        List<String> classes = List.of("red", "green", "blue");

        CommandRun run =
                CommandRun.of(
                        "classify",
                        "--weights",
                        weights.toString(),
                        "--classes",
                        "red,green,blue",
                        "--top-k",
                        "2",
                        "--frames",
                        "4",
                        video("red_4.mp4"),
                        video("broken.mp4"),
                        video("blue_4.mp4"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("classify: error:").contains("broken.mp4");
        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).get("video").asText()).endsWith("broken.mp4");
        assertThat(lines.get(1).get("error").asText()).contains("broken.mp4");
        assertThat(lines.get(1).has("classes")).isFalse();
        for (int i : new int[] {0, 2}) {
            JsonNode line = lines.get(i);
            String name = i == 0 ? "red_4.mp4" : "blue_4.mp4";
            assertThat(line.get("video").asText()).isEqualTo(video(name));
            double[] expected =
                    ReferenceScores.of(
                            weights,
                            Path.of(video(name)),
                            classes,
                            PromptTemplate.FINE_TUNE,
                            4,
                            1,
                            1);
            JsonNode top = line.get("classes");
            assertThat(top).hasSize(2);
            double previous = 1;
            for (JsonNode item : top) {
                int index = classes.indexOf(item.get("className").asText());
                assertThat(index).isNotNegative();
                double probability = item.get("probability").asDouble();
                assertThat(probability)
                        .isCloseTo(expected[index], CLOSE)
                        .isLessThanOrEqualTo(previous);
                previous = probability;
            }
        }
    }

    @Test
    void readsClassNamesFromALabelCsvWithBareNamesAndMultipleViews() throws Exception {
        List<String> classes = List.of(ColourClips.CLASSES);

        CommandRun run =
                CommandRun.of(
                        "classify",
                        "--weights",
                        weights.toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--bare",
                        "--views",
                        "2x3",
                        "--frames",
                        "2",
                        video("white_3.mp4"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode top = lines(run.out()).get(0).get("classes");
        assertThat(top).hasSize(4);
        double[] expected =
                ReferenceScores.of(
                        weights,
                        Path.of(video("white_3.mp4")),
                        classes,
                        PromptTemplate.BARE,
                        2,
                        2,
                        3);
        double sum = 0;
        for (JsonNode item : top) {
            double probability = item.get("probability").asDouble();
            assertThat(probability)
                    .isCloseTo(expected[classes.indexOf(item.get("className").asText())], CLOSE);
            sum += probability;
        }
        assertThat(sum).isCloseTo(1.0, CLOSE);
    }

    @Test
    void badUsageIsReportedWithStatusTwo() {
        CommandRun noClasses =
                CommandRun.of("classify", "--weights", weights.toString(), video("red_0.mp4"));
        assertThat(noClasses.exitCode()).isEqualTo(2);
        assertThat(noClasses.err()).contains("--classes").contains("--labels");

        CommandRun badViews =
                CommandRun.of(
                        "classify",
                        "--weights",
                        weights.toString(),
                        "--classes",
                        "a,b",
                        "--views",
                        "2x2",
                        video("red_0.mp4"));
        assertThat(badViews.exitCode()).isEqualTo(2);
        assertThat(badViews.err()).contains("1 or 3 crops");
    }

    @Test
    void learnedPromptsGiveTheScoresOfThePromptedModel() throws Exception {
        Path prompts = ColourClips.writeTinyPrompts(dir, weights);
        List<String> classes = List.of(ColourClips.CLASSES);

        CommandRun run =
                CommandRun.of(
                        "classify",
                        "--weights",
                        weights.toString(),
                        "--prompts",
                        prompts.toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--frames",
                        "4",
                        video("green_2.mp4"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] expected =
                ReferenceScores.withPrompts(
                        weights, prompts, Path.of(video("green_2.mp4")), classes, 4);
        JsonNode top = lines(run.out()).get(0).get("classes");
        assertThat(top).hasSize(4);
        for (JsonNode item : top) {
            assertThat(item.get("probability").asDouble())
                    .isCloseTo(expected[classes.indexOf(item.get("className").asText())], CLOSE);
        }

        CommandRun bare =
                CommandRun.of(
                        "classify",
                        "--weights",
                        weights.toString(),
                        "--prompts",
                        prompts.toString(),
                        "--classes",
                        "red,green",
                        "--bare",
                        video("green_2.mp4"));
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("--prompts brings its own class text");
    }
}
