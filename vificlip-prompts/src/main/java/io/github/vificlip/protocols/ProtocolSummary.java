/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.evaluation.Summaries.MeanStd;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A protocol's {@code summary.json} as its runs finish: a row per run, each run told to the
 * protocol's listener as it is added, then the protocol's totals, written atomically.
 *
 * @param <U> a protocol's finished run (a seed, a K or a split)
 */
final class ProtocolSummary<U> {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode summary = JSON.createObjectNode();
    private final ArrayNode rows;
    private final List<U> runs = new ArrayList<>();
    private final Consumer<U> listener;

    /**
     * Starts a summary whose rows go under {@code rowsKey}, after the recipe's name if given.
     *
     * @param recipe the recipe the runs train with, or null for none
     * @param rowsKey the key of the rows
     * @param listener told of each run as it is added
     */
    ProtocolSummary(Recipe recipe, String rowsKey, Consumer<U> listener) {
        if (recipe != null) {
            summary.put("recipe", recipe.name());
        }
        this.rows = summary.putArray(rowsKey);
        this.listener = listener;
    }

    /** Adds a finished run with its row, filled by {@code row}, and tells the listener. */
    void add(U run, Consumer<ObjectNode> row) {
        runs.add(run);
        row.accept(rows.addObject());
        listener.accept(run);
    }

    /** Returns the runs added so far, in order. */
    List<U> runs() {
        return List.copyOf(runs);
    }

    /** Returns the summary's top level, for the protocol's totals. */
    ObjectNode totals() {
        return summary;
    }

    /** Writes {@code summary.json} into {@code out}. */
    void write(Path out) throws IOException {
        AtomicFile.write(out.resolve("summary.json"), file -> JSON.writeValue(file, summary));
    }

    /** Returns a mean ± std as its JSON object. */
    static ObjectNode meanStd(MeanStd summary) {
        return JSON.createObjectNode()
                .put("mean", summary.mean())
                .put("std", summary.std())
                .put("runs", summary.runs());
    }
}
