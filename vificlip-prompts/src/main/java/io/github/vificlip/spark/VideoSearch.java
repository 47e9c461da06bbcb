/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.ViFiClipBlock;
import io.github.vificlip.prompts.PromptedViFiClipBlock;
import io.github.vificlip.zoo.ViFiClipBlockFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Text-to-video search over an index {@link VideoIndexer} wrote: the videos whose embeddings are
 * most similar to a text query's.
 *
 * <pre>{@code
 * float[] query = VideoSearch.textEmbedding(Path.of("model"), "a person riding a horse");
 * List<SearchHit> hits = VideoSearch.topK(spark.read().parquet("s3a://bucket/index"), query, 10);
 * }</pre>
 *
 * <p>The query is embedded as {@code vificlip embed --text} embeds it: the text exactly as given,
 * or, for a model folder with learned prompts, after the learned context. Rows with an error are
 * skipped. The ranking runs on Spark (a top-k per partition, then on the driver), so an index of
 * any size works.
 */
public final class VideoSearch {

    static {
        DjlDefaults.apply();
    }

    private VideoSearch() {}

    /**
     * Embeds a text query with the model of a folder.
     *
     * @param modelFolder the model folder the index was made with
     * @param text the query
     * @return the unit-length text embedding
     * @throws IOException if the folder or its weights cannot be read
     * @throws io.github.vificlip.tokenizer.TextTooLongException if the text does not fit the
     *     context length
     */
    public static float[] textEmbedding(Path modelFolder, String text) throws IOException {
        Map<String, String> arguments = servingProperties(modelFolder);
        try (Model model = Model.newInstance("vificlip-search", "PyTorch")) {
            Block block = new ViFiClipBlockFactory().newBlock(model, modelFolder, arguments);
            try (NDManager step = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(step, false);
                NDArray embedding =
                        block instanceof PromptedViFiClipBlock prompted
                                ? prompted.encodeClassNames(
                                        store,
                                        step,
                                        List.of(text),
                                        prompted.getLearner().template(),
                                        false)
                                : ((ViFiClipBlock) block)
                                        .encodeTexts(store, step, List.of(text), false);
                return embedding.get(0).toFloatArray();
            }
        }
    }

    /**
     * Returns the {@code k} videos of an index most similar to a query embedding, best first.
     *
     * @param index rows of {@link IndexSchema#SCHEMA}
     * @param query a unit-length embedding of the index's width
     * @param k how many videos
     * @return up to {@code k} hits, best first
     * @throws IllegalArgumentException if the query's width is not the index's
     */
    public static List<SearchHit> topK(Dataset<Row> index, float[] query, int k) {
        Dataset<Row> scored =
                index.filter(functions.col(IndexSchema.ERROR).isNull())
                        .select(IndexSchema.PATH, IndexSchema.EMBEDDING);
        List<Row> first = scored.limit(1).collectAsList();
        if (first.isEmpty()) {
            return List.of();
        }
        int width = first.get(0).getList(1).size();
        if (width != query.length) {
            throw new IllegalArgumentException(
                    "The index holds embeddings of "
                            + width
                            + " values, the query has "
                            + query.length
                            + ": embed it with the model the index was made with");
        }
        return scored
                .map(new Similarity(query), Encoders.tuple(Encoders.STRING(), Encoders.DOUBLE()))
                .orderBy(functions.col("_2").desc(), functions.col("_1"))
                .limit(k)
                .collectAsList()
                .stream()
                .map(hit -> new SearchHit(hit._1(), hit._2()))
                .toList();
    }

    /**
     * Embeds a text query with a model folder and returns the {@code k} most similar videos of the
     * index at {@code indexPath}.
     *
     * @param spark the session
     * @param indexPath the index's Parquet folder
     * @param modelFolder the model folder the index was made with
     * @param text the query
     * @param k how many videos
     * @return up to {@code k} hits, best first
     * @throws IOException if the folder or its weights cannot be read
     */
    public static List<SearchHit> search(
            SparkSession spark, String indexPath, Path modelFolder, String text, int k)
            throws IOException {
        return topK(spark.read().parquet(indexPath), textEmbedding(modelFolder, text), k);
    }

    /** The folder's {@code serving.properties} as DJL arguments. */
    private static Map<String, String> servingProperties(Path folder) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve("serving.properties"))) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(
                    folder.resolve("serving.properties").toString(),
                    null,
                    "a ViFi-CLIP model folder needs serving.properties naming its weights");
        }
        Map<String, String> arguments = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> arguments.put(key, properties.getProperty(key)));
        return arguments;
    }

    /** The cosine similarity of a row's embedding and the query. */
    private record Similarity(float[] query) implements MapFunction<Row, Tuple2<String, Double>> {

        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<String, Double> call(Row row) {
            List<Float> embedding = row.getList(1);
            double sum = 0;
            for (int i = 0; i < query.length; i++) {
                sum += query[i] * embedding.get(i);
            }
            return new Tuple2<>(row.getString(0), sum);
        }
    }
}
