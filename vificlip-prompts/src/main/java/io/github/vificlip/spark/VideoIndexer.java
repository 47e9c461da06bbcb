/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies and embeds video corpora on Apache Spark: a transformation from video URIs (any Hadoop
 * file system: local, HDFS, S3A, ...) to rows of {@link IndexSchema}, and a writer of those rows to
 * Parquet.
 *
 * <pre>{@code
 * VideoIndexer indexer = VideoIndexer.builder()
 *         .setModelFolder("model")                 // shipped with --archives model.zip#model
 *         .setClassNames(List.of("archery", "surfing water", "playing violin"))
 *         .build();
 * Dataset<String> uris = spark.read().textFile("s3a://bucket/videos.txt");
 * IndexSummary summary = indexer.write(uris, "s3a://bucket/index", SaveMode.ErrorIfExists);
 * // or, inside a larger job: Dataset<Row> rows = indexer.score(uris);
 * }</pre>
 *
 * <p>Each executor JVM loads the model once, when its first task needs it, and every task on that
 * executor reuses it; it is closed when the executor shuts down. A task scores its partition in
 * batches (one forward pass per batch) and fetches remote videos to local temporary files, deleted
 * after each batch. A video that cannot be fetched or decoded gives a row with its {@code error}
 * and never fails the job. Two accumulators, {@code vificlip.videos.scored} and {@code
 * vificlip.videos.failed}, show the progress in Spark's UI and event log, and the driver logs them
 * as tasks finish (a re-run task may add its videos twice there; the summary counts the output).
 */
public final class VideoIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(VideoIndexer.class);

    private final String modelFolder;
    private final List<String> classNames;
    private final int topK;
    private final int batchSize;
    private final int partitions;

    private VideoIndexer(Builder builder) {
        this.modelFolder = builder.modelFolder;
        this.classNames = List.copyOf(builder.classNames);
        this.topK = builder.topK;
        this.batchSize = builder.batchSize;
        this.partitions = builder.partitions;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores videos: a lazy transformation, run by the action the caller applies. Progress is
     * logged on the driver by a listener that stays registered with the {@code SparkContext} as
     * long as it runs, one per call: a long-lived session that scores many datasets should call
     * {@link #write} (which removes its listener when done) or keep the datasets few.
     *
     * @param uris the videos' URIs, one per row
     * @return one row per video in {@link IndexSchema#SCHEMA}
     */
    public Dataset<Row> score(Dataset<String> uris) {
        ProgressListener progress = ProgressListener.create(uris.sparkSession());
        uris.sparkSession().sparkContext().addSparkListener(progress);
        return score(uris, progress);
    }

    /** The lazy scoring, counting into the listener's accumulators. */
    private Dataset<Row> score(Dataset<String> uris, ProgressListener progress) {
        Dataset<String> input = partitions > 0 ? uris.repartition(partitions) : uris;
        return input.mapPartitions(
                new ScorePartition(
                        modelFolder,
                        classNames,
                        topK,
                        batchSize,
                        hadoopSettings(uris.sparkSession()),
                        progress.scored(),
                        progress.failed()),
                Encoders.row(IndexSchema.SCHEMA));
    }

    /**
     * Scores the videos named by a column of a table (the other columns are not kept: join on
     * {@link IndexSchema#PATH} to bring them back).
     *
     * @param table any dataset
     * @param pathColumn the column holding the videos' URIs
     * @return one row per video in {@link IndexSchema#SCHEMA}
     */
    public Dataset<Row> score(Dataset<Row> table, String pathColumn) {
        return score(table.select(functions.col(pathColumn).cast("string")).as(Encoders.STRING()));
    }

    /**
     * Scores videos and writes the rows as Parquet through Spark's commit protocol: the output
     * appears complete when the job succeeds, or not at all.
     *
     * @param uris the videos' URIs
     * @param output the output folder (any Hadoop file system)
     * @param mode what to do when it exists ({@code ErrorIfExists}, {@code Overwrite}, ...)
     * @return how many videos were written and how many of them are error rows
     */
    public IndexSummary write(Dataset<String> uris, String output, SaveMode mode) {
        long start = System.nanoTime();
        LOG.info(
                "Indexing videos with the model {} for {} classes into {} (mode {})",
                modelFolder,
                classNames.size(),
                output,
                mode);
        SparkContext context = uris.sparkSession().sparkContext();
        ProgressListener progress = ProgressListener.create(uris.sparkSession());
        context.addSparkListener(progress);
        try {
            score(uris, progress).write().mode(mode).parquet(output);
        } finally {
            context.removeSparkListener(progress);
        }
        Row counts = // one pass over the output: all rows, and the non-null errors
                uris.sparkSession()
                        .read()
                        .parquet(output)
                        .agg(functions.count(functions.lit(1)), functions.count(IndexSchema.ERROR))
                        .first();
        IndexSummary summary =
                new IndexSummary(
                        counts.getLong(0),
                        counts.getLong(1),
                        (System.nanoTime() - start) / 1e9,
                        output);
        LOG.info("{}", summary);
        return summary;
    }

    /** Closes the models this JVM loaded (the driver's in local mode); later tasks reload them. */
    public static void closeModels() {
        ExecutorScorers.closeAll();
    }

    /** The driver's Hadoop settings (S3A credentials, HDFS addresses), for the executors. */
    private static Map<String, String> hadoopSettings(SparkSession spark) {
        Map<String, String> settings = new HashMap<>();
        spark.sparkContext()
                .hadoopConfiguration()
                .forEach(e -> settings.put(e.getKey(), e.getValue()));
        return settings;
    }

    /** Builds a {@link VideoIndexer}. */
    public static final class Builder {

        private String modelFolder;
        private List<String> classNames;
        private int topK;
        private int batchSize = 8;
        private int partitions;

        Builder() {}

        /**
         * Sets the model folder (required): a path every executor sees, or the name of a folder
         * shipped with the job ({@code --archives model.zip#model}, {@code
         * SparkContext.addFile(folder, true)}).
         *
         * @param modelFolder the folder's path or name
         * @return this builder
         */
        public Builder setModelFolder(String modelFolder) {
            this.modelFolder = modelFolder;
            return this;
        }

        /**
         * Sets the class names (required), verbatim, in score order; they replace the folder's.
         *
         * @param classNames the names
         * @return this builder
         */
        public Builder setClassNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /**
         * Sets how many classes each row keeps (the folder's {@code topK}, 5 unless set, by
         * default).
         *
         * @param topK the number of classes
         * @return this builder
         */
        public Builder optTopK(int topK) {
            this.topK = topK;
            return this;
        }

        /**
         * Sets how many videos go through the model in one forward pass (8 by default).
         *
         * @param batchSize videos per batch
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Repartitions the URIs before scoring (as they come by default): a list file of a few
         * kilobytes is one partition, so give about the executors' cores times a few.
         *
         * @param partitions the number of partitions, or 0 to keep the input's
         * @return this builder
         */
        public Builder optPartitions(int partitions) {
            this.partitions = partitions;
            return this;
        }

        /**
         * Builds the indexer.
         *
         * @return the indexer
         * @throws IllegalArgumentException if the folder or the class names are missing, or a count
         *     is out of range
         */
        public VideoIndexer build() {
            Objects.requireNonNull(modelFolder, "setModelFolder(...) is required");
            if (classNames == null || classNames.isEmpty()) {
                throw new IllegalArgumentException(
                        "setClassNames(...) needs at least one class name, got " + classNames);
            }
            if (topK < 0 || batchSize < 1 || partitions < 0) {
                throw new IllegalArgumentException(
                        "topK and partitions must be at least 0 and the batch size at least 1, got "
                                + topK
                                + ", "
                                + partitions
                                + ", "
                                + batchSize);
            }
            return new VideoIndexer(this);
        }
    }
}
