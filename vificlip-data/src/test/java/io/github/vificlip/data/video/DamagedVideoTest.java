/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DamagedVideoTest {

    /** Every backend, by name: the damaged-file corpus runs against each. */
    static List<String> backends() {
        return VideoDecoders.names();
    }

    static Stream<Arguments> backendsAndFormats(VideoFormat... formats) {
        return backends().stream()
                .flatMap(b -> Arrays.stream(formats).map(f -> Arguments.of(b, f)));
    }

    static Stream<Arguments> backendsAndTruncatableFormats() {
        return backendsAndFormats(VideoFormat.AVI_XVID, VideoFormat.WEBM_VP9);
    }

    static Stream<Arguments> backendsAndAllFormats() {
        return backendsAndFormats(VideoFormat.values());
    }

    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("backends")
    void zeroByteFileIsRejectedByName(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        assertThatThrownBy(() -> decoder.open(empty))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessage(empty + ": file is empty (0 bytes)");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void textRenamedToMp4IsNotAVideo(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path text = Files.writeString(dir.resolve("notes.mp4"), "just some text\n".repeat(50));

        assertThatThrownBy(() -> decoder.open(text))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageStartingWith(text + ": not a readable video container");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void randomBytesAreNotAVideo(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.webm"), noise);

        assertThatThrownBy(() -> decoder.open(file))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void directoryIsRejected(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path folder = Files.createDirectory(dir.resolve("folder.mp4"));

        assertThatThrownBy(() -> decoder.open(folder))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessage(folder + ": is a directory, not a video file");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void missingFileIsRejected(String backend) {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path missing = dir.resolve("gone.avi");

        assertThatThrownBy(() -> decoder.open(missing))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessage(missing + ": no such file");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void truncatedMp4WithoutItsIndexCannotBeOpened(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path clip = TestClips.write(dir.resolve("t.mp4"), VideoFormat.MP4_H264, 40, 10);
        truncate(clip, Files.size(clip) / 2); // FFmpeg writes the moov index at the end

        assertThatThrownBy(() -> decoder.open(clip))
                .isInstanceOf(VideoDecodeException.class)
                .hasMessageContaining(clip.toString());
    }

    @ParameterizedTest
    @MethodSource("backendsAndTruncatableFormats")
    void truncatedStreamsDecodeWhatIsThere(String backend, VideoFormat format) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path clip = TestClips.write(dir.resolve("t." + format.extension()), format, 60, 10);
        truncate(clip, Files.size(clip) * 6 / 10);

        try (VideoReader reader = decoder.open(clip)) {
            RgbFrame[] frames = reader.read(IntStream.range(0, 60).toArray());
            int[] numbers = Arrays.stream(frames).mapToInt(TestClips::frameNumber).toArray();
            // The first frames are intact; past the cut the last decoded frame repeats.
            assertThat(numbers[0]).isZero();
            assertThat(numbers[10]).isEqualTo(10);
            assertThat(numbers[59]).isLessThan(59);
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndAllFormats")
    void corruptionInTheMiddleNeverStopsDecoding(String backend, VideoFormat format)
            throws IOException {
        Path clip = TestClips.write(dir.resolve("c." + format.extension()), format, 60, 10);
        byte[] bytes = Files.readAllBytes(clip);
        Random random = new Random(11);
        for (int i = bytes.length * 2 / 5; i < bytes.length * 3 / 5; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Files.write(clip, bytes);

        int[] all = IntStream.range(0, 60).toArray();
        for (ReadStrategy strategy : ReadStrategy.values()) {
            VideoDecoder decoder = VideoDecoders.byName(backend, strategy);
            try (VideoReader reader = decoder.open(clip)) {
                RgbFrame[] frames = reader.read(all);
                assertThat(frames).hasSize(60).doesNotContainNull();
                assertThat(TestClips.frameNumber(frames[0])).isZero();
                assertThat(TestClips.frameNumber(frames[5])).isEqualTo(5);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void damagedFilesLeakNoThreads(String backend) throws IOException {
        VideoDecoder decoder = VideoDecoders.byName(backend);
        Path text = Files.write(dir.resolve("bad.mp4"), "no".getBytes(StandardCharsets.UTF_8));
        Path clip = TestClips.write(dir.resolve("ok.avi"), VideoFormat.AVI_XVID, 30, 10);
        byte[] bytes = Files.readAllBytes(clip);
        Arrays.fill(bytes, bytes.length / 3, bytes.length / 2, (byte) 0x55);
        Path damaged = Files.write(dir.resolve("damaged.avi"), bytes);
        int before = ManagementFactory.getThreadMXBean().getThreadCount();

        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> decoder.open(text)).isInstanceOf(VideoDecodeException.class);
            try (VideoReader reader = decoder.open(damaged)) {
                reader.read(new int[] {0, 15, 29});
            }
        }

        assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
                .isLessThanOrEqualTo(before + 1);
    }

    private static void truncate(Path file, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) size));
    }
}
