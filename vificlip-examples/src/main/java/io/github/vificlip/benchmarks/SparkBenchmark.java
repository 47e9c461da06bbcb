/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import io.github.vificlip.cli.LocalSpark;
import io.github.vificlip.cli.SparkClasspath;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.spark.IndexSummary;
import io.github.vificlip.spark.VideoScorer;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark spark}: clips per second of the Spark indexer in local mode against the
 * single-JVM paths on the same files, in one run: {@code vificlip classify}'s (a predictor, one
 * video at a time, classes only), the batch scorer every executor uses (classes and embeddings, one
 * thread), and {@code VideoIndexJob}'s (Spark tasks, Parquet output). The ratios are Spark's
 * throughput over each single-JVM one; the resident memory after each phase shows whether native
 * memory grows with the work.
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the Spark indexer against the single-JVM paths on the same clips.",
            "Clips per second of the Spark indexer (local mode), the classify path and the batch"
                    + " scorer, and their ratios. Needs Spark on the class path (build with"
                    + " -Pspark, see docs/spark.md)."
        })
public final class SparkBenchmark implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--clips", description = "Clips to index (default: ${DEFAULT-VALUE}).")
    private int clips = 48;

    @Option(
            names = "--frames",
            description = "Frames sampled per clip (default: ${DEFAULT-VALUE}).")
    private int frames = 8;

    @Option(
            names = "--preset",
            description = "CLIP architecture, random weights (default: ${DEFAULT-VALUE}).")
    private String preset = "ViT-B/32";

    @Option(names = "--batch", description = "Videos per forward pass (default: ${DEFAULT-VALUE}).")
    private int batch = 8;

    @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
    private String master = "local[2]";

    @Option(names = "--dir", description = "Folder for clips and model (default: a temporary one).")
    private Path dir;

    private static final List<String> CLASSES =
            List.of(
                    "red bars",
                    "green bars",
                    "blue bars",
                    "white bars",
                    "moving stripes",
                    "a dark scene",
                    "a bright scene",
                    "a gradient",
                    "noise",
                    "a checkerboard");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = BenchmarkFolder.givenOrTemporary(dir);
        List<Path> videos = writeClips(folder.resolve("videos"));
        Path model = writeModelFolder(folder.resolve("model"));
        List<String> uris = videos.stream().map(Path::toString).toList();
        out.printf(
                "spark benchmark: %d clips (160x120, 32 frames), %s random weights, %d frames per"
                        + " clip, batch %d, %d cores, load average %.2f%n",
                clips,
                preset,
                frames,
                batch,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        out.flush();
        double classify = classifyPath(model, videos);
        report(out, "classify path (one JVM, one video at a time)", classify);
        double scorer = scorerPath(model, videos, uris);
        report(out, "batch scorer (one JVM, one thread)", scorer);
        double cold;
        double warm;
        try {
            String output = folder.resolve("index").toString();
            cold = sparkPath(uris, model, output);
            report(out, "Spark " + master + ", first job (model loads)", cold);
            warm = sparkPath(uris, model, output);
            report(out, "Spark " + master + ", second job (model loaded)", warm);
        } catch (NoClassDefFoundError e) {
            if (!SparkClasspath.missing(e)) {
                throw e;
            }
            out.println("benchmark spark: " + SparkClasspath.HOW_TO_GET_SPARK);
            return 1;
        }
        out.printf(
                "ratio Spark (model loaded) / classify path: %.2f; / batch scorer: %.2f%n",
                warm / classify, warm / scorer);
        out.flush();
        return 0;
    }

    private double classifyPath(Path model, List<Path> videos) throws Exception {
        VideoClassificationTranslator translator =
                VideoClassificationTranslator.builder()
                        .setClassNames(CLASSES)
                        .optFrames(frames)
                        .build();
        try (ViFiClip vifi =
                        ViFiClip.builder().optWeights(model.resolve("model.safetensors")).build();
                Model scoring = Model.newInstance("benchmark", vifi.getDevice())) {
            scoring.setBlock(vifi.getBlock());
            try (Predictor<Path, Classifications> predictor = scoring.newPredictor(translator)) {
                predictor.predict(videos.get(0)); // warm-up: class features, JIT
                long start = System.nanoTime();
                for (Path video : videos) {
                    predictor.predict(video);
                }
                return videos.size() / seconds(start);
            }
        }
    }

    private double scorerPath(Path model, List<Path> videos, List<String> uris) throws Exception {
        try (VideoScorer scorer = VideoScorer.load(model, CLASSES, 0)) {
            scorer.score(uris.subList(0, 1), videos.subList(0, 1)); // warm-up
            long start = System.nanoTime();
            for (int from = 0; from < videos.size(); from += batch) {
                int to = Math.min(videos.size(), from + batch);
                scorer.score(uris.subList(from, to), videos.subList(from, to));
            }
            return videos.size() / seconds(start);
        }
    }

    private double sparkPath(List<String> uris, Path model, String output) {
        long start = System.nanoTime();
        IndexSummary summary =
                LocalSpark.index(master, uris, model.toString(), CLASSES, batch, output);
        if (summary.videos() != uris.size() || summary.errors() != 0) {
            throw new IllegalStateException("The index is incomplete: " + summary);
        }
        return uris.size() / seconds(start);
    }

    private List<Path> writeClips(Path folder) throws IOException {
        Files.createDirectories(folder);
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(160, 120)
                        .build();
        List<Path> videos = new ArrayList<>();
        for (int k = 0; k < clips; k++) {
            Path video = folder.resolve(String.format("clip_%03d.mp4", k));
            int period = 4 + k % 13;
            int tint = 37 * k;
            if (!Files.exists(video)) {
                writer.write(
                        video,
                        32,
                        (i, w, h, rgb) -> {
                            for (int p = 0; p < w * h; p++) {
                                boolean on = ((p % w + 2 * i) / period) % 2 == 0;
                                rgb[p * 3] = (byte) (on ? tint : 255 - tint);
                                rgb[p * 3 + 1] = (byte) (on ? 200 : 30);
                                rgb[p * 3 + 2] = (byte) (p / w * 2);
                            }
                        });
            }
            videos.add(video);
        }
        return videos;
    }

    private Path writeModelFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path weights = folder.resolve("model.safetensors");
        if (!Files.exists(weights)) {
            try (ViFiClip model = ViFiClip.builder().setPreset(preset).optSeed(1).build()) {
                SafetensorsWriter.builder().build().write(weights, model.stateDict());
            }
        }
        Files.writeString(
                folder.resolve("serving.properties"),
                "weights=model.safetensors\nframes=" + frames + "\n");
        return folder;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(PrintWriter out, String path, double clipsPerSecond) {
        out.printf(
                "%-48s %7.2f clips/s   resident memory %5d MiB%n",
                path, clipsPerSecond, residentMiB());
        out.flush();
    }

    /** The process's resident set (VmRSS), native memory included; -1 where unknown. */
    private static long residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
