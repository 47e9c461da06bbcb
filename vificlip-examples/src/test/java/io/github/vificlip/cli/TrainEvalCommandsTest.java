/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains, evaluates and embeds with the command line on real mp4 files written here. */
class TrainEvalCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CLASSES = {"red", "green", "blue", "white"};

    @TempDir static Path dir;

    @BeforeAll
    static void writeClipsListsAndConfig() throws Exception {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(48, 40)
                        .build();
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            int label = c;
            for (int k = 0; k < 5; k++) {
                String name = CLASSES[c] + "_" + k + ".mp4";
                int shade = 40 * k;
                writer.write(
                        videos.resolve(name),
                        12,
                        (i, w, h, rgb) -> {
                            for (int p = 0; p < w * h; p++) {
                                for (int ch = 0; ch < 3; ch++) {
                                    boolean on = label == 3 || label == ch;
                                    rgb[p * 3 + ch] = (byte) (on ? 200 + shade / 4 : shade / 4);
                                }
                            }
                        });
                (k < 4 ? train : val).add(name + " " + c);
            }
        }
        Files.writeString(videos.resolve("broken.mp4"), "");
        train.add("broken.mp4 0");
        Files.write(dir.resolve("train.txt"), train);
        Files.write(dir.resolve("val.txt"), val);
        Files.writeString(dir.resolve("labels.csv"), "id,name\n0,red\n1,green\n2,blue\n3,white\n");
        Files.writeString(
                dir.resolve("tiny.json"),
                "{\"name\":\"tiny\",\"embedDim\":32,\"imageSize\":32,\"patchSize\":16,"
                        + "\"visionWidth\":64,\"visionLayers\":1,\"visionHeads\":1,"
                        + "\"contextLength\":77,\"vocabSize\":49408,\"textWidth\":64,"
                        + "\"textLayers\":1,\"textHeads\":1,\"mlpRatio\":4,\"layerNormEps\":1e-5}");
    }

    private static CommandRun train(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--recipe",
                                "few-shot-finetune",
                                "--config",
                                dir.resolve("tiny.json").toString(),
                                "--root",
                                dir.resolve("videos").toString(),
                                "--train",
                                dir.resolve("train.txt").toString(),
                                "--labels",
                                dir.resolve("labels.csv").toString(),
                                "--val",
                                dir.resolve("val.txt").toString(),
                                "--out",
                                out.toString(),
                                "--epochs",
                                "3",
                                "--frames",
                                "4",
                                "--batch-size",
                                "4",
                                "--accumulation",
                                "1",
                                "--lr",
                                "1e-3",
                                "--set",
                                "warmupEpochs=1",
                                "--workers",
                                "2"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void trainsEvaluatesAndSurvivesABrokenVideo() throws Exception {
        Path out = dir.resolve("run");

        CommandRun run = train(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Trained 3 epochs of few-shot-finetune");
        for (String file :
                List.of(
                        "model.safetensors",
                        "checkpoint-epoch-3.safetensors",
                        "history.json",
                        "epochs.csv",
                        "training-curve.png",
                        "confusion-matrix.png",
                        "metrics.json",
                        "eval-epoch-3.json")) {
            assertThat(out.resolve(file)).as(file).exists();
        }
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("epochs").asInt()).isEqualTo(3);
        assertThat(metrics.get("bestTop1").asDouble()).isBetween(0.0, 1.0);

        Path evalOut = dir.resolve("eval");
        CommandRun eval =
                CommandRun.of(
                        "eval",
                        "--weights",
                        out.resolve("model.safetensors").toString(),
                        "--root",
                        dir.resolve("videos").toString(),
                        "--list",
                        dir.resolve("train.txt").toString(),
                        "--labels",
                        dir.resolve("labels.csv").toString(),
                        "--views",
                        "2x3",
                        "--frames",
                        "4",
                        "--out",
                        evalOut.toString());

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("17 videos, 4 classes, 2x3 views: top-1");
        JsonNode evalMetrics = JSON.readTree(evalOut.resolve("metrics.json").toFile());
        assertThat(evalMetrics.get("videos").asInt()).isEqualTo(17);
        assertThat(evalMetrics.get("unreadableVideos").asInt()).isEqualTo(1);
        assertThat(evalMetrics.get("classes")).hasSize(4);
        assertThat(evalOut.resolve("confusion-matrix.png")).exists();

        CommandRun resumed = train(out, "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    @Test
    void embedsTextsAndPreparedClipsInOrder() throws Exception {
        Path weights = dir.resolve("embed-run");
        assertThat(train(weights, "--epochs", "1", "--set", "warmupEpochs=0").exitCode()).isZero();
        Path clip = writeNpy(dir.resolve("clip.npy"), new int[] {2, 3, 32, 32});

        CommandRun run =
                CommandRun.of(
                        "embed",
                        "--weights",
                        weights.resolve("model.safetensors").toString(),
                        "--text",
                        "a photo of a red.",
                        "--input-npy",
                        clip.toString(),
                        "--text",
                        "blue");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines[0]).get("kind").asText()).isEqualTo("text");
        JsonNode video = JSON.readTree(lines[1]);
        assertThat(video.get("kind").asText()).isEqualTo("video");
        assertThat(video.get("embedding")).hasSize(32);
        double norm = 0;
        for (JsonNode value : video.get("embedding")) {
            norm += value.asDouble() * value.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(JSON.readTree(lines[2]).get("text").asText()).isEqualTo("blue");

        Path wrong = writeNpy(dir.resolve("wrong.npy"), new int[] {3, 16, 16});
        CommandRun bad =
                CommandRun.of(
                        "embed",
                        "--weights",
                        weights.resolve("model.safetensors").toString(),
                        "--input-npy",
                        wrong.toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("wrong.npy").contains("[3,32,32]").contains("(3, 16, 16)");
    }

    @Test
    void missingOptionsAreUsageErrors() {
        CommandRun run = CommandRun.of("train", "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: --root");
    }

    /** Writes a float32 .npy file (format 1.0) of a smooth pattern. */
    private static Path writeNpy(Path file, int[] shape) throws Exception {
        int count = 1;
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            count *= d;
            dims.append(d).append(", ");
        }
        String header =
                "{'descr': '<f4', 'fortran_order': False, 'shape': ("
                        + dims.toString().strip()
                        + (shape.length == 1 ? "" : "")
                        + "), }";
        header = header.replace(", ), }", "), }");
        int total = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putFloat((float) Math.sin(i * 0.01));
        }
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            byte[] headerBytes = padded.getBytes(StandardCharsets.US_ASCII);
            out.write(headerBytes.length & 0xFF);
            out.write(headerBytes.length >> 8);
            out.write(headerBytes);
            out.write(data.array());
        }
        return file;
    }
}
