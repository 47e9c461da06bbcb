/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.spark.IndexSummary;
import io.github.vificlip.spark.SearchHit;
import io.github.vificlip.spark.VideoIndexer;
import io.github.vificlip.spark.VideoSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The command line's Spark work, each call in a session of its own. Spark is optional for the
 * command line: its types appear only inside this class, so the other commands load without it, and
 * a command that needs it says how to get it ({@link SparkClasspath}).
 */
public final class LocalSpark {

    private LocalSpark() {}

    /**
     * Returns the {@code k} videos of an index most similar to a text query.
     *
     * @param master the Spark master ({@code local[*]} for this machine)
     * @param index the index's Parquet folder
     * @param model the model folder the index was made with
     * @param query the text query
     * @param k how many videos
     * @return the hits, best first
     * @throws IOException if the model folder cannot be read
     */
    public static List<SearchHit> search(
            String master, String index, Path model, String query, int k) throws IOException {
        SparkSession spark = session(master, "vificlip-search");
        try {
            return VideoSearch.search(spark, index, model, query, k);
        } finally {
            spark.stop();
        }
    }

    /**
     * Indexes videos into a Parquet folder, replacing what is there.
     *
     * @param master the Spark master
     * @param videos the videos' URIs
     * @param model the model folder
     * @param classNames the class names
     * @param batch videos per forward pass
     * @param output the output folder
     * @return what was written
     */
    public static IndexSummary index(
            String master,
            List<String> videos,
            String model,
            List<String> classNames,
            int batch,
            String output) {
        SparkSession spark = session(master, "vificlip-index");
        try {
            VideoIndexer indexer =
                    VideoIndexer.builder()
                            .setModelFolder(model)
                            .setClassNames(classNames)
                            .optBatchSize(batch)
                            .optPartitions(spark.sparkContext().defaultParallelism())
                            .build();
            return indexer.write(
                    spark.createDataset(videos, Encoders.STRING()), output, SaveMode.Overwrite);
        } finally {
            spark.stop();
        }
    }

    private static SparkSession session(String master, String name) {
        return SparkSession.builder()
                .master(master)
                .appName(name)
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }
}
