/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.spark.SearchHit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip search}: the videos of an index (the Parquet output of the Spark indexer) that
 * best match a text query, one JSON line each, best first.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Search the videos of a Spark-written index with a text query.",
            "The index is the Parquet output of io.github.vificlip.spark.VideoIndexJob. Videos are"
                    + " ranked by the cosine similarity of their embeddings and the query's (the"
                    + " text as given; after the learned context for a model with prompts), best"
                    + " first, one JSON line per video:",
            "  {\"rank\":1,\"path\":...,\"similarity\":...}",
            "Rows with an error are skipped. Spark runs in local mode (--master for another) and"
                    + " must be on the class path (a -Pspark build, see docs/spark.md)."
        })
public final class SearchCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            required = true,
            description = "The index: a Parquet folder (local, HDFS, S3A, ...).")
    private String index;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            required = true,
            description = "The model folder the index was made with (embeds the query).")
    private Path model;

    @Option(
            names = "--top-k",
            paramLabel = "K",
            description = "Videos to print (default: ${DEFAULT-VALUE}).")
    private int topK = 10;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default: ${DEFAULT-VALUE}).")
    private String master = "local[*]";

    @Parameters(paramLabel = "QUERY", description = "The text query.")
    private String query;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeastOne(spec.commandLine(), "--top-k", topK);
        List<SearchHit> hits;
        try {
            hits = LocalSpark.search(master, index, model, query, topK);
        } catch (NoClassDefFoundError e) {
            if (!SparkClasspath.missing(e)) {
                throw e;
            }
            spec.commandLine()
                    .getErr()
                    .println("vificlip search: " + SparkClasspath.HOW_TO_GET_SPARK);
            return 1;
        }
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < hits.size(); i++) {
            out.println(
                    json.createObjectNode()
                            .put("rank", i + 1)
                            .put("path", hits.get(i).path())
                            .put("similarity", hits.get(i).similarity()));
        }
        out.flush();
        return 0;
    }
}
