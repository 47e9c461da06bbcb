/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark weights}: how fast weights of a real size (ViT-B/16 by default) are
 * written and read, as ratios to reading the same file's bytes from the page cache and to DJL's own
 * safetensors reader ({@code NDList.decode}), all measured in one run.
 */
@Command(
        name = "weights",
        mixinStandardHelpOptions = true,
        description =
                "Measure writing and reading CLIP weights (safetensors F32 and F16) against raw"
                        + " file reads and DJL's NDList.decode.")
public final class WeightsBenchmark implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--preset",
            description = "Architecture whose weights are made (default: ${DEFAULT-VALUE}).")
    private String preset = "ViT-B/16";

    @Option(
            names = "--runs",
            description =
                    "Timed runs per measurement; the median is shown (default: ${DEFAULT-VALUE}).")
    private int runs = 3;

    /** One timed operation. */
    private interface Timed {
        void run() throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ClipConfig config = ClipConfig.preset(preset);
        Path dir = Files.createTempDirectory("vificlip-weights-benchmark");
        try (NDManager manager = NDManager.newBaseManager()) {
            Path f32 = dir.resolve("f32.safetensors");
            Path f16 = dir.resolve("f16.safetensors");
            WriteSeconds write = writeBoth(manager, config, f32, f16);
            printHeader(out, config);
            printRow(out, manager, "F32 safetensors", f32, write.f32());
            printRow(out, manager, "F16 safetensors", f16, write.f16());
            if (Files.size(f32) < Integer.MAX_VALUE) {
                compareWithDjl(out, manager, f32);
            }
        } finally {
            BenchmarkFolder.delete(dir);
        }
        out.flush();
        return 0;
    }

    /** Median seconds of writing the two files of random weights. */
    private record WriteSeconds(double f32, double f16) {}

    /** Writes random weights of the architecture as F32 and as F16 safetensors, timed. */
    private WriteSeconds writeBoth(NDManager manager, ClipConfig config, Path f32, Path f16)
            throws IOException {
        try (NDManager weights = manager.newSubManager()) {
            Map<String, NDArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Shape> entry : ClipModel.parameterShapes(config).entrySet()) {
                tensors.put(entry.getKey(), weights.randomNormal(entry.getValue()));
            }
            SafetensorsWriter fp32 = SafetensorsWriter.builder().build();
            SafetensorsWriter fp16 =
                    SafetensorsWriter.builder().optDataType(DataType.FLOAT16).build();
            double writeF32 = median(() -> fp32.write(f32, tensors));
            double writeF16 = median(() -> fp16.write(f16, tensors));
            return new WriteSeconds(writeF32, writeF16);
        }
    }

    private void printHeader(PrintWriter out, ClipConfig config) {
        Map<String, Shape> shapes = ClipModel.parameterShapes(config);
        long parameters = 0;
        for (Shape shape : shapes.values()) {
            parameters += shape.size();
        }
        out.printf(
                Locale.ROOT,
                "%s weights: %d tensors, %,d parameters; median of %d runs%n%n",
                config.name(),
                shapes.size(),
                parameters,
                runs);
        out.printf(
                Locale.ROOT,
                "%-16s %10s %9s %9s %9s %10s %11s %12s%n",
                "file",
                "size",
                "write s",
                "raw s",
                "index ms",
                "read s",
                "read MB/s",
                "read / raw");
    }

    /** Times reading the file's bytes, its index and its tensors, and prints them in a row. */
    private void printRow(PrintWriter out, NDManager manager, String label, Path file, double write)
            throws IOException {
        double raw = median(() -> readBytes(file));
        double index = median(() -> StateDicts.inspect(file));
        double read = median(() -> readAndClose(file, manager));
        long size = Files.size(file);
        out.printf(
                Locale.ROOT,
                "%-16s %7.1f MB %9.2f %9.3f %9.1f %10.2f %11.0f %11.1fx%n",
                label,
                size / 1e6,
                write,
                raw,
                index * 1000,
                read,
                size / 1e6 / read,
                read / raw);
    }

    /** Times {@code StateDicts.read} against DJL's {@code NDList.decode} on the F32 file. */
    private void compareWithDjl(PrintWriter out, NDManager manager, Path f32) throws IOException {
        double ours = median(() -> readAndClose(f32, manager));
        double djl = median(() -> decodeWithDjl(f32, manager));
        out.printf(
                Locale.ROOT,
                "%nF32: DJL NDList.decode %.2f s, StateDicts.read %.2f s: DJL takes %.2fx"
                        + " the time%n",
                djl,
                ours,
                djl / ours);
    }

    private double median(Timed operation) throws IOException {
        double[] seconds = new double[Math.max(1, runs)];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            operation.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    /** The bytes of the file, from the page cache after the first run: the I/O floor. */
    private static void readBytes(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.clear();
            }
        }
    }

    private static void readAndClose(Path file, NDManager manager) throws IOException {
        try (StateDict weights = StateDicts.read(file, manager)) {
            if (weights.size() == 0) {
                throw new IllegalStateException("no tensors read from " + file);
            }
        }
    }

    private static void decodeWithDjl(Path file, NDManager manager) throws IOException {
        try (NDManager scope = manager.newSubManager();
                InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(scope, in);
            if (list.isEmpty()) {
                throw new IllegalStateException("DJL decoded nothing from " + file);
            }
        }
    }
}
