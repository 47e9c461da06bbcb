/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptLearner;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.weights.SafetensorsWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real files for the command-line tests: 20 small mp4 clips of four colour classes (4 per class in
 * {@code train.txt}, plus an empty {@code broken.mp4}; 1 per class in {@code val.txt}), {@code
 * labels.csv}, {@code tiny.json} (a one-layer CLIP config), and prepared clips as NumPy {@code
 * .npy} files.
 */
public final class ColourClips {

    /** The class names, in label order. */
    public static final String[] CLASSES = {"red", "green", "blue", "white"};

    private ColourClips() {}

    /**
     * Writes {@code videos/}, {@code train.txt}, {@code val.txt}, {@code labels.csv} and {@code
     * tiny.json}.
     *
     * @param dir the folder
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir) throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos"));
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(48, 40)
                        .build();
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            int label = c;
            for (int k = 0; k < 5; k++) {
                String name = CLASSES[c] + "_" + k + ".mp4";
                int shade = 40 * k;
                writer.write(
                        videos.resolve(name),
                        12,
                        (i, w, h, rgb) -> {
                            for (int p = 0; p < w * h; p++) {
                                for (int ch = 0; ch < 3; ch++) {
                                    boolean on = label == 3 || label == ch;
                                    rgb[p * 3 + ch] = (byte) (on ? 200 + shade / 4 : shade / 4);
                                }
                            }
                        });
                (k < 4 ? train : val).add(name + " " + c);
            }
        }
        Files.writeString(videos.resolve("broken.mp4"), "");
        train.add("broken.mp4 0");
        Files.write(dir.resolve("train.txt"), train);
        Files.write(dir.resolve("val.txt"), val);
        Files.writeString(dir.resolve("labels.csv"), "id,name\n0,red\n1,green\n2,blue\n3,white\n");
        Files.writeString(
                dir.resolve("tiny.json"),
                "{\"name\":\"tiny\",\"embedDim\":32,\"imageSize\":32,\"patchSize\":16,"
                        + "\"visionWidth\":64,\"visionLayers\":1,\"visionHeads\":1,"
                        + "\"contextLength\":77,\"vocabSize\":49408,\"textWidth\":64,"
                        + "\"textLayers\":1,\"textHeads\":1,\"mlpRatio\":4,\"layerNormEps\":1e-5}");
    }

    /**
     * Writes {@code tiny.safetensors}, the randomly initialised weights of the {@code tiny.json}
     * architecture (seed 7), next to the files {@link #write} made.
     *
     * @param dir the folder {@link #write} filled
     * @return the weights file
     * @throws IOException if the file cannot be written
     */
    public static Path writeTinyWeights(Path dir) throws IOException {
        Path weights = dir.resolve("tiny.safetensors");
        try (ViFiClip model =
                ViFiClip.builder()
                        .setConfig(ClipConfig.fromJson(dir.resolve("tiny.json")))
                        .optSeed(7)
                        .build()) {
            SafetensorsWriter.builder().build().write(weights, model.stateDict());
        }
        return weights;
    }

    /**
     * Writes {@code tiny.prompts.safetensors}: prompts for the tiny model (2 text and 2 vision
     * vectors at depth 1, drawn from seed 5, untrained), as a prompt-only file.
     *
     * @param dir the folder {@link #write} filled
     * @param weights the tiny model's weights ({@link #writeTinyWeights})
     * @return the prompts file
     * @throws IOException if a file cannot be read or written
     */
    public static Path writeTinyPrompts(Path dir, Path weights) throws IOException {
        Path prompts = dir.resolve("tiny.prompts.safetensors");
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                PromptedViFiClip prompted =
                        PromptLearner.builder()
                                .setTextContext(2)
                                .setVisionContext(2)
                                .optDepth(1)
                                .optSeed(5)
                                .build()
                                .attach(model)) {
            prompted.savePrompts(prompts);
        }
        return prompts;
    }

    /** Writes a float32 .npy file (format 1.0) of a smooth pattern. */
    public static Path writeNpy(Path file, int[] shape) throws IOException {
        int count = 1;
        for (int d : shape) {
            count *= d;
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) Math.sin(i * 0.01);
        }
        return writeNpy(file, shape, values);
    }

    /** Writes a float32 .npy file (format 1.0) of the given values, in row-major order. */
    public static Path writeNpy(Path file, int[] shape, float[] values) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String header =
                "{'descr': '<f4', 'fortran_order': False, 'shape': ("
                        + dims.toString().strip()
                        + "), }";
        header = header.replace(", ), }", "), }");
        int total = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            data.putFloat(value);
        }
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            byte[] headerBytes = padded.getBytes(StandardCharsets.US_ASCII);
            out.write(headerBytes.length & 0xFF);
            out.write(headerBytes.length >> 8);
            out.write(headerBytes);
            out.write(data.array());
        }
        return file;
    }
}
