/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.Device;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.zoo.ZooArguments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose a model: its weights files (or a preset for random weights) and device.
 */
final class ModelOptions {

    @Option(
            names = {"-w", "--weights"},
            paramLabel = "FILE",
            description = {
                "Weights in any supported format (OpenAI .pt, ViFi-CLIP .pth, OpenAI/open_clip/",
                "Hugging Face safetensors). Repeat to overlay files: later files replace earlier",
                "tensors, e.g. --weights ViT-B-16.pt --weights vifi_clip_k400.pth."
            })
    List<Path> weights = new ArrayList<>();

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "Architecture for random initial weights when no --weights is given"
                            + " (ViT-B/32, ViT-B/16, ViT-L/14).")
    String preset;

    @Option(
            names = "--config",
            paramLabel = "JSON",
            description =
                    "Architecture as a JSON ClipConfig (embedDim, imageSize, patchSize, ...), for"
                            + " custom sizes; instead of --preset.")
    Path config;

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            description =
                    "cpu, gpu or gpu:N (default: cpu). Training takes several for data parallel.")
    List<String> devices = new ArrayList<>();

    /** Returns the chosen devices (the CPU when none is given). */
    Device[] devices() {
        if (devices.isEmpty()) {
            return new Device[] {Device.cpu()};
        }
        return devices.stream().map(Device::fromName).toArray(Device[]::new);
    }

    /** Builds the model on the first device. */
    ViFiClip build(TuningMode tuning, long seed) {
        ViFiClip.Builder builder =
                ViFiClip.builder().optDevice(devices()[0]).optTuning(tuning).optSeed(seed);
        if (preset != null && config != null) {
            throw new IllegalArgumentException("Give --preset or --config, not both");
        }
        if (preset != null) {
            builder.setPreset(preset);
        } else if (config != null) {
            builder.setConfig(ZooArguments.readConfig(config));
        }
        if (!weights.isEmpty()) {
            builder.optWeights(weights.toArray(Path[]::new));
        } else if (preset == null && config == null) {
            throw new IllegalArgumentException(
                    "Give --weights FILE (or --preset NAME / --config JSON to start from random"
                            + " weights)");
        }
        return builder.build();
    }
}
