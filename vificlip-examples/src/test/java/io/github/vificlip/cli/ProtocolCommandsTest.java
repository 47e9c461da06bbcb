/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.zoo.ColourClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation protocols on the colour clips, with one-epoch trainings. */
class ProtocolCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;

    @BeforeAll
    static void writeData() throws Exception {
        ColourClips.write(dir);
        // Base: red, green; novel: blue, white, each indexed by its own CSV.
        Files.writeString(dir.resolve("base.csv"), "id,name\n0,red\n1,green\n");
        Files.writeString(dir.resolve("novel.csv"), "id,name\n0,blue\n1,white\n");
        List<String> seed1 = new ArrayList<>();
        List<String> seed2 = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            (k % 2 == 0 ? seed1 : seed2).add("red_" + k + ".mp4 0");
            (k % 2 == 0 ? seed1 : seed2).add("green_" + k + ".mp4 1");
        }
        Files.write(dir.resolve("base_s1.txt"), seed1);
        Files.write(dir.resolve("base_s2.txt"), seed2);
        Files.write(dir.resolve("base_val.txt"), List.of("red_4.mp4 0", "green_4.mp4 1"));
        Files.write(dir.resolve("novel_val.txt"), List.of("blue_4.mp4 0", "white_4.mp4 1"));
    }

    private static List<String> common(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--config",
                        dir.resolve("tiny.json").toString(),
                        "--root",
                        dir.resolve("videos").toString(),
                        "--frames",
                        "4",
                        "--workers",
                        "2"));
        return all;
    }

    private static List<String> training() {
        return List.of(
                "--epochs",
                "1",
                "--batch-size",
                "2",
                "--accumulation",
                "1",
                "--set",
                "warmupEpochs=0");
    }

    @Test
    void baseToNovelAveragesSeedsAndTakesTheHarmonicMean() throws Exception {
        Path out = dir.resolve("b2n");
        List<String> args =
                common(
                        "protocol",
                        "base-to-novel",
                        "--recipe",
                        "base2novel-finetune",
                        "--base-labels",
                        dir.resolve("base.csv").toString(),
                        "--novel-labels",
                        dir.resolve("novel.csv").toString(),
                        "--train",
                        dir.resolve("base_s1.txt").toString(),
                        "--train",
                        dir.resolve("base_s2.txt").toString(),
                        "--base-val",
                        dir.resolve("base_val.txt").toString(),
                        "--novel-val",
                        dir.resolve("novel_val.txt").toString(),
                        "--out",
                        out.toString());
        args.addAll(training());

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("seeds")).hasSize(2);
        double base = summary.get("base").get("mean").asDouble();
        double novel = summary.get("novel").get("mean").asDouble();
        assertThat(base)
                .isCloseTo(
                        (summary.get("seeds").get(0).get("base").asDouble()
                                        + summary.get("seeds").get(1).get("base").asDouble())
                                / 2,
                        within(1e-12));
        double hm = base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
        assertThat(summary.get("harmonicMean").asDouble()).isCloseTo(hm, within(1e-12));
        assertThat(summary.get("chanceNovel").asDouble()).isEqualTo(0.5);
        assertThat(out.resolve("seed-2/eval-novel.json")).exists();
        JsonNode novelEval = JSON.readTree(out.resolve("seed-1/eval-novel.json").toFile());
        assertThat(novelEval.get("classes").get(0).get("name").asText()).isEqualTo("blue");
        assertThat(run.out()).contains("base ").contains("novel ").contains("HM ");
    }

    @Test
    void fewShotDrawsKPerClassAndTrainsOncePerK() throws Exception {
        Path out = dir.resolve("few");
        List<String> args =
                common(
                        "protocol",
                        "few-shot",
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--train",
                        dir.resolve("val.txt").toString().replace("val.txt", "train.txt"),
                        "--shots",
                        "1,2",
                        "--val",
                        dir.resolve("val.txt").toString(),
                        "--out",
                        out.toString());
        args.addAll(training());

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("shots")).hasSize(2);
        assertThat(summary.get("shots").get(1).get("k").asInt()).isEqualTo(2);
        assertThat(summary.get("shots").get(1).get("trainVideos").asInt()).isEqualTo(8);
        assertThat(Files.readAllLines(out.resolve("k-1/train.txt"))).hasSize(4);
        assertThat(run.out()).contains("K=1 (4 videos)").contains("K=2 (8 videos)");
    }

    @Test
    void zeroShotReportsMeanAndStdOverSplits() throws Exception {
        Path out = dir.resolve("zs");
        List<String> args =
                common(
                        "protocol",
                        "zero-shot",
                        "--split",
                        dir.resolve("base_val.txt") + "=" + dir.resolve("base.csv"),
                        "--split",
                        dir.resolve("novel_val.txt") + "=" + dir.resolve("novel.csv"),
                        "--out",
                        out.toString());

        CommandRun run = CommandRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.get("splits")).hasSize(2);
        double a = summary.get("splits").get(0).get("top1").asDouble();
        double b = summary.get("splits").get(1).get("top1").asDouble();
        assertThat(summary.get("top1").get("mean").asDouble())
                .isCloseTo((a + b) / 2, within(1e-12));
        assertThat(summary.get("top1").get("std").asDouble())
                .isCloseTo(Math.abs(a - b) / 2, within(1e-12));
        assertThat(run.out()).contains("zero-shot top-1 over 2 splits");
    }
}
