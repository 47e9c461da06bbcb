/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import io.github.vificlip.cli.Subcommands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vificlip benchmark}: the benchmark programs. Each prints throughput figures and ratios
 * measured within one run; {@code docs/performance.md} records them.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark program; each prints ratios measured in one run.",
        subcommands = {
            TokenizerBenchmark.class,
            WeightsBenchmark.class,
            DecodeBenchmark.class,
            ModelBenchmark.class,
            TrainBenchmark.class,
            SparkBenchmark.class
        })
public final class BenchmarkCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw Subcommands.missing(spec);
    }
}
