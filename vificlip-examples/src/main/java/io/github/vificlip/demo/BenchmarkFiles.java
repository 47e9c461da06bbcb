/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import java.nio.file.Path;

/**
 * Where a written synthetic benchmark lies, in the layout of ViFi-CLIP's released base-to-novel
 * splits: label CSVs ({@code id,name}) for all, base and novel classes, and list files ({@code path
 * label} per line, paths relative to {@code root}) whose labels index the base or the novel CSV.
 *
 * @param root the folder list paths are relative to
 * @param labels every class ({@code labels.csv})
 * @param baseLabels the base classes ({@code base_labels.csv})
 * @param novelLabels the novel classes ({@code novel_labels.csv})
 * @param train the training videos under full labels ({@code train.txt})
 * @param val the test videos of every class under full labels ({@code val.txt})
 * @param baseTrain the training videos, labels of the base CSV ({@code base_train.txt})
 * @param baseVal the base classes' test videos, labels of the base CSV ({@code base_val.txt})
 * @param novelVal the novel classes' test videos, labels of the novel CSV ({@code novel_val.txt})
 */
public record BenchmarkFiles(
        Path root,
        Path labels,
        Path baseLabels,
        Path novelLabels,
        Path train,
        Path val,
        Path baseTrain,
        Path baseVal,
        Path novelVal) {

    /**
     * Returns the files of a benchmark written into {@code root}.
     *
     * @param root the benchmark's folder
     * @return the standard file names in it
     */
    public static BenchmarkFiles in(Path root) {
        return new BenchmarkFiles(
                root,
                root.resolve("labels.csv"),
                root.resolve("base_labels.csv"),
                root.resolve("novel_labels.csv"),
                root.resolve("train.txt"),
                root.resolve("val.txt"),
                root.resolve("base_train.txt"),
                root.resolve("base_val.txt"),
                root.resolve("novel_val.txt"));
    }
}
