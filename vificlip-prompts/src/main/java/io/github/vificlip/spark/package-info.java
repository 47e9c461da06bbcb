/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Classifying and embedding video corpora on Apache Spark: {@link
 * io.github.vificlip.spark.VideoIndexer} turns video URIs into rows of top-k classes, probabilities
 * and embeddings ({@link io.github.vificlip.spark.IndexSchema}) and writes them as Parquet; {@link
 * io.github.vificlip.spark.VideoIndexJob} is its {@code spark-submit} entry point; {@link
 * io.github.vificlip.spark.VideoSearch} finds the videos of an index that match a text query.
 * {@link io.github.vificlip.spark.VideoScorer}, the batch scorer each executor shares, needs no
 * Spark.
 *
 * <p>Spark is a provided, optional dependency of this artifact: a host that uses this package
 * brings Spark 4.0 (Scala 2.13) itself, or runs under {@code spark-submit}; other hosts never see
 * it.
 */
package io.github.vificlip.spark;
