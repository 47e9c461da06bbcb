/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterServer;
import java.util.Map;

/**
 * Applies {@link AdamW} to DJL's mirrored parameters: gradients from every device are summed on the
 * first device, the first device's copy is updated once, copied to the other devices, and all
 * gradients are zeroed for the next accumulation window. With one device this is a plain optimizer
 * step.
 *
 * <p>DJL's {@code ParameterStore.updateAllParameters()} calls it for every parameter that requires
 * a gradient, so frozen parameters are never touched.
 */
final class DataParallelParameterServer implements ParameterServer {

    private final AdamW optimizer;
    private final Map<String, String> namesById;
    private double learningRate;

    /**
     * Creates the server.
     *
     * @param optimizer the optimizer that owns the moments
     * @param namesById stable parameter names (for the optimizer's state) by DJL parameter id
     */
    DataParallelParameterServer(AdamW optimizer, Map<String, String> namesById) {
        this.optimizer = optimizer;
        this.namesById = namesById;
    }

    /** Sets the learning rate of the next update. */
    void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void init(String parameterId, NDArray[] value) {}

    @Override
    public void update(String parameterId, NDArray[] grads, NDArray[] params) {
        String name = namesById.get(parameterId);
        if (name == null) {
            throw new IllegalStateException(
                    "Parameter " + parameterId + " is trainable but has no name in the model");
        }
        NDArray sum = grads[0];
        for (int i = 1; i < grads.length; i++) {
            try (NDArray moved = grads[i].toDevice(sum.getDevice(), true)) {
                sum.addi(moved);
            }
        }
        optimizer.update(name, params[0], sum, learningRate);
        for (int i = 1; i < params.length; i++) {
            try (NDArray moved = params[0].toDevice(params[i].getDevice(), true)) {
                params[i].set(new NDIndex("..."), moved);
            }
        }
        for (NDArray grad : grads) {
            zero(grad);
        }
    }

    /** Sets an array to zero in place (also when it holds NaN, unlike subtracting itself). */
    static void zero(NDArray array) {
        // The scalar the assignment creates must not outlive it in the array's own manager.
        try (NDManager scratch = NDManager.subManagerOf(array)) {
            scratch.tempAttachAll(array);
            array.set(new NDIndex("..."), 0);
        }
    }

    @Override
    public void close() {}
}
