/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import io.github.vificlip.data.list.LabelMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point: classifies and embeds videos and writes the index as
 * Parquet ({@link IndexSchema}).
 *
 * <pre>
 * spark-submit --class io.github.vificlip.spark.VideoIndexJob \
 *     --archives model.zip#model vificlip-spark-app.jar \
 *     --model model --labels labels.csv --output s3a://bucket/index \
 *     --list s3a://bucket/videos.txt [--partitions 64] [--batch 8] [--top-k 5] [--mode overwrite]
 * </pre>
 *
 * Videos come from {@code --list} (a text file, one URI per line), {@code --table} (a Parquet
 * table; {@code --path-column}, {@code path} by default, names the column) or the remaining
 * arguments. The class names come from {@code --classes a,b,c} or {@code --labels} (a label CSV on
 * the driver's disk). {@code --mode} is {@code error} (the default: an existing output fails the
 * job before anything is scored) or {@code overwrite}.
 */
public final class VideoIndexJob {

    private static final String USAGE =
            "Usage: VideoIndexJob --model FOLDER (--classes A,B,... | --labels CSV) --output DIR"
                    + " (--list FILE | --table PARQUET [--path-column NAME] | VIDEO...)"
                    + " [--top-k K] [--batch N] [--partitions N] [--mode error|overwrite]";

    private VideoIndexJob() {}

    /** The parsed arguments. */
    record Arguments(
            String model,
            List<String> classes,
            String output,
            String list,
            String table,
            String pathColumn,
            List<String> videos,
            int topK,
            int batch,
            int partitions,
            SaveMode mode) {

        /** Parses the command line; says what is wrong on bad input. */
        static Arguments parse(String[] args) throws IOException {
            String model = null;
            List<String> classes = null;
            String output = null;
            String list = null;
            String table = null;
            String pathColumn = IndexSchema.PATH;
            List<String> videos = new ArrayList<>();
            int topK = 0;
            int batch = 8;
            int partitions = 0;
            SaveMode mode = SaveMode.ErrorIfExists;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    videos.add(arg);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value. " + USAGE);
                }
                String value = args[++i];
                switch (arg) {
                    case "--model" -> model = value;
                    case "--classes" ->
                            classes = Arrays.stream(value.split(",")).map(String::strip).toList();
                    case "--labels" -> classes = LabelMap.readCsv(Path.of(value)).names();
                    case "--output" -> output = value;
                    case "--list" -> list = value;
                    case "--table" -> table = value;
                    case "--path-column" -> pathColumn = value;
                    case "--top-k" -> topK = number(arg, value);
                    case "--batch" -> batch = number(arg, value);
                    case "--partitions" -> partitions = number(arg, value);
                    case "--mode" -> mode = mode(value);
                    default ->
                            throw new IllegalArgumentException(
                                    "Unknown option " + arg + ". " + USAGE);
                }
            }
            int sources =
                    (list != null ? 1 : 0) + (table != null ? 1 : 0) + (videos.isEmpty() ? 0 : 1);
            if (model == null || classes == null || output == null || sources != 1) {
                throw new IllegalArgumentException(
                        "Give --model, --classes or --labels, --output and one source of videos. "
                                + USAGE);
            }
            return new Arguments(
                    model,
                    classes,
                    output,
                    list,
                    table,
                    pathColumn,
                    videos,
                    topK,
                    batch,
                    partitions,
                    mode);
        }

        private static int number(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        option + " takes a whole number, got '" + value + "'", e);
            }
        }

        private static SaveMode mode(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "error", "errorifexists" -> SaveMode.ErrorIfExists;
                case "overwrite" -> SaveMode.Overwrite;
                default ->
                        throw new IllegalArgumentException(
                                "--mode is error or overwrite, got '" + value + "'");
            };
        }
    }

    /**
     * Runs the job in the session {@code spark-submit} (or the caller) configured.
     *
     * @param args the options, see the class description
     * @throws IOException if the label CSV cannot be read
     * @throws IllegalArgumentException on bad arguments; the message shows the usage
     */
    public static void main(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args);
        SparkSession spark = SparkSession.builder().appName("vificlip-index").getOrCreate();
        System.out.println(run(spark, arguments));
    }

    /**
     * Runs the job with parsed arguments in a session.
     *
     * @param spark the session
     * @param arguments the parsed arguments
     * @return what was written
     */
    static IndexSummary run(SparkSession spark, Arguments arguments) {
        Dataset<String> uris;
        if (arguments.list() != null) {
            uris = spark.read().textFile(arguments.list()).filter((String line) -> !line.isBlank());
        } else if (arguments.table() != null) {
            uris =
                    spark.read()
                            .parquet(arguments.table())
                            .select(arguments.pathColumn())
                            .as(Encoders.STRING());
        } else {
            uris = spark.createDataset(arguments.videos(), Encoders.STRING());
        }
        int partitions =
                arguments.partitions() > 0
                        ? arguments.partitions()
                        : spark.sparkContext().defaultParallelism();
        VideoIndexer indexer =
                VideoIndexer.builder()
                        .setModelFolder(arguments.model())
                        .setClassNames(arguments.classes())
                        .optTopK(arguments.topK())
                        .optBatchSize(arguments.batch())
                        .optPartitions(partitions)
                        .build();
        return indexer.write(uris, arguments.output(), arguments.mode());
    }
}
