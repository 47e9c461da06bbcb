/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Scores one partition of video URIs: batches of them are fetched to local files where needed,
 * scored by this executor's shared model, and turned into rows; temporary copies are deleted after
 * each batch. Rows are produced lazily, so a partition of any size needs one batch of memory.
 */
final class ScorePartition implements MapPartitionsFunction<String, Row> {

    private static final long serialVersionUID = 1L;

    private final String modelFolder;
    private final ArrayList<String> classNames;
    private final int topK;
    private final int batchSize;
    private final HashMap<String, String> hadoop;
    private final LongAccumulator scored;
    private final LongAccumulator failed;

    ScorePartition(
            String modelFolder,
            List<String> classNames,
            int topK,
            int batchSize,
            Map<String, String> hadoop,
            LongAccumulator scored,
            LongAccumulator failed) {
        this.modelFolder = modelFolder;
        this.classNames = new ArrayList<>(classNames);
        this.topK = topK;
        this.batchSize = batchSize;
        this.hadoop = new HashMap<>(hadoop);
        this.scored = scored;
        this.failed = failed;
    }

    @Override
    public Iterator<Row> call(Iterator<String> uris) {
        VideoScorer scorer =
                ExecutorScorers.get(ModelFolders.resolve(modelFolder), classNames, topK);
        Configuration configuration = new Configuration();
        hadoop.forEach(configuration::set);
        return new Batches(uris, scorer, configuration);
    }

    /** Pulls a batch of URIs when the rows of the previous one are used up. */
    private final class Batches implements Iterator<Row> {

        private final Iterator<String> uris;
        private final VideoScorer scorer;
        private final Configuration configuration;
        private final Deque<Row> ready = new ArrayDeque<>();

        Batches(Iterator<String> uris, VideoScorer scorer, Configuration configuration) {
            this.uris = uris;
            this.scorer = scorer;
            this.configuration = configuration;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && uris.hasNext()) {
                scoreNextBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void scoreNextBatch() {
            List<String> names = new ArrayList<>(batchSize);
            List<VideoScore> fetchErrors = new ArrayList<>();
            List<LocalVideo> local = new ArrayList<>(batchSize);
            try {
                while (names.size() + fetchErrors.size() < batchSize && uris.hasNext()) {
                    String uri = uris.next();
                    try {
                        local.add(LocalVideo.fetch(uri, configuration));
                        names.add(uri);
                    } catch (IOException | RuntimeException e) {
                        fetchErrors.add(VideoScore.failed(uri, e.getMessage()));
                    }
                }
                List<Path> files = local.stream().map(LocalVideo::file).toList();
                List<VideoScore> scores = new ArrayList<>(scorer.score(names, files));
                scores.addAll(fetchErrors);
                for (VideoScore score : scores) {
                    (score.ok() ? scored : failed).add(1);
                    ready.add(IndexSchema.toRow(score));
                }
            } finally {
                deleteCopies(local);
            }
        }

        private void deleteCopies(List<LocalVideo> local) {
            for (LocalVideo video : local) {
                try {
                    video.close();
                } catch (IOException e) {
                    video.file().toFile().deleteOnExit(); // try again when the JVM exits
                }
            }
        }
    }
}
