/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;

/**
 * A fixed fp32 matrix product [m x k] x [k x n], the machine's reference rate: benchmarks report
 * model FLOP/s as a fraction of what this product reaches in the same run.
 */
final class MatrixMultiply {

    final long m;
    final long k;
    final long n;
    final double flops;
    private final NDArray a;
    private final NDArray b;

    MatrixMultiply(NDManager manager, long m, long k, long n) {
        this.m = m;
        this.k = k;
        this.n = n;
        this.flops = 2.0 * m * k * n;
        a = manager.randomNormal(new Shape(m, k));
        b = manager.randomNormal(new Shape(k, n));
    }

    /** Runs the product once. */
    void run() {
        // CPU kernels are synchronous: the product is complete when matMul returns.
        a.matMul(b).close();
    }

    /** Returns the best FLOP/s of {@code rounds} products after a warm-up. */
    double bestFlops(int rounds) {
        return flops / best(this::run, rounds);
    }

    /** Picks the fastest of several products [m, k, n], printing each rate. */
    static MatrixMultiply fastest(
            NDManager manager, PrintWriter out, int rounds, long[]... shapes) {
        MatrixMultiply best = null;
        double bestFlops = 0;
        for (long[] mkn : shapes) {
            MatrixMultiply candidate = new MatrixMultiply(manager, mkn[0], mkn[1], mkn[2]);
            double flops = candidate.bestFlops(rounds);
            out.printf(
                    "matmul [%d x %d] x [%d x %d]: %.1f GFLOP/s%n",
                    mkn[0], mkn[1], mkn[1], mkn[2], flops / 1e9);
            if (flops > bestFlops) {
                bestFlops = flops;
                best = candidate;
            }
        }
        out.printf(
                "reference product: [%d x %d] x [%d x %d], %.1f GFLOP/s%n",
                best.m, best.k, best.k, best.n, bestFlops / 1e9);
        return best;
    }

    /** Returns the seconds one run of {@code work} takes. */
    static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs {@code work} once to warm up, then returns the shortest of {@code rounds} runs. */
    static double best(Runnable work, int rounds) {
        work.run();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            best = Math.min(best, time(work));
        }
        return best;
    }
}
