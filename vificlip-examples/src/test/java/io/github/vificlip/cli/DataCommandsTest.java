/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void probePrintsMetadataPerVideoAndFlagsUnreadableOnes() throws Exception {
        Path clip = dir.resolve("ball.webm");
        SyntheticClipWriter.builder()
                .setFormat(VideoFormat.WEBM_VP8)
                .setSize(64, 48)
                .optFrameRate(30000, 1001)
                .build()
                .write(clip, 30, (i, w, h, rgb) -> Arrays.fill(rgb, (byte) (i * 8)));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video");

        CommandRun run = CommandRun.of("probe", clip.toString(), text.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String[] lines = run.out().strip().split("\\R");
        JsonNode info = JSON.readTree(lines[0]);
        assertThat(info.get("path").asText()).isEqualTo(clip.toString());
        assertThat(info.get("codec").asText()).isEqualTo("vp8");
        assertThat(info.get("width").asInt()).isEqualTo(64);
        assertThat(info.get("height").asInt()).isEqualTo(48);
        assertThat(info.get("frameRate").asDouble())
                .isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.01));
        assertThat(info.get("frameCount").asInt()).isEqualTo(30);
        assertThat(info.get("frameCountExact").asBoolean()).isFalse();
        assertThat(JSON.readTree(lines[1]).get("error").asText())
                .startsWith(text + ": not a readable video container");
    }

    @Test
    void samplePrintsTheSpecIndices() {
        CommandRun test =
                CommandRun.of("sample", "--frames", "32", "--mode", "test", "--video-frames", "20");
        CommandRun train =
                CommandRun.of(
                        "sample",
                        "--frames",
                        "8",
                        "--mode",
                        "train",
                        "--seed",
                        "3",
                        "--video-frames",
                        "80");
        CommandRun again =
                CommandRun.of(
                        "sample",
                        "--frames",
                        "8",
                        "--mode",
                        "train",
                        "--seed",
                        "3",
                        "--video-frames",
                        "80");
        CommandRun views =
                CommandRun.of("sample", "--frames", "4", "--clips", "2", "--video-frames", "40");

        assertThat(test.exitCode()).isZero();
        assertThat(test.out().strip())
                .isEqualTo(
                        "[0,0,1,2,2,3,4,4,5,5,6,7,7,8,9,9,10,10,11,12,12,13,14,14,15,15,16,17,17,18,19,19]");
        assertThat(train.out()).isEqualTo(again.out());
        assertThat(views.out().strip().split("\\R"))
                .containsExactly("[2,12,22,32]", "[7,17,27,37]");
    }

    @Test
    void sampleRejectsAnEmptyVideo() {
        CommandRun run = CommandRun.of("sample", "--frames", "8", "--video-frames", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--video-frames must be at least 1");
    }

    @Test
    void sampleNoLongerTakesTheAmbiguousNumFrames() {
        // the reference's NUM_FRAMES is T (--frames); the video's length is --video-frames
        CommandRun run = CommandRun.of("sample", "--frames", "8", "--num-frames", "80");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--video-frames");
    }

    @Test
    void splitBaseNovelWritesRemappedFiles() throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.csv"), "id,name\n0,a\n1,b\n2,c\n3,d\n");
        Path train =
                Files.writeString(
                        dir.resolve("train.txt"),
                        "a1.avi 0\na2.avi 0\na3.avi 0\nb1.avi 1\nc1.avi 2\nc2.avi 2\nd1.avi 3\nd2.avi 3\n"
                                + "d3.avi 3\nd4.avi 3\n");
        Path val = Files.writeString(dir.resolve("val.txt"), "va.avi 0\nvb.avi 1\nvd.avi 3\n");
        Path out = dir.resolve("split");

        CommandRun run =
                CommandRun.of(
                        "split",
                        "base-novel",
                        "--labels",
                        labels.toString(),
                        "--train",
                        train.toString(),
                        "--val",
                        val.toString(),
                        "--out",
                        out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("classes: 2 base, 2 novel (of 4)");
        // counts a3 b1 c2 d4 -> ascending b c a d: novel b,c; base a,d
        assertThat(Files.readString(out.resolve("novel_labels.csv")))
                .isEqualTo("id,name\n0,b\n1,c\n");
        assertThat(Files.readString(out.resolve("base_labels.csv")))
                .isEqualTo("id,name\n0,a\n1,d\n");
        assertThat(Files.readString(out.resolve("base_val.txt"))).isEqualTo("va.avi 0\nvd.avi 1\n");
        assertThat(Files.readString(out.resolve("novel_val.txt"))).isEqualTo("vb.avi 0\n");
        assertThat(Files.readAllLines(out.resolve("base_train.txt"))).hasSize(7);
    }

    @Test
    void splitKShotWritesExactlyKPerClassAndNamesAShortClass() throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.csv"), "id,name\n0,a\n1,b\n");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            list.append("a").append(i).append(".mp4 0\n").append("b").append(i).append(".mp4 1\n");
        }
        Path train = Files.writeString(dir.resolve("train.txt"), list);
        Path out = dir.resolve("fs_base_s1_train.txt");

        CommandRun run =
                CommandRun.of(
                        "split",
                        "k-shot",
                        "--k",
                        "4",
                        "--seed",
                        "1",
                        "--labels",
                        labels.toString(),
                        "--list",
                        train.toString(),
                        "--out",
                        out.toString());
        CommandRun tooMany =
                CommandRun.of(
                        "split",
                        "k-shot",
                        "--k",
                        "11",
                        "--labels",
                        labels.toString(),
                        "--list",
                        train.toString(),
                        "--out",
                        dir.resolve("x.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 videos, 2 classes with 4 each, 0 with fewer");
        assertThat(Files.readAllLines(out)).hasSize(8).filteredOn(l -> l.endsWith(" 1")).hasSize(4);
        assertThat(tooMany.exitCode()).isEqualTo(1);
        assertThat(tooMany.err())
                .contains("Class 0 \"a\" has 10 videos, fewer than K=11")
                .contains("--allow-fewer");
    }
}
