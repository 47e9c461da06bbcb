/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelDecodingTest {

    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("io.github.vificlip.data.video.DamagedVideoTest#backends")
    void manyThreadsOpeningAndDecodingAtOnceGetTheSameFrames(String backend) throws Exception {
        List<Path> clips = new ArrayList<>();
        VideoFormat[] formats = VideoFormat.values();
        for (int i = 0; i < formats.length; i++) {
            clips.add(
                    TestClips.write(
                            dir.resolve(i + "." + formats[i].extension()), formats[i], 30, 10));
        }
        VideoDecoder decoder = VideoDecoders.byName(backend);
        int[] wanted = {0, 7, 14, 29};
        List<Integer> expected = new ArrayList<>();
        for (Path clip : clips) {
            expected.add(checksum(decoder, clip, wanted));
        }

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (Path clip : clips) {
                    results.add(pool.submit(() -> checksum(decoder, clip, wanted)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % clips.size()));
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int checksum(VideoDecoder decoder, Path clip, int[] wanted) throws Exception {
        try (VideoReader reader = decoder.open(clip)) {
            int hash = 1;
            for (RgbFrame frame : reader.read(wanted)) {
                hash = 31 * hash + Arrays.hashCode(frame.data());
            }
            return hash;
        }
    }
}
