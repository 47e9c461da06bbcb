/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * List files, label CSVs and folder layouts written to break the readers: each is refused with the
 * file, the line where there is one, and what was expected, or read as documented.
 */
class HostileListTest {

    @TempDir Path dir;

    private final LabelMap labels = LabelMap.of(List.of("a", "b", "c"));

    @Test
    void aHugeFileWithoutANewlineIsRefusedBySizeBeforeReading() throws IOException {
        Path list = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(list.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GiB of NUL bytes, no line break
        }

        assertThatThrownBy(() -> VideoList.read(list, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        list
                                + ": is 3221225472 bytes, over the limit of 134217728 bytes"
                                + " (128 MiB) for list and label files");
        assertThatThrownBy(() -> LabelMap.readCsv(list))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("over the limit of 134217728 bytes");
    }

    @Test
    void aFolderWhereAFileIsExpectedIsNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("labels.csv"));

        assertThatThrownBy(() -> LabelMap.readCsv(folder))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(folder + ": is a folder, expected a text file");
        assertThatThrownBy(() -> VideoList.read(folder, dir, labels))
                .hasMessage(folder + ": is a folder, expected a text file");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("list.txt");
        assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");

        assertThatThrownBy(() -> VideoList.read(fifo, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        fifo
                                + ": is not a regular file (a FIFO, device or socket), expected a"
                                + " text file");
    }

    @Test
    void anEmptyListFileIsRefused() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n  \r\n");

        assertThatThrownBy(() -> VideoList.read(empty, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": no entries (expected lines '<path> <label>')");
    }

    @Test
    void nulAndControlCharactersInAPathAreRefusedWithTheLine() throws IOException {
        Path list = Files.writeString(dir.resolve("nul.txt"), "ok.mp4 0\nbad\0name.mp4 1\n");

        assertThatThrownBy(() -> VideoList.read(list, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        list
                                + ":2: A list path cannot contain control characters, got U+0000"
                                + " at character 4");
    }

    /** Absolute and {@code ..} paths resolve as the reference's {@code os.path.join} does. */
    @Test
    void absoluteAndParentPathsResolveAsTheReferenceJoinsThem() throws IOException {
        Path list =
                Files.writeString(
                        dir.resolve("joined.txt"), "ok.mp4 0\n/data/v/x.mp4 1\n../v/y.mp4 2\n");

        VideoList videos = VideoList.read(list, dir, labels);

        assertThat(videos.resolve(1)).isEqualTo(Path.of("/data/v/x.mp4"));
        assertThat(videos.resolve(2)).isEqualTo(dir.resolve("../v/y.mp4"));
    }

    @Test
    void namesThatOnlyLookLikeEscapesStay() throws IOException {
        Path list =
                Files.writeString(
                        dir.resolve("fine.txt"), "..hidden/x.mp4 0\na..b.mp4 1\n./c/a:b.mp4 2\n");

        assertThat(VideoList.read(list, dir, labels).entries())
                .extracting(VideoEntry::path)
                .containsExactly("..hidden/x.mp4", "a..b.mp4", "./c/a:b.mp4");
    }

    @Test
    void labelsMustBeAsciiIntegersInRange() throws IOException {
        Path arabic = Files.writeString(dir.resolve("ar.txt"), "x.mp4 \u0663\n");
        Path huge = Files.writeString(dir.resolve("huge.txt"), "x.mp4 99999999999999999999\n");
        Path negative = Files.writeString(dir.resolve("neg.txt"), "x.mp4 -1\n");

        assertThatThrownBy(() -> VideoList.read(arabic, dir, labels))
                .hasMessage(arabic + ":1: label '\u0663' is not an integer");
        assertThatThrownBy(() -> VideoList.read(huge, dir, labels))
                .hasMessage(
                        huge
                                + ":1: label 99999999999999999999 is outside 0..2 (3 classes in"
                                + " the label file)");
        assertThatThrownBy(() -> VideoList.read(negative, dir, labels))
                .hasMessage(
                        negative + ":1: label -1 is outside 0..2 (3 classes in the label file)");
    }

    @Test
    void aVideoListedAgainWithAnotherLabelIsRefusedWithBothLines() throws IOException {
        Path list = Files.writeString(dir.resolve("dup.txt"), "x.mp4 0\ny.mp4 1\n\nx.mp4 2\n");

        assertThatThrownBy(() -> VideoList.read(list, dir, labels))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(list + ":4: x.mp4 has label 2 here but 0 on line 1");
    }

    @Test
    void aVideoRepeatedWithItsLabelIsKeptAsOneMoreRecord() throws IOException {
        Path list =
                Files.writeString(dir.resolve("oversampled.txt"), "x.mp4 0\ny.mp4 1\nx.mp4 0\n");

        assertThat(VideoList.read(list, dir, labels).entries())
                .extracting(VideoEntry::path)
                .containsExactly("x.mp4", "y.mp4", "x.mp4");
    }

    @Test
    void carriageReturnOnlyLineEndsAndByteOrderMarksAreRead() throws IOException {
        Path list = Files.writeString(dir.resolve("cr.txt"), "\uFEFFx.mp4 0\ry.mp4 2\r");
        Path csv = Files.writeString(dir.resolve("cr.csv"), "\uFEFFid,name\r0,a\r1,b\r2,c\r");

        assertThat(VideoList.read(list, dir, labels).entries())
                .containsExactly(new VideoEntry("x.mp4", 0), new VideoEntry("y.mp4", 2));
        assertThat(LabelMap.readCsv(csv)).isEqualTo(labels);
    }

    @Test
    void controlCharactersInAClassNameAreRefused() throws IOException {
        Path nul =
                Files.write(
                        dir.resolve("nul.csv"),
                        "id,name\n0,a\n1,b\0c\n".getBytes(StandardCharsets.UTF_8));
        Path newline = Files.writeString(dir.resolve("nl.csv"), "id,name\n0,\"two\nlines\"\n");

        assertThatThrownBy(() -> LabelMap.readCsv(nul))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(
                        nul + ":3: class name has control character U+0000 at" + " character 2");
        assertThatThrownBy(() -> LabelMap.readCsv(newline))
                .hasMessageStartingWith(newline + ":2: class name has control character U+000A");
    }

    @Test
    void linkedClassFoldersAreFollowedAndLinkLoopsRefused() throws IOException {
        Path data = Files.createDirectories(dir.resolve("elsewhere/jump"));
        Files.writeString(data.resolve("v.mp4"), "x");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("run"));
        Files.writeString(root.resolve("run/r.avi"), "x");
        Files.createSymbolicLink(root.resolve("jump"), data);

        assertThat(VideoList.fromFolders(root).entries())
                .containsExactly(new VideoEntry("jump/v.mp4", 0), new VideoEntry("run/r.avi", 1));

        Path loop = Files.createSymbolicLink(root.resolve("run/again"), root.resolve("run"));

        assertThatThrownBy(() -> VideoList.fromFolders(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        loop
                                + ": symbolic link loop (it leads back to a folder above it);"
                                + " remove the link");
    }

    @Test
    void aHundredThousandEntriesAreRead() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("class_").append(i % 3).append("/v_").append(i).append(".mp4 ");
            text.append(i % 3).append('\n');
        }
        Path list = Files.writeString(dir.resolve("big.txt"), text);

        VideoList videos = VideoList.read(list, dir, labels);

        assertThat(videos.size()).isEqualTo(100_000);
        assertThat(videos.get(99_999)).isEqualTo(new VideoEntry("class_0/v_99999.mp4", 0));
    }
}
