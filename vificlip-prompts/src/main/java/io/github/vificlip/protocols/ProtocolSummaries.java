/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.evaluation.Summaries.MeanStd;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the protocols' summary files. */
final class ProtocolSummaries {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProtocolSummaries() {}

    /** Starts a summary of the runs of a recipe. */
    static ObjectNode start(Recipe recipe) {
        return JSON.createObjectNode().put("recipe", recipe.name());
    }

    static ObjectNode meanStd(MeanStd summary) {
        return JSON.createObjectNode()
                .put("mean", summary.mean())
                .put("std", summary.std())
                .put("runs", summary.runs());
    }

    static void write(ObjectNode summary, Path file) throws IOException {
        AtomicFile.write(file, out -> JSON.writeValue(out, summary));
    }
}
