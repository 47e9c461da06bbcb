/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.vificlip.loading.ClipBatch;
import io.github.vificlip.model.Scalars;
import io.github.vificlip.model.VideoClassificationBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One training iteration over several devices: each device blends its slice of the batch
 * (Mixup/CutMix per device batch, as the reference blends per GPU), runs forward and backward, and
 * the gradients add up over the accumulation window until {@link #update} has AdamW apply them on
 * the first device and copy the weights to the others.
 */
final class DataParallelStep {

    private final VideoClassificationBlock model;
    private final Iterable<Parameter> trainable;
    private final Device[] devices;
    private final Recipe recipe;
    private final MixupCutmix blending;
    private final DataParallelParameterServer server;
    private final ParameterStore store;
    private List<NDArray> gradientHolders;

    DataParallelStep(
            VideoClassificationBlock model,
            Map<String, Parameter> trainable,
            AdamW optimizer,
            NDManager manager,
            Device[] devices,
            Recipe recipe,
            int classes) {
        this.model = model;
        this.trainable = trainable.values();
        this.devices = devices;
        this.recipe = recipe;
        this.blending =
                MixupCutmix.builder()
                        .setNumClasses(classes)
                        .optLabelSmoothing(recipe.labelSmoothing())
                        .optMixupAlpha(recipe.mixupAlpha())
                        .optCutmixAlpha(recipe.cutmixAlpha())
                        .optSwitchProbability(recipe.switchProbability())
                        .build();
        Map<String, String> namesById = new HashMap<>();
        trainable.forEach((name, parameter) -> namesById.put(parameter.getId(), name));
        this.server = new DataParallelParameterServer(optimizer, namesById);
        this.store = new ParameterStore(manager, false);
        store.setParameterServer(server, devices);
    }

    /** Blends, runs forward on every device and backward; returns the batch's loss. */
    double run(ClipBatch batch, SeededRandom blendRandom) {
        // Results of operations on weights belong to the step, not the model.
        batch.borrowWeights(model);
        NDArray videos = batch.videos();
        long[] labels = batch.labels();
        int perDevice = recipe.batchSize();
        List<NDArray> deviceLosses = new ArrayList<>(devices.length);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (int d = 0; d < devices.length; d++) {
                NDArray slice = videos.get(d * perDevice + ":" + (d + 1) * perDevice);
                long[] sliceLabels = Arrays.copyOfRange(labels, d * perDevice, (d + 1) * perDevice);
                NDArray onDevice = slice.toDevice(devices[d], false);
                MixupCutmix.Blend blend = blending.blend(onDevice, sliceLabels, blendRandom);
                NDArray logits =
                        model.forward(store, new NDList(blend.videos()), true).singletonOrThrow();
                // Scalars allocated by libtorch, not mul(Number): see Scalars.
                NDArray deviceLoss =
                        SoftTargetCrossEntropy.compute(logits, blend.targets())
                                .mul(Scalars.like((float) perDevice / labels.length, logits));
                collector.backward(
                        deviceLoss.div(Scalars.like((float) recipe.accumulation(), logits)));
                deviceLosses.add(deviceLoss);
            }
        }
        if (gradientHolders == null) {
            gradientHolders = deviceCopies();
        }
        double loss = 0;
        for (NDArray deviceLoss : deviceLosses) {
            loss += deviceLoss.getFloat();
        }
        return loss;
    }

    /** Applies the accumulated gradients at {@code learningRate}. */
    void update(double learningRate) {
        server.setLearningRate(learningRate);
        store.updateAllParameters();
    }

    /**
     * Drops the gradients of an unfinished accumulation window, as the reference zeroes them at the
     * start of each epoch.
     */
    void dropGradients() {
        if (gradientHolders == null) {
            return;
        }
        for (NDArray holder : gradientHolders) {
            try (NDArray gradient = holder.getGradient()) {
                DataParallelParameterServer.zero(gradient);
            }
        }
    }

    /** The arrays that hold gradients: every device's copy of every trained parameter. */
    private List<NDArray> deviceCopies() {
        List<NDArray> copies = new ArrayList<>();
        for (Parameter parameter : trainable) {
            for (Device device : devices) {
                copies.add(store.getValue(parameter, device, true));
            }
        }
        return copies;
    }
}
