/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.Device;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptCheckpoint;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.protocols.ModelFactory;
import io.github.vificlip.protocols.Provenance;
import io.github.vificlip.protocols.TrainingRun;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose a model: its weights files (or a preset for random weights), learned
 * prompts to attach, and the device.
 */
final class ModelOptions {

    @Option(
            names = {"-w", "--weights"},
            paramLabel = "FILE",
            description = {
                "Weights in any supported format (OpenAI .pt, ViFi-CLIP .pth,"
                        + " OpenAI/open_clip/Hugging Face safetensors). Repeat to overlay"
                        + " files: later files replace earlier tensors, e.g. --weights"
                        + " ViT-B-16.pt --weights vifi_clip_k400.pth."
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
            names = "--prompts",
            paramLabel = "FILE",
            description = {
                "Learned prompts to attach to the model (bridge and prompt): the"
                        + " prompt-only model.safetensors of a `train --recipe *-prompt` run,"
                        + " whose backbone comes from --weights, or a ViFi-CLIP prompting"
                        + " checkpoint (.pth), whose backbone is loaded over --weights as"
                        + " ViFi-CLIP's resume does: --weights ViT-B-16.pt --prompts ckpt.pth"
                        + " (OpenAI's file gives the token embedding the checkpoint lacks)."
            })
    Path prompts;

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

    /**
     * Returns how the commands train and evaluate with {@code recipe}: on the chosen devices, with
     * the source's decoding threads and failure policy, drawing console progress bars.
     */
    TrainingRun run(Recipe recipe, VideoSourceOptions source) {
        return TrainingRun.builder()
                .setRecipe(recipe)
                .optDevices(devices())
                .optWorkers(source.workers)
                .optFailFast(source.failFast)
                .optDecoder(source.decoder())
                .optProgress(ConsoleProgress::new)
                .build();
    }

    /**
     * Returns how a protocol makes the model of each of its training runs: built as {@link #build}
     * builds it, from the run's seed.
     */
    ModelFactory models() {
        return seed -> build(TuningMode.NONE, seed);
    }

    /** Returns the provenance a protocol's runs record: the {@code --weights} files. */
    Provenance weightsProvenance() throws IOException {
        return new Provenance().files("weights", weights);
    }

    /** Builds the model on the first device. */
    ViFiClip build(TuningMode tuning, long seed) throws IOException {
        ViFiClip.Builder builder =
                ViFiClip.builder().optDevice(devices()[0]).optTuning(tuning).optSeed(seed);
        if (preset != null && config != null) {
            throw new IllegalArgumentException("Give --preset or --config, not both");
        }
        if (preset != null) {
            builder.setPreset(preset);
        } else if (config != null) {
            builder.setConfig(ClipConfig.fromJson(config));
        }
        List<Path> files = modelWeights();
        if (!files.isEmpty()) {
            builder.optWeights(files.toArray(Path[]::new));
        } else if (preset == null && config == null) {
            throw new IllegalArgumentException(
                    "Give --weights FILE (or --preset NAME / --config JSON to start from random"
                            + " weights)");
        }
        return builder.build();
    }

    /**
     * Returns the files the model loads: {@code --weights}, then the {@code --prompts} file when it
     * holds a backbone (a ViFi-CLIP prompting checkpoint), as the reference's resume loads it.
     */
    private List<Path> modelWeights() throws IOException {
        for (Path file : weights) {
            if (PromptCheckpoint.holdsOnlyPrompts(file)) {
                throw new IllegalArgumentException(
                        file
                                + " holds learned prompts only, not a model: give the model's"
                                + " weights with --weights and this file with --prompts");
            }
        }
        if (prompts == null) {
            return weights;
        }
        if (weights.isEmpty() && !PromptCheckpoint.holdsOnlyPrompts(prompts)) {
            throw new IllegalArgumentException(
                    prompts
                            + " holds the backbone its prompts were learned on, without the token"
                            + " embedding (ViFi-CLIP checkpoints do not save it): give CLIP's"
                            + " weights first, e.g. --weights ViT-B-16.pt --prompts "
                            + prompts
                            + "; the checkpoint's backbone is loaded over them");
        }
        return PromptCheckpoint.backboneWeights(weights, prompts);
    }

    /**
     * Attaches the prompts of {@code --prompts} to the model, or returns null without that option.
     * The prompts are freed with the model.
     */
    PromptedViFiClip prompted(ViFiClip model) throws IOException {
        return prompts == null ? null : PromptedViFiClip.load(model, prompts);
    }
}
