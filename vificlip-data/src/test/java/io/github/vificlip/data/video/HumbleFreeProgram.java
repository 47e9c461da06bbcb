/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import ai.djl.ndarray.NDManager;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * An application whose class path has bytedeco's FFmpeg but not Humble Video, started in its own
 * JVM by {@link HumbleFreeClassPathTest}: it prints which backend it gets by default, the frames of
 * a clip, a dataset record built without naming a decoder, and how the Humble-only parts refuse.
 */
public final class HumbleFreeProgram {

    private HumbleFreeProgram() {}

    /**
     * Runs the program.
     *
     * @param args the dataset folder (one class folder holding {@code h264.mp4}) and the command
     *     line's RGB of that clip
     * @throws Exception if anything unexpected fails
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        System.out.println("humbleClasses=" + classPresent("io.humble.video.Demuxer"));
        System.out.println("available=" + VideoDecoders.available());
        System.out.println("default=" + VideoDecoders.defaultName());
        System.out.println("maxDiff=" + maxDiffAgainst(root, Files.readAllBytes(Path.of(args[1]))));
        System.out.println("record=" + recordSum(root, VideoDataset.builder()));
        refusal("byName", () -> VideoDecoders.byName(VideoDecoders.HUMBLE));
        refusal("builder", () -> HumbleVideoDecoder.builder().build());
        refusal(
                "writer",
                () -> {
                    SyntheticClipWriter.builder()
                            .setFormat(VideoFormat.MP4_H264)
                            .setSize(32, 32)
                            .build()
                            .write(root.resolve("new.mp4"), 2, (index, width, height, rgb) -> {});
                    return null;
                });
    }

    /**
     * Sums the first record of a dataset over the folder: the test sampler and transform, and the
     * builder's decoder (the default when the builder names none).
     *
     * @param root the dataset folder
     * @param builder a dataset builder, with or without a decoder
     * @return the record's sum
     * @throws Exception if decoding fails
     */
    static float recordSum(Path root, VideoDataset.Builder builder) throws Exception {
        VideoDataset dataset =
                builder.setVideos(VideoList.fromFolders(root))
                        .setSampler(SegmentSampler.test(4))
                        .setTransform(EvalTransform.builder().optSize(32).build())
                        .setSampling(1, false)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            return dataset.get(manager, 0).getData().singletonOrThrow().sum().getFloat();
        }
    }

    private static int maxDiffAgainst(Path root, byte[] golden) throws Exception {
        try (VideoReader reader = VideoDecoders.byDefault().open(root.resolve("clips/h264.mp4"))) {
            RgbFrame[] frames = reader.read(IntStream.range(0, 12).toArray());
            byte[] ours = new byte[golden.length];
            int offset = 0;
            for (RgbFrame frame : frames) {
                System.arraycopy(frame.data(), 0, ours, offset, frame.data().length);
                offset += frame.data().length;
            }
            return IntStream.range(0, golden.length)
                    .map(i -> Math.abs((ours[i] & 0xFF) - (golden[i] & 0xFF)))
                    .max()
                    .orElse(Arrays.equals(ours, golden) ? 0 : 255);
        }
    }

    private static void refusal(String what, Callable<?> action) {
        try {
            action.call();
            System.out.println(what + "=accepted");
        } catch (Exception | LinkageError e) {
            System.out.println(what + "=" + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, HumbleFreeProgram.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
