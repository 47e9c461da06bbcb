/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vificlip benchmark model} runs end to end on a small setting and reports its ratios. */
class ModelBenchmarkCommandTest {

    private static final Pattern FRACTION =
            Pattern.compile(
                    "(image|text) tower.* = ([0-9.]+)% of the best matmul .*median of 1 paired");

    @Test
    void measuresBothTowersAgainstMatMul() {
        CommandRun run =
                CommandRun.of(
                        "benchmark",
                        "model",
                        "--preset",
                        "ViT-B/32",
                        "--frames",
                        "1",
                        "--prompts",
                        "2",
                        "--rounds",
                        "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("reference product: [").contains("ViT-B/32 image tower");
        Matcher fractions = FRACTION.matcher(run.out());
        int found = 0;
        while (fractions.find()) {
            assertThat(Double.parseDouble(fractions.group(2))).isPositive();
            found++;
        }
        assertThat(found).as(run.out()).isEqualTo(2);
    }

    @Test
    void unknownPresetIsAUsageError() {
        CommandRun run = CommandRun.of("benchmark", "model", "--preset", "ViT-X/3");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Unknown CLIP preset 'ViT-X/3'");
    }
}
