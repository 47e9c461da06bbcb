/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.AdamW}, step for step, with its state open to checkpoints.
 *
 * <p>For each parameter with gradient g at step t (counted per parameter from 1):
 *
 * <pre>
 * p ← p·(1 − lr·wd)
 * m ← β1·m + (1 − β1)·g            v ← β2·v + (1 − β2)·g²
 * p ← p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * <p>DJL's own {@code AdamW} folds the bias corrections differently (its ε acts as ε/√(1−β2ᵗ)) and
 * keeps its moments private, so a checkpoint could not hold them; this class does both the
 * reference's way, on the engine's fused update with rescaled constants. Moments live in this
 * optimizer's manager on the parameter's device.
 */
public final class AdamW implements AutoCloseable {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, State> states = new LinkedHashMap<>();

    /**
     * The per-parameter state.
     *
     * @param step the number of updates applied so far
     * @param expAvg the first moment m
     * @param expAvgSq the second moment v
     */
    public record State(long step, NDArray expAvg, NDArray expAvgSq) {}

    private AdamW(Builder builder, NDManager parent) {
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
        this.weightDecay = builder.weightDecay;
        this.manager = parent.newSubManager();
        this.manager.setName("adamw");
    }

    /**
     * Returns a builder with the reference's settings: β = (0.9, 0.98), ε = 1e-8, weight decay
     * 1e-3.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies one update to a parameter, in place.
     *
     * @param name the parameter's stable name (its state is kept under it)
     * @param parameter the parameter's values
     * @param gradient its gradient (summed over devices and micro-batches)
     * @param learningRate the learning rate of this step
     */
    public void update(String name, NDArray parameter, NDArray gradient, double learningRate) {
        State old = states.get(name);
        NDArray expAvg;
        NDArray expAvgSq;
        long step;
        if (old == null) {
            expAvg =
                    manager.zeros(
                            parameter.getShape(), parameter.getDataType(), parameter.getDevice());
            expAvgSq =
                    manager.zeros(
                            parameter.getShape(), parameter.getDataType(), parameter.getDevice());
            step = 1;
        } else {
            expAvg = old.expAvg();
            expAvgSq = old.expAvgSq();
            step = old.step() + 1;
        }
        // The engine's fused update computes p -= c·m/(√v + ε'); with c = lr·√bc2/bc1 and
        // ε' = ε·√bc2 that is exactly PyTorch's p -= lr/bc1 · m/(√v/√bc2 + ε).
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        parameter
                .getNDArrayInternal()
                .adamUpdate(
                        new NDList(parameter, gradient, expAvg, expAvgSq),
                        new NDList(parameter),
                        (float) learningRate,
                        (float) (learningRate * biasCorrection2Sqrt / biasCorrection1),
                        (float) weightDecay,
                        1f,
                        -1f,
                        (float) beta1,
                        (float) beta2,
                        (float) (epsilon * biasCorrection2Sqrt),
                        false,
                        true);
        states.put(name, new State(step, expAvg, expAvgSq));
    }

    /**
     * Returns the state of every parameter updated so far, by name, in first-update order.
     *
     * @return an unmodifiable view
     */
    public Map<String, State> getStates() {
        return Collections.unmodifiableMap(states);
    }

    /**
     * Replaces the state of a parameter, for example from a checkpoint; the arrays are copied into
     * this optimizer's manager.
     *
     * @param name the parameter's name
     * @param state its saved state
     */
    public void restore(String name, State state) {
        State old = states.remove(name);
        if (old != null) {
            old.expAvg().close();
            old.expAvgSq().close();
        }
        NDArray expAvg = state.expAvg().duplicate();
        NDArray expAvgSq = state.expAvgSq().duplicate();
        expAvg.attach(manager);
        expAvgSq.attach(manager);
        states.put(name, new State(state.step(), expAvg, expAvgSq));
    }

    /**
     * Returns β1.
     *
     * @return the first moment's decay
     */
    public double getBeta1() {
        return beta1;
    }

    /**
     * Returns β2.
     *
     * @return the second moment's decay
     */
    public double getBeta2() {
        return beta2;
    }

    /**
     * Returns ε.
     *
     * @return the denominator's epsilon
     */
    public double getEpsilon() {
        return epsilon;
    }

    /**
     * Returns the decoupled weight decay, applied to every trained parameter as the reference does.
     *
     * @return the weight decay
     */
    public double getWeightDecay() {
        return weightDecay;
    }

    /** Frees the moments. */
    @Override
    public void close() {
        manager.close();
    }

    /** Builds an {@link AdamW}. */
    public static final class Builder {

        private double beta1 = 0.9;
        private double beta2 = 0.98;
        private double epsilon = 1e-8;
        private double weightDecay = 1e-3;

        Builder() {}

        /**
         * Sets β1 and β2 ((0.9, 0.98) by default, as the reference).
         *
         * @param beta1 the first moment's decay in [0, 1)
         * @param beta2 the second moment's decay in [0, 1)
         * @return this builder
         */
        public Builder optBetas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * Sets ε (1e-8 by default).
         *
         * @param epsilon a positive value
         * @return this builder
         */
        public Builder optEpsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Sets the decoupled weight decay (1e-3 by default).
         *
         * @param weightDecay a value of 0 or more
         * @return this builder
         */
        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @param manager the manager whose child holds the moments
         * @return the optimizer
         * @throws IllegalArgumentException if a value is out of range
         */
        public AdamW build(NDManager manager) {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException(
                        "Betas must be in [0, 1), got (" + beta1 + ", " + beta2 + ")");
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("Epsilon must be positive, got " + epsilon);
            }
            if (!(weightDecay >= 0)) {
                throw new IllegalArgumentException(
                        "Weight decay must be 0 or more, got " + weightDecay);
            }
            return new AdamW(this, manager);
        }
    }
}
