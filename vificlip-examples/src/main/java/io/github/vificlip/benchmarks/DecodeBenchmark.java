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
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoDecodeException;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
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
 * resize, crop, normalise) with each decoder backend, from sources the benchmark makes itself
 * (H.264 written through Humble Video; VP9 at odd widths, HEVC and AV1 transcoded from it by the
 * {@code ffmpeg} command line), against {@code ffmpeg -threads 1} decoding the same file to null in
 * the same run, and the scaling with threads.
 *
 * <p>The ratio "clip / ffmpeg file" compares one prepared clip with one whole-file decode by the
 * ffmpeg command line: 1.0 means preparing a clip costs what FFmpeg alone needs to decode the file
 * (the pipeline decodes every frame up to the last sampled one, as FFmpeg does).
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Measure prepared clips per second (decode, sample, resize/crop, normalise) with"
                    + " each --decoder backend on sources it makes itself (H.264; VP9, HEVC and"
                    + " AV1 transcoded by the ffmpeg command line), against `ffmpeg -threads 1`"
                    + " decoding the same file to null, and the scaling with decoding threads."
        })
public final class DecodeBenchmark implements Callable<Integer> {

    private static final Pattern RTIME = Pattern.compile("rtime=([0-9.]+)s");

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--sources",
            split = ",",
            defaultValue = "h264:320x240,vp9:427x240,h264:1280x720,hevc:320x240,av1:320x240",
            description =
                    "Sources as CODEC:WxH, CODEC one of h264, vp9, hevc, av1; all but even-sized"
                            + " h264 need the ffmpeg command line (default: ${DEFAULT-VALUE}).")
    private List<String> sources;

    @Option(
            names = "--decoder",
            split = ",",
            defaultValue = "humble,ffmpeg",
            description =
                    "Decoder backends to measure, comma-separated (default: ${DEFAULT-VALUE});"
                            + " a backend that cannot read a source is reported and skipped.")
    private List<String> decoders;

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
        Path folder = BenchmarkFolder.givenOrTemporary(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threadCounts =
                threads != null ? threads : IntStream.rangeClosed(1, cores).boxed().toList();
        boolean ffmpeg = ffmpegAvailable();
        out.printf(
                "decode benchmark: %d-frame clips at %dx%d, %d s sources (GOP %d), %d cores,"
                        + " decoders %s%n",
                frames, size, size, seconds, keyframeInterval, cores, decoders);
        if (!ffmpeg) {
            out.println(
                    "ffmpeg NOT FOUND on PATH: no reference rate and no ratio."
                            + " Install it (Debian/Ubuntu: apt-get install -y ffmpeg) and run again.");
        }
        for (String spec : sources) {
            Path source = source(folder, spec, ffmpeg);
            if (source == null) {
                out.printf("%n%s: needs the ffmpeg command line to make it; skipped%n", spec);
                continue;
            }
            measure(out, source, spec, ffmpeg, threadCounts);
        }
        out.flush();
        return 0;
    }

    /**
     * Makes (once) the source for {@code CODEC:WxH}: H.264 at even sizes through Humble Video's
     * encoder, everything else transcoded from an H.264 source by the ffmpeg command line.
     *
     * @return the file, or null when it needs the command line and there is none
     */
    private Path source(Path folder, String spec, boolean ffmpeg) throws IOException {
        String[] parts = spec.split(":");
        if (parts.length != 2 || !parts[1].matches("\\d+x\\d+")) {
            throw new CommandLine.ParameterException(
                    this.spec.commandLine(),
                    "--sources entries look like h264:320x240, got " + spec);
        }
        String codec = parts[0];
        String[] wh = parts[1].split("x");
        int width = Integer.parseInt(wh[0]);
        int height = Integer.parseInt(wh[1]);
        int evenWidth = width + (width & 1);
        int evenHeight = height + (height & 1);
        Path h264 = h264Source(folder, evenWidth, evenHeight);
        if (codec.equals("h264") && width == evenWidth && height == evenHeight) {
            return h264;
        }
        if (!ffmpeg) {
            return null;
        }
        String[] encoder = encoderArguments(codec);
        Path target =
                folder.resolve(
                        "source_"
                                + codec
                                + "_"
                                + parts[1]
                                + (codec.equals("vp9") ? ".webm" : ".mp4"));
        if (!Files.exists(target)) {
            transcode(h264, target, width, height, encoder);
        }
        return target;
    }

    /** Makes (once) the H.264 source of an even size through Humble Video's encoder. */
    private Path h264Source(Path folder, int width, int height) throws IOException {
        Path h264 = folder.resolve("source_h264_" + width + "x" + height + ".mp4");
        if (!Files.exists(h264)) {
            SyntheticClipWriter.builder()
                    .setFormat(VideoFormat.MP4_H264)
                    .setSize(width, height)
                    .optKeyframeInterval(keyframeInterval)
                    .build()
                    .write(h264, seconds * 25, movingShapes());
        }
        return h264;
    }

    /** The ffmpeg command line's encoder arguments for a codec: fast settings of each encoder. */
    private String[] encoderArguments(String codec) {
        return switch (codec) {
            case "h264" -> new String[] {"-c:v", "libx264", "-preset", "veryfast"};
            case "vp9" ->
                    new String[] {
                        "-c:v",
                        "libvpx-vp9",
                        "-deadline",
                        "realtime",
                        "-cpu-used",
                        "8",
                        "-b:v",
                        "1M"
                    };
            case "hevc" ->
                    new String[] {
                        "-c:v", "libx265", "-preset", "veryfast", "-x265-params", "log-level=error"
                    };
            case "av1" ->
                    new String[] {
                        "-c:v", "libaom-av1", "-cpu-used", "8", "-usage", "realtime", "-crf", "30"
                    };
            default ->
                    throw new CommandLine.ParameterException(
                            this.spec.commandLine(),
                            "--sources codec must be h264, vp9, hevc or av1, got " + codec);
        };
    }

    private void transcode(Path from, Path to, int width, int height, String[] encoder)
            throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "ffmpeg",
                                "-nostdin",
                                "-v",
                                "error",
                                "-y",
                                "-i",
                                from.toString(),
                                "-vf",
                                "crop=" + width + ":" + height + ":0:0",
                                "-g",
                                Integer.toString(keyframeInterval),
                                "-pix_fmt",
                                "yuv420p"));
        command.addAll(List.of(encoder));
        command.add(to.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log;
        try (InputStream in = process.getInputStream()) {
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (process.waitFor() != 0) {
                throw new IOException("ffmpeg could not make " + to + ":\n" + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while making " + to, e);
        }
    }

    private void measure(
            PrintWriter out, Path source, String label, boolean ffmpeg, List<Integer> threadCounts)
            throws Exception {
        int frameCount;
        try (VideoReader reader = VideoDecoders.byName(VideoDecoders.FFMPEG).open(source)) {
            frameCount = reader.info().frameCount();
        } catch (IllegalStateException e) { // the ffmpeg backend is not on the class path
            try (VideoReader reader = VideoDecoders.byName(VideoDecoders.HUMBLE).open(source)) {
                frameCount = reader.info().frameCount();
            }
        }
        out.printf("%n%s (%d frames, %.1f MB)%n", label, frameCount, Files.size(source) / 1e6);
        for (String name : decoders) {
            VideoDecoder decoder = VideoDecoders.byName(name);
            try (VideoReader reader = decoder.open(source)) {
                reader.read(new int[] {0});
            } catch (VideoDecodeException e) {
                out.printf("  %s: cannot read it (%s)%n", name, e.reason());
                continue;
            }
            measureBackend(out, source, name, decoder, ffmpeg, frameCount, threadCounts);
        }
    }

    private void measureBackend(
            PrintWriter out,
            Path source,
            String name,
            VideoDecoder decoder,
            boolean ffmpeg,
            int frameCount,
            List<Integer> threadCounts)
            throws Exception {
        ClipLoader test =
                new ClipLoader(
                        decoder,
                        SegmentSampler.test(frames),
                        EvalTransform.builder().optSize(size).build());
        List<Pipeline> pipelines =
                List.of(
                        new Pipeline(
                                "decode + RGB of the T frames",
                                new ClipLoader(
                                        decoder,
                                        SegmentSampler.test(frames),
                                        new NoTransform(size))),
                        new Pipeline("test clip (resize, centre crop)", test),
                        new Pipeline(
                                "train clip (crop, flip, jitter)",
                                new ClipLoader(
                                        decoder,
                                        SegmentSampler.train(frames),
                                        TrainTransform.builder().optSize(size).build())));
        for (Pipeline pipeline : pipelines) { // warm-up: JIT, natives
            long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int round = 0;
            do {
                pipeline.loader.load(source, new SplittableRandom(round++));
            } while (System.nanoTime() < end);
        }
        singleThread(out, source, name, ffmpeg, frameCount, pipelines);
        scaling(out, source, name, test, threadCounts);
    }

    /** A way to prepare clips, as its lines name it. */
    private record Pipeline(String label, ClipLoader loader) {}

    /** Times each pipeline and the command line on one thread and prints their rates. */
    private void singleThread(
            PrintWriter out,
            Path source,
            String name,
            boolean ffmpeg,
            int frameCount,
            List<Pipeline> pipelines)
            throws Exception {
        // Interleaved rounds, medians: a load burst from another process hits every candidate,
        // the command line included (measured again for each backend).
        double[] ffmpegSeconds = new double[rounds];
        double[][] pipelineSeconds = new double[pipelines.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            ffmpegSeconds[r] = ffmpeg ? ffmpegSeconds(source) : Double.NaN;
            for (int p = 0; p < pipelines.size(); p++) {
                pipelineSeconds[p][r] = secondsPerClip(pipelines.get(p).loader, source, r);
            }
        }
        double ffmpegRate = 1 / median(ffmpegSeconds);
        if (ffmpeg) {
            out.printf(
                    "  %-50s %7.2f files/s %7.0f frames/s%n",
                    name + " rounds: ffmpeg -threads 1, decode to null",
                    ffmpegRate,
                    frameCount * ffmpegRate);
        }
        for (int p = 0; p < pipelines.size(); p++) {
            report(
                    out,
                    name + ": " + pipelines.get(p).label + ", 1 thread",
                    1 / median(pipelineSeconds[p]),
                    ffmpegRate);
        }
    }

    /** Test clips per second on each thread count against one thread, measured in turn. */
    private void scaling(
            PrintWriter out, Path source, String name, ClipLoader test, List<Integer> threadCounts)
            throws Exception {
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
                    "  %-50s %7.2f clips/s  scaling %.2fx of 1 thread (%.2f clips/s)%n",
                    name + ": test clips, " + n + " threads",
                    rate,
                    rate / median(single),
                    median(single));
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
        out.printf("  %-50s %7.2f clips/s", what, rate);
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
