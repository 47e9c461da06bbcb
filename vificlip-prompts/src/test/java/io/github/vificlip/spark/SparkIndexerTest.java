/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.data.video.SyntheticClipWriter;
import io.github.vificlip.data.video.VideoFormat;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.zoo.ColourClips;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes 30 real clips (27 readable, 3 damaged) with Spark in {@code local[2]} mode, a third of
 * them through a non-local Hadoop file system, and checks every row against what {@code vificlip
 * classify} and {@code vificlip embed} compute on the same files in one JVM.
 */
class SparkIndexerTest {

    private static final List<String> CLASSES = List.of(ColourClips.CLASSES);
    private static final int FRAMES = 4;
    private static final Offset<Double> CLOSE = Offset.offset(1e-5);

    @TempDir static Path dir;
    static Path folder;
    static Path weights;
    static List<String> uris = new ArrayList<>();
    static List<Path> files = new ArrayList<>();
    static List<String> damaged = new ArrayList<>();
    static SparkSession spark;
    static String index;
    static IndexSummary summary;

    @BeforeAll
    static void writeClipsModelAndSession() throws IOException {
        ColourClips.write(dir);
        Path videos = dir.resolve("videos");
        writeStripes(videos, 7);
        byte[] clip = Files.readAllBytes(videos.resolve("red_0.mp4"));
        Files.write(videos.resolve("truncated.mp4"), Arrays.copyOf(clip, clip.length / 3));
        Files.writeString(videos.resolve("garbage.mp4"), "not a video, only text");
        try (Stream<Path> all = Files.list(videos)) {
            files.addAll(all.sorted().toList());
        }
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).toString();
            String uri =
                    switch (i % 3) {
                        case 0 -> name;
                        case 1 -> "file://" + name;
                        default -> SchemeLocalFileSystem.SCHEME + "://" + name;
                    };
            uris.add(uri);
            String file = files.get(i).getFileName().toString();
            if (file.equals("broken.mp4")
                    || file.equals("truncated.mp4")
                    || file.equals("garbage.mp4")) {
                damaged.add(uri);
            }
        }
        weights = ColourClips.writeTinyWeights(dir);
        folder = Files.createDirectories(dir.resolve("model"));
        Files.copy(weights, folder.resolve("tiny.safetensors"));
        Files.writeString(
                folder.resolve("serving.properties"),
                "weights=tiny.safetensors\nframes=" + FRAMES + "\ntopK=4\n");
        spark =
                SparkSession.builder()
                        .master("local[2]")
                        .appName("SparkIndexerTest")
                        .config("spark.ui.enabled", "false")
                        .config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.sql.shuffle.partitions", "2")
                        // a few rows per query: interpreting beats compiling generated code
                        .config("spark.sql.codegen.wholeStage", "false")
                        .config(
                                "spark.hadoop.fs." + SchemeLocalFileSystem.SCHEME + ".impl",
                                SchemeLocalFileSystem.class.getName())
                        .getOrCreate();
        index = dir.resolve("index").toString();
        summary = indexer().write(uriDataset(), index, SaveMode.ErrorIfExists);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        VideoIndexer.closeModels();
    }

    /** Writes clips of moving coloured stripes, a pattern the colour clips do not have. */
    private static void writeStripes(Path videos, int count) throws IOException {
        SyntheticClipWriter writer =
                SyntheticClipWriter.builder()
                        .setFormat(VideoFormat.MP4_H264)
                        .setSize(48, 40)
                        .build();
        for (int k = 0; k < count; k++) {
            int period = 4 + 2 * k;
            writer.write(
                    videos.resolve("stripes_" + k + ".mp4"),
                    12,
                    (i, w, h, rgb) -> {
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                int p = (y * w + x) * 3;
                                boolean on = ((x + i) / period) % 2 == 0;
                                rgb[p] = (byte) (on ? 230 : 20);
                                rgb[p + 1] = (byte) (on ? 40 * period : 90);
                                rgb[p + 2] = (byte) (y * 5);
                            }
                        }
                    });
        }
    }

    private static VideoIndexer indexer() {
        return VideoIndexer.builder()
                .setModelFolder(folder.toString())
                .setClassNames(CLASSES)
                .optBatchSize(4)
                .optPartitions(3)
                .build();
    }

    private static Dataset<String> uriDataset() {
        return spark.createDataset(uris, Encoders.STRING());
    }

    private static Map<String, Row> rowsByPath(String output) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(output).collectAsList()) {
            rows.put(row.getAs(IndexSchema.PATH), row);
        }
        return rows;
    }

    @Test
    void writesOneRowPerVideoEqualToClassifyAndEmbed() throws Exception {
        assertThat(files).hasSize(30);
        assertThat(summary.videos()).isEqualTo(30);
        assertThat(summary.errors()).isEqualTo(3);
        Map<String, Row> rows = rowsByPath(index);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(uris);
        for (String uri : damaged) {
            Row row = rows.get(uri);
            assertThat(row.<String>getAs(IndexSchema.ERROR))
                    .contains(Path.of(uri.replaceFirst("^[a-z]+://", "")).getFileName().toString());
            assertThat(row.<Object>getAs(IndexSchema.LABELS)).isNull();
            assertThat(row.<Object>getAs(IndexSchema.EMBEDDING)).isNull();
        }
        try (ViFiClip vifi = ViFiClip.builder().optWeights(weights).build();
                Model scoring = Model.newInstance("classify", vifi.getDevice());
                NDManager manager = NDManager.newBaseManager()) {
            scoring.setBlock(vifi.getBlock());
            VideoClassificationTranslator translator =
                    VideoClassificationTranslator.builder()
                            .setClassNames(CLASSES)
                            .optFrames(FRAMES)
                            .optTopK(4)
                            .build();
            ClipLoader loader =
                    new ClipLoader(
                            HumbleVideoDecoder.builder().build(),
                            SegmentSampler.test(FRAMES),
                            EvalTransform.builder().optSize(vifi.getConfig().imageSize()).build());
            int checked = 0;
            try (Predictor<Path, Classifications> predictor = scoring.newPredictor(translator)) {
                for (int i = 0; i < files.size(); i++) {
                    if (damaged.contains(uris.get(i))) {
                        continue;
                    }
                    Row row = rows.get(uris.get(i));
                    assertThat(row.<Object>getAs(IndexSchema.ERROR)).isNull();
                    assertClassifiedAsClassify(row, predictor.predict(files.get(i)));
                    try (NDArray clip =
                            loader.load(files.get(i), new SplittableRandom(0)).toNDArray(manager)) {
                        assertEmbeddedAsEmbed(row, vifi.videoEmbeddings(clip)[0]);
                    }
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(27);
        }
    }

    private static void assertClassifiedAsClassify(Row row, Classifications expected) {
        List<String> labels = row.getList(row.fieldIndex(IndexSchema.LABELS));
        List<Double> probabilities = row.getList(row.fieldIndex(IndexSchema.PROBABILITIES));
        assertThat(labels).hasSize(4).first().isEqualTo(expected.best().getClassName());
        for (int k = 0; k < labels.size(); k++) {
            double reference = expected.getProbabilities().get(CLASSES.indexOf(labels.get(k)));
            assertThat(probabilities.get(k)).as(labels.get(k)).isCloseTo(reference, CLOSE);
        }
    }

    private static void assertEmbeddedAsEmbed(Row row, float[] expected) {
        List<Float> embedding = row.getList(row.fieldIndex(IndexSchema.EMBEDDING));
        assertThat(embedding).hasSize(expected.length);
        for (int d = 0; d < expected.length; d++) {
            assertThat((double) embedding.get(d)).isCloseTo(expected[d], CLOSE);
        }
    }

    @Test
    void aRerunRefusesAnExistingOutputUnlessToldToOverwrite() throws Exception {
        int listeners = spark.sparkContext().listenerBus().listeners().size();
        String output = dir.resolve("rerun").toString();
        List<String> some = uris.subList(0, 6);
        indexer()
                .write(
                        spark.createDataset(some, Encoders.STRING()),
                        output,
                        SaveMode.ErrorIfExists);

        assertThatThrownBy(() -> indexer().write(uriDataset(), output, SaveMode.ErrorIfExists))
                .hasMessageContaining("already exists");
        assertThat(rowsByPath(output).keySet()).containsExactlyInAnyOrderElementsOf(some);

        List<String> others = uris.subList(6, 12);
        IndexSummary again =
                indexer()
                        .write(
                                spark.createDataset(others, Encoders.STRING()),
                                output,
                                SaveMode.Overwrite);
        assertThat(again.videos()).isEqualTo(6);
        assertThat(rowsByPath(output).keySet()).containsExactlyInAnyOrderElementsOf(others);
        assertThat(spark.sparkContext().listenerBus().listeners())
                .as("write() removes its progress listener, also when it fails")
                .hasSize(listeners);
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(LocalVideo.PREFIX));
        }
    }

    @Test
    void searchRanksTheIndexByCosineSimilarityToTheQuery() throws Exception {
        Dataset<Row> rows = spark.read().parquet(index);
        float[] query = VideoSearch.textEmbedding(folder, "a bright red square");

        List<SearchHit> hits = VideoSearch.topK(rows, query, 5);

        List<SearchHit> expected = new ArrayList<>();
        for (Row row : rows.collectAsList()) {
            if (row.getAs(IndexSchema.ERROR) == null) {
                List<Float> embedding = row.getList(row.fieldIndex(IndexSchema.EMBEDDING));
                double sum = 0;
                for (int d = 0; d < query.length; d++) {
                    sum += query[d] * embedding.get(d);
                }
                expected.add(new SearchHit(row.getAs(IndexSchema.PATH), sum));
            }
        }
        expected.sort(Comparator.comparingDouble(SearchHit::similarity).reversed());
        assertThat(hits).hasSize(5);
        for (int k = 0; k < hits.size(); k++) {
            assertThat(hits.get(k).path()).isEqualTo(expected.get(k).path());
            assertThat(hits.get(k).similarity()).isCloseTo(expected.get(k).similarity(), CLOSE);
        }
        assertThatThrownBy(() -> VideoSearch.topK(rows, new float[3], 5))
                .hasMessageContaining("embeddings of 32 values, the query has 3");
    }

    @Test
    void aScorerKeepsNativeMemoryFlatAcrossBatches() throws Exception {
        List<Path> batch = files.subList(0, 8);
        List<String> names = batch.stream().map(Path::toString).toList();
        try (VideoScorer scorer = VideoScorer.load(folder, CLASSES, 0)) {
            scorer.score(names, batch); // caches the class features
            int before = scorer.liveArrays();
            for (int round = 0; round < 3; round++) {
                assertThat(scorer.score(names, batch)).hasSize(8);
            }
            assertThat(scorer.liveArrays()).isEqualTo(before);
        }
    }

    @Test
    void theSparkSubmitEntryPointIndexesAListFile() throws Exception {
        Path list = dir.resolve("videos.txt");
        List<String> some = uris.subList(12, 18);
        Files.writeString(list, String.join("\n", some) + "\n\n");
        String output = dir.resolve("job").toString();

        IndexSummary job =
                VideoIndexJob.run(
                        spark,
                        VideoIndexJob.Arguments.parse(
                                new String[] {
                                    "--model",
                                    folder.toString(),
                                    "--classes",
                                    "red, green,blue,white",
                                    "--output",
                                    output,
                                    "--list",
                                    list.toString(),
                                    "--partitions",
                                    "2",
                                    "--top-k",
                                    "2"
                                }));

        assertThat(job.videos()).isEqualTo(6);
        Map<String, Row> rows = rowsByPath(output);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(some);
        for (Row row : rows.values()) {
            if (row.getAs(IndexSchema.ERROR) == null) {
                assertThat(row.getList(row.fieldIndex(IndexSchema.LABELS)))
                        .hasSize(2)
                        .isSubsetOf(CLASSES);
            }
        }
        assertThatThrownBy(
                        () ->
                                VideoIndexJob.Arguments.parse(
                                        new String[] {"--model", "m", "--output", "o", "v.mp4"}))
                .hasMessageContaining("--classes or --labels")
                .hasMessageContaining("Usage: VideoIndexJob");
    }
}
