/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The labelled videos a training example reads from its first four arguments: the video root, the
 * training list, the test (or validation) list and the label CSV. Lists are ViFi-CLIP's {@code path
 * label} lines, paths relative to the root, labels indexing the CSV's classes.
 *
 * @param labels the class names, in label order
 * @param train the training videos
 * @param test the test (or validation) videos
 */
record ExampleLists(LabelMap labels, VideoList train, VideoList test) {

    /** Reads the label CSV {@code args[3]}, then the lists {@code args[1]} and {@code args[2]}. */
    static ExampleLists read(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        LabelMap labels = LabelMap.readCsv(Path.of(args[3]));
        VideoList train = VideoList.read(Path.of(args[1]), root, labels);
        VideoList test = VideoList.read(Path.of(args[2]), root, labels);
        return new ExampleLists(labels, train, test);
    }
}
