/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.data.transform.VideoTransform;
import io.github.vificlip.data.video.FrameGenerator;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.data.video.VideoReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark decode}: prepared clips per second (open, sample T frames, decode,
 * resize, crop, normalise) from H.264 sources the benchmark writes itself, against {@code ffmpeg
 * -threads 1} decoding the same file to null in the same run, and the scaling with threads.
 *
 * <p>The ratio "clip / ffmpeg file" compares one prepared clip with one whole-file decode by the
 * ffmpeg command line: 1.0 means preparing a clip costs what FFmpeg alone needs to decode the file
 * (the pipeline decodes every frame up to the last sampled one, as FFmpeg does).
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Measure prepared clips per second (decode, sample, resize/crop,"
                    + " normalise) against ffmpeg decoding the same file.",
            "The H.264 sources are written here; `ffmpeg -threads 1` decodes each to"
                    + " null, and the scaling with decoding threads is measured too."
        })
public final class DecodeBenchmark implements Callable<Integer> {

    private static final Pattern RTIME = Pattern.compile("rtime=([0-9.]+)s");

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--sizes",
            split = ",",
            defaultValue = "320x240,1280x720",
            description = "Source frame sizes (default: ${DEFAULT-VALUE}).")
    private List<String> sizes;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Source length in seconds at 25 fps (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(
            names = "--keyframe-interval",
            defaultValue = "250",
            description = "Source GOP length, x264's default (default: ${DEFAULT-VALUE}).")
    private int keyframeInterval;

    @Option(names = "--frames", defaultValue = "32", description = "T (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(
            names = "--size",
            defaultValue = "224",
            description = "Output side (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(
            names = "--rounds",
            defaultValue = "8",
            description = "Measurement rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(
            names = "--warmup",
            defaultValue = "2",
            description =
                    "Seconds each pipeline runs before measuring, so the JIT has compiled its"
                            + " loops (default: ${DEFAULT-VALUE}).")
    private double warmupSeconds;

    @Option(
            names = "--threads",
            split = ",",
            description = "Thread counts for the scaling test (default: 1 and every core count).")
    private List<Integer> threads;

    @Option(names = "--dir", description = "Folder for the sources (default: a temporary one).")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder =
                dir != null
                        ? Files.createDirectories(dir)
                        : Files.createTempDirectory("vificlip-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts =
                threads != null ? threads : IntStream.rangeClosed(1, cores).boxed().toList();
        boolean ffmpeg = ffmpegAvailable();
        out.printf(
                "decode benchmark: %d-frame clips at %dx%d, %d s H.264 sources (GOP %d), %d cores%n",
                frames, size, size, seconds, keyframeInterval, cores);
        if (!ffmpeg) {
            out.println(
                    "ffmpeg NOT FOUND on PATH: no reference rate and no ratio."
                            + " Install it (Debian/Ubuntu: apt-get install -y ffmpeg) and run again.");
        }
        for (String sizeSpec : sizes) {
            String[] wh = sizeSpec.split("x");
            int width = Integer.parseInt(wh[0]);
            int height = Integer.parseInt(wh[1]);
            Path source = folder.resolve("source_" + sizeSpec + ".mp4");
            if (!Files.exists(source)) {
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(width, height)
                        .optKeyframeInterval(keyframeInterval)
                        .build()
                        .write(source, seconds * 25, movingShapes());
            }
            measure(out, source, sizeSpec, ffmpeg, threadCounts);
        }
        out.flush();
        return 0;
    }

    private void measure(
            PrintWriter out, Path source, String label, boolean ffmpeg, List<Integer> threadCounts)
            throws Exception {
        int frameCount;
        try (VideoReader reader = HumbleVideoDecoder.builder().build().open(source)) {
            frameCount = reader.info().frameCount();
        }
        out.printf("%n%s (%d frames, %.1f MB)%n", label, frameCount, Files.size(source) / 1e6);
        ClipLoader decodeOnly =
                new ClipLoader(
                        HumbleVideoDecoder.builder().build(),
                        SegmentSampler.test(frames),
                        new NoTransform(size));
        ClipLoader test =
                new ClipLoader(
                        HumbleVideoDecoder.builder().build(),
                        SegmentSampler.test(frames),
                        EvalTransform.builder().optSize(size).build());
        ClipLoader train =
                new ClipLoader(
                        HumbleVideoDecoder.builder().build(),
                        SegmentSampler.train(frames),
                        TrainTransform.builder().optSize(size).build());
        for (ClipLoader loader : List.of(decodeOnly, test, train)) { // warm-up: JIT, natives
            long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int round = 0;
            do {
                loader.load(source, new SplittableRandom(round++));
            } while (System.nanoTime() < end);
        }
        // Interleaved rounds, medians: a load burst from another process hits every candidate.
        double[] ffmpegSeconds = new double[rounds];
        double[] decodeSeconds = new double[rounds];
        double[] testSeconds = new double[rounds];
        double[] trainSeconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ffmpegSeconds[r] = ffmpeg ? ffmpegSeconds(source) : Double.NaN;
            decodeSeconds[r] = secondsPerClip(decodeOnly, source, r);
            testSeconds[r] = secondsPerClip(test, source, r);
            trainSeconds[r] = secondsPerClip(train, source, r);
        }
        double ffmpegRate = 1 / median(ffmpegSeconds);
        if (ffmpeg) {
            out.printf(
                    "  %-42s %7.2f files/s %7.0f frames/s%n",
                    "ffmpeg -threads 1, decode to null", ffmpegRate, frameCount * ffmpegRate);
        }
        double testRate = 1 / median(testSeconds);
        report(
                out,
                "decode + RGB of the T frames, 1 thread",
                1 / median(decodeSeconds),
                ffmpegRate);
        report(out, "test clip (resize, centre crop), 1 thread", testRate, ffmpegRate);
        report(
                out,
                "train clip (crop, flip, jitter), 1 thread",
                1 / median(trainSeconds),
                ffmpegRate);
        for (int n : threadCounts) {
            if (n == 1) {
                continue;
            }
            double[] single = new double[3];
            double[] parallel = new double[3];
            for (int r = 0; r < single.length; r++) {
                single[r] = clipsPerSecond(test, source, 1, rounds);
                parallel[r] = clipsPerSecond(test, source, n, rounds);
            }
            double rate = median(parallel);
            out.printf(
                    "  %-42s %7.2f clips/s  scaling %.2fx of 1 thread (%.2f clips/s)%n",
                    "test clips, " + n + " threads", rate, rate / median(single), median(single));
        }
    }

    private double secondsPerClip(ClipLoader loader, Path source, int round) throws IOException {
        long start = System.nanoTime();
        loader.load(source, new SplittableRandom(round));
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void report(PrintWriter out, String what, double rate, double ffmpegRate) {
        out.printf("  %-40s %7.2f clips/s", what, rate);
        if (!Double.isNaN(ffmpegRate)) {
            out.printf("  ratio clip/ffmpeg file %.2f", rate / ffmpegRate);
        }
        out.println();
    }

    /** Clips per second over {@code rounds} clips on each of {@code threads} threads. */
    private double clipsPerSecond(ClipLoader loader, Path source, int threadCount, int perThread)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threadCount);
        try {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int thread = t;
                work.add(
                        pool.submit(
                                () -> {
                                    for (int r = 0; r < perThread; r++) {
                                        loader.load(
                                                source, new SplittableRandom(thread * 1000L + r));
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return threadCount * perThread / seconds;
        } finally {
            pool.shutdown();
        }
    }

    /** ffmpeg's own decode time for the file ({@code -benchmark} rtime, start-up excluded). */
    private static double ffmpegSeconds(Path source) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(
                                "ffmpeg",
                                "-nostdin",
                                "-hide_banner",
                                "-benchmark",
                                "-threads",
                                "1",
                                "-i",
                                source.toString(),
                                "-f",
                                "null",
                                "-")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        String log;
        try (InputStream err = process.getErrorStream()) {
            log = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + source + ":\n" + log);
        }
        Matcher m = RTIME.matcher(log);
        if (!m.find()) {
            throw new IOException("No 'rtime=' in ffmpeg -benchmark output:\n" + log);
        }
        return Double.parseDouble(m.group(1));
    }

    private static boolean ffmpegAvailable() {
        try {
            Process p =
                    new ProcessBuilder("ffmpeg", "-version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Coloured discs moving over a gradient: content that compresses like real video. */
    static FrameGenerator movingShapes() {
        return (index, width, height, rgb) -> {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = (y * width + x) * 3;
                    rgb[p] = (byte) (x * 200 / width + 20);
                    rgb[p + 1] = (byte) (y * 180 / height + 30);
                    rgb[p + 2] = (byte) (((x + y + index * 2) % 256) / 2 + 60);
                }
            }
            int radius = Math.max(4, Math.min(width, height) / 8);
            int[][] discs = {
                {index * 3, height / 3, 230, 40, 40},
                {width - index * 2, height / 2, 40, 220, 60},
                {width / 2, index * 2, 250, 220, 30}
            };
            for (int[] d : discs) {
                int cx = Math.floorMod(d[0], width);
                int cy = Math.floorMod(d[1], height);
                for (int y = Math.max(0, cy - radius); y < Math.min(height, cy + radius); y++) {
                    for (int x = Math.max(0, cx - radius); x < Math.min(width, cx + radius); x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                            int p = (y * width + x) * 3;
                            rgb[p] = (byte) d[2];
                            rgb[p + 1] = (byte) d[3];
                            rgb[p + 2] = (byte) d[4];
                        }
                    }
                }
            }
        };
    }

    /** Decoding and RGB conversion only: hands back an empty clip. */
    private record NoTransform(int size) implements VideoTransform {
        @Override
        public int crops() {
            return 1;
        }

        @Override
        public io.github.vificlip.data.transform.VideoTensor apply(
                io.github.vificlip.data.video.RgbFrame[] frames, SplittableRandom random) {
            return new io.github.vificlip.data.transform.VideoTensor(new float[0], 0, size, size);
        }
    }
}
