/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.report.Charts;
import io.github.vificlip.report.Tsne;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's report folder: {@code metrics.json} (base, novel and harmonic-mean accuracy next to
 * chance, per-class accuracy and confusion counts, and how the run was made), a confusion matrix
 * picture per split, and t-SNE pictures of video embeddings coloured by class.
 */
public final class DemoReport {

    /** The metrics file's name. */
    public static final String METRICS = "metrics.json";

    /** The base classes' confusion matrix picture. */
    public static final String CONFUSION_BASE = "confusion-base.png";

    /** The novel classes' confusion matrix picture. */
    public static final String CONFUSION_NOVEL = "confusion-novel.png";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoReport() {}

    /**
     * Writes the metrics and the confusion matrices.
     *
     * @param folder the report folder (created if missing)
     * @param result the base and novel evaluations
     * @param run how the run was made (benchmark, model, recipe, timings), stored under {@code run}
     * @throws IOException if a file cannot be written
     */
    public static void write(Path folder, BaseNovelResult result, ObjectNode run)
            throws IOException {
        Files.createDirectories(folder);
        ObjectNode root = JSON.createObjectNode();
        root.set("base", split(result.base(), result.baseChance()));
        root.set("novel", split(result.novel(), result.novelChance()));
        ObjectNode harmonic = root.putObject("harmonicMean");
        harmonic.put("top1", result.harmonicMean());
        harmonic.put("chance", result.chanceHarmonicMean());
        root.set("run", run);
        AtomicFile.write(folder.resolve(METRICS), out -> JSON.writeValue(out, root));
        Charts.confusionMatrix(result.base(), folder.resolve(CONFUSION_BASE));
        Charts.confusionMatrix(result.novel(), folder.resolve(CONFUSION_NOVEL));
    }

    private static ObjectNode split(EvaluationResult result, double chance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("chance", chance);
        node.setAll(result.toJson());
        return node;
    }

    /**
     * Draws a t-SNE layout of video embeddings, one colour per class.
     *
     * @param embeddings the embeddings and their labels
     * @param classNames the names the labels index
     * @param title the picture's title
     * @param file the PNG file
     * @param seed the layout's seed
     * @throws IOException if the picture cannot be written
     */
    public static void tsne(
            VideoEmbeddings embeddings, List<String> classNames, String title, Path file, long seed)
            throws IOException {
        double[][] layout = Tsne.builder().optSeed(seed).build().embed(embeddings.points());
        Charts.scatter(layout, embeddings.labels(), classNames, title, file);
    }

    /**
     * Returns the console summary: accuracy next to chance for base, novel and their harmonic mean.
     *
     * @param result the base and novel evaluations
     * @return a small table, one line per row, ending with a line break
     */
    public static String table(BaseNovelResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-24s %9s %8s%n", "", "top-1", "chance"));
        row(
                out,
                "base",
                result.base().classNames().size(),
                result.base().top1(),
                result.baseChance());
        row(
                out,
                "novel",
                result.novel().classNames().size(),
                result.novel().top1(),
                result.novelChance());
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-24s %8.1f%% %7.1f%%%n",
                        "harmonic mean",
                        100 * result.harmonicMean(),
                        100 * result.chanceHarmonicMean()));
        return out.toString();
    }

    private static void row(
            StringBuilder out, String name, int classes, double top1, double chance) {
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-24s %8.1f%% %7.1f%%%n",
                        String.format(Locale.ROOT, "%s (%d classes)", name, classes),
                        100 * top1,
                        100 * chance));
    }
}
