/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.zoo.ZooArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for the training commands: 5 short mp4 clips per colour class (red, green, blue,
 * white), 4 in {@code train.txt} and 1 in {@code val.txt}, a zero-byte {@code broken.mp4} in the
 * training list, {@code labels.csv}, and {@code tiny.json}, a one-layer CLIP config.
 */
public final class ColourClips {

    /** The class names, in label order. */
    public static final String[] CLASSES = {"red", "green", "blue", "white"};

    private ColourClips() {}

    /**
     * Writes the clips, lists, label CSV and configuration into {@code dir}.
     *
     * @param dir the folder
     * @throws Exception if a file cannot be written
     */
    public static void write(Path dir) throws Exception {
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
     * @throws Exception if the file cannot be written
     */
    public static Path writeTinyWeights(Path dir) throws Exception {
        Path weights = dir.resolve("tiny.safetensors");
        try (ViFiClip model =
                ViFiClip.builder()
                        .setConfig(ZooArguments.readConfig(dir.resolve("tiny.json")))
                        .optSeed(7)
                        .build()) {
            SafetensorsWriter.builder().build().write(weights, model.stateDict());
        }
        return weights;
    }
}
