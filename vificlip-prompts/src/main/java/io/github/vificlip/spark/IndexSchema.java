/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a video index, one row per video, as {@link VideoIndexer} writes them to Parquet:
 *
 * <pre>
 * path           string         the video's URI as given (never null)
 * labels         array&lt;string&gt;  the top-k class names, best first (null on error)
 * probabilities  array&lt;double&gt;  their probabilities, softmax over all classes (null on error)
 * embedding      array&lt;float&gt;   the unit-length video embedding (null on error)
 * error          string         why the video could not be scored (null when it was)
 * </pre>
 */
public final class IndexSchema {

    /** The video's URI. */
    public static final String PATH = "path";

    /** The top-k class names, best first. */
    public static final String LABELS = "labels";

    /** The probabilities of {@link #LABELS}. */
    public static final String PROBABILITIES = "probabilities";

    /** The unit-length video embedding. */
    public static final String EMBEDDING = "embedding";

    /** Why the video could not be scored, or null. */
    public static final String ERROR = "error";

    /** The schema of an index. */
    public static final StructType SCHEMA =
            new StructType()
                    .add(PATH, DataTypes.StringType, false)
                    .add(LABELS, DataTypes.createArrayType(DataTypes.StringType, false), true)
                    .add(
                            PROBABILITIES,
                            DataTypes.createArrayType(DataTypes.DoubleType, false),
                            true)
                    .add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), true)
                    .add(ERROR, DataTypes.StringType, true);

    private IndexSchema() {}

    /**
     * Returns a video's row in {@link #SCHEMA}'s column order.
     *
     * @param score the video's scores or error
     * @return the row
     */
    public static Row toRow(VideoScore score) {
        if (!score.ok()) {
            return RowFactory.create(score.path(), null, null, null, score.error());
        }
        double[] probabilities =
                score.probabilities().stream().mapToDouble(Double::doubleValue).toArray();
        return RowFactory.create(
                score.path(),
                score.labels().toArray(String[]::new),
                probabilities,
                score.embedding(),
                null);
    }
}
