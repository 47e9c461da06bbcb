/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListReadersTest {

    @TempDir Path dir;

    @Test
    void labelCsvFollowsRfc4180WithCrlfAndQuotedCommas() throws Exception {
        Path csv =
                Files.writeString(
                        dir.resolve("ssv2.csv"),
                        "\uFEFFid,name\r\n"
                                + "0,Approaching something with your camera\r\n"
                                + "1,\"Laying something on the table on its side, not upright\"\r\n"
                                + "2,\"Pretending to \"\"open\"\" something\"\r\n"
                                + "3,backflip (human)");

        LabelMap labels = LabelMap.readCsv(csv);

        assertThat(labels.names())
                .containsExactly(
                        "Approaching something with your camera",
                        "Laying something on the table on its side, not upright",
                        "Pretending to \"open\" something",
                        "backflip (human)");
        assertThat(labels.labelOf("backflip (human)")).contains(3);
    }

    @Test
    void labelCsvRoundTripsThroughTheWriter() throws Exception {
        LabelMap labels = LabelMap.of(List.of("a, b", "say \"hi\"", "ApplyEyeMakeup"));
        Path csv = dir.resolve("out/labels.csv");

        labels.writeCsv(csv);

        assertThat(Files.readString(csv))
                .isEqualTo("id,name\n0,\"a, b\"\n1,\"say \"\"hi\"\"\"\n2,ApplyEyeMakeup\n");
        assertThat(LabelMap.readCsv(csv)).isEqualTo(labels);
    }

    @Test
    void malformedCsvNamesFileAndLine() throws Exception {
        Path noName = Files.writeString(dir.resolve("a.csv"), "id,label\n0,x\n");
        Path unterminated = Files.writeString(dir.resolve("b.csv"), "id,name\n0,ok\n1,\"broken\n");
        Path extraField = Files.writeString(dir.resolve("c.csv"), "id,name\n0,ok\n1,a,b\n");
        Path duplicate = Files.writeString(dir.resolve("d.csv"), "id,name\n0,x\n1,y\n2,x\n");

        assertThatThrownBy(() -> LabelMap.readCsv(noName))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(noName + ":1: header must have a 'name' column");
        assertThatThrownBy(() -> LabelMap.readCsv(unterminated))
                .hasMessage(unterminated + ":3: unterminated quoted field (missing closing \")");
        assertThatThrownBy(() -> LabelMap.readCsv(extraField))
                .hasMessage(extraField + ":3: expected 2 fields like the header, got 3");
        assertThatThrownBy(() -> LabelMap.readCsv(duplicate))
                .hasMessage(duplicate + ":4: class name \"x\" already on line 2");
    }

    @Test
    void listFileAcceptsWhitespaceCrlfBlankLinesAndNoFinalNewline() throws Exception {
        LabelMap labels = LabelMap.of(List.of("a", "b", "c"));
        Path list =
                Files.writeString(
                        dir.resolve("val.txt"),
                        "val/x_000001.mp4 2\r\n\r\n  v_y.avi\t0  \r\n   \n12345.webm 1");

        VideoList videos = VideoList.read(list, dir.resolve("root"), labels);

        assertThat(videos.entries())
                .containsExactly(
                        new VideoEntry("val/x_000001.mp4", 2),
                        new VideoEntry("v_y.avi", 0),
                        new VideoEntry("12345.webm", 1));
        assertThat(videos.resolve(0)).isEqualTo(dir.resolve("root/val/x_000001.mp4"));
        assertThat(videos.countsPerClass()).containsExactly(1, 1, 1);
    }

    @Test
    void badListLinesNameFileAndLine() throws Exception {
        LabelMap labels = LabelMap.of(List.of("a", "b"));
        Path spaces = Files.writeString(dir.resolve("s.txt"), "ok.mp4 0\nmy video.mp4 1\n");
        Path range = Files.writeString(dir.resolve("r.txt"), "ok.mp4 0\n\nother.mp4 2\n");
        Path text = Files.writeString(dir.resolve("t.txt"), "ok.mp4 one\n");

        assertThatThrownBy(() -> VideoList.read(spaces, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(spaces + ":2: expected '<path> <label>'");
        assertThatThrownBy(() -> VideoList.read(range, dir, labels))
                .hasMessage(range + ":3: label 2 is outside 0..1 (2 classes in the label file)");
        assertThatThrownBy(() -> VideoList.read(text, dir, labels))
                .hasMessage(text + ":1: label 'one' is not an integer");
    }

    @Test
    void filesInAnotherEncodingNameFileLineAndByte() throws Exception {
        // "café" in Latin-1 on line 3: Java's own message was "Input length = 1".
        byte[] latin1 = "id,name\n0,archery\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = Files.write(dir.resolve("labels.csv"), latin1);
        Path list =
                Files.write(
                        dir.resolve("list.txt"),
                        "ok.mp4 0\ncaf\u00e9.mp4 1\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> LabelMap.readCsv(csv))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        csv
                                + ":3: byte 0xe9 at column 6 is not UTF-8 (the file is in another"
                                + " encoding, such as Latin-1 or UTF-16): save it as UTF-8");
        assertThatThrownBy(() -> VideoList.read(list, dir, LabelMap.of(List.of("a", "b"))))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(list + ":2: byte 0xe9 at column 4 is not UTF-8");
    }

    @Test
    void listFilesRoundTrip() throws Exception {
        LabelMap labels = LabelMap.of(List.of("a", "b"));
        VideoList videos =
                VideoList.of(
                        dir,
                        labels,
                        List.of(new VideoEntry("x.mp4", 1), new VideoEntry("y.avi", 0)));
        Path file = dir.resolve("list.txt");

        videos.write(file);

        assertThat(Files.readString(file)).isEqualTo("x.mp4 1\ny.avi 0\n");
        assertThat(VideoList.read(file, dir, labels).entries()).isEqualTo(videos.entries());
    }

    @Test
    void writesReplaceFilesWholeAndLeaveNoTemporaryFile() throws Exception {
        LabelMap labels = LabelMap.of(List.of("a", "b"));
        Path out = dir.resolve("split");
        Path list = out.resolve("list.txt");
        Path csv = out.resolve("labels.csv");
        Files.createDirectories(out);
        Files.writeString(list, "old content that is longer than the new list\n");

        VideoList.of(dir, labels, List.of(new VideoEntry("x.mp4", 1))).write(list);
        labels.writeCsv(csv);

        assertThat(Files.readString(list)).isEqualTo("x.mp4 1\n");
        assertThat(Files.readString(csv)).isEqualTo("id,name\n0,a\n1,b\n");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("list.txt", "labels.csv");
        }
        // a folder in the way: refused, and nothing is left beside it
        Files.createDirectories(out.resolve("blocked.txt"));
        assertThatThrownBy(() -> labels.writeCsv(out.resolve("blocked.txt")))
                .isInstanceOf(java.io.IOException.class);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("list.txt", "labels.csv", "blocked.txt");
        }
    }

    @Test
    void folderPerClassLayoutSortsClassesAndFindsVideos() throws Exception {
        Files.createDirectories(dir.resolve("surfing/day1"));
        Files.createDirectories(dir.resolve("archery"));
        Files.createDirectories(dir.resolve("empty_class"));
        Files.writeString(dir.resolve("surfing/day1/b.MP4"), "x");
        Files.writeString(dir.resolve("surfing/a.webm"), "x");
        Files.writeString(dir.resolve("surfing/notes.txt"), "not a video");
        Files.writeString(dir.resolve("archery/c.avi"), "x");

        VideoList videos = VideoList.fromFolders(dir);

        assertThat(videos.labels().names()).containsExactly("archery", "empty_class", "surfing");
        assertThat(videos.entries())
                .containsExactly(
                        new VideoEntry("archery/c.avi", 0),
                        new VideoEntry("surfing/a.webm", 2),
                        new VideoEntry("surfing/day1/b.MP4", 2));
    }
}
