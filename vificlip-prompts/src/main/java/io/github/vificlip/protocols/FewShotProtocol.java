/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The paper's few-shot protocol: one training run per K (2, 4, 8, 16 in the paper), each on exactly
 * K videos per class (the released lists, or drawn here from a full training list), all evaluated
 * on the same test list with the recipe's final views. Writes {@code k-K/} runs (with the drawn
 * {@code train.txt}) and {@code summary.json}.
 *
 * <pre>{@code
 * FewShotProtocol.Result result = FewShotProtocol.builder()
 *         .setModels(seed -> ViFiClip.builder().optWeights(weights).optSeed(seed).build())
 *         .setRun(TrainingRun.builder().setRecipe(Recipes.get("few-shot-finetune")).build())
 *         .setRoot(videos)
 *         .setClasses(Path.of("labels.csv"), Path.of("val1.txt"))
 *         .setDrawnFrom(Path.of("train1.txt"), List.of(2, 4, 8, 16), 1)
 *         .build()
 *         .run(Path.of("out"));
 * }</pre>
 */
public final class FewShotProtocol {

    private final FreshModelRuns runs;
    private final Path labels;
    private final Path test;
    private final Map<Integer, Path> kShotLists;
    private final Path fullList;
    private final List<Integer> shots;
    private final long drawSeed;
    private final Consumer<Shot> listener;

    private FewShotProtocol(Builder builder) {
        this.runs = builder.runs();
        this.labels = builder.labels;
        this.test = builder.test;
        this.kShotLists = new LinkedHashMap<>(builder.kShotLists);
        this.fullList = builder.fullList;
        this.shots = builder.shots;
        this.drawSeed = builder.drawSeed;
        this.listener = builder.listener;
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
     * Trains and evaluates once per K and writes the results into {@code out}.
     *
     * @param out the output folder
     * @return the per-K results
     * @throws IOException if a list, a label file, weights or an output cannot be read or written
     */
    public Result run(Path out) throws IOException {
        Recipe recipe = runs.recipe();
        LabelMap classes = LabelMap.readCsv(labels);
        FreshModelRuns.Test evaluation =
                new FreshModelRuns.Test(
                        runs.list(test, classes),
                        recipe.finalTestClips(),
                        recipe.finalTestCrops(),
                        "eval");
        Map<Integer, VideoList> sets = trainingSets(classes, out);
        ProtocolSummary<Shot> summary = new ProtocolSummary<>(recipe, "shots", listener);
        for (Map.Entry<Integer, VideoList> set : sets.entrySet()) {
            EvaluationResult result =
                    runs.trainAndEvaluate(
                                    set.getValue(),
                                    out.resolve("k-" + set.getKey()),
                                    runs.provenance("few-shot")
                                            .put("shots", String.valueOf(set.getKey())),
                                    List.of(evaluation))
                            .get(0);
            Shot shot = new Shot(set.getKey(), set.getValue().size(), result);
            summary.add(
                    shot,
                    row ->
                            row.put("k", shot.k())
                                    .put("trainVideos", shot.trainVideos())
                                    .put("top1", result.top1())
                                    .put("top5", result.top5()));
        }
        summary.totals().put("chance", 1.0 / classes.size());
        summary.write(out);
        return new Result(summary.runs(), classes.size());
    }

    private Map<Integer, VideoList> trainingSets(LabelMap classes, Path out) throws IOException {
        Map<Integer, VideoList> sets = new LinkedHashMap<>();
        if (fullList == null) {
            for (Map.Entry<Integer, Path> entry : kShotLists.entrySet()) {
                sets.put(entry.getKey(), runs.list(entry.getValue(), classes));
            }
            return sets;
        }
        VideoList full = runs.list(fullList, classes);
        for (int k : shots) {
            VideoList drawn =
                    KShotSampler.builder().setShots(k).optSeed(drawSeed).build().sample(full);
            Path folder = Files.createDirectories(out.resolve("k-" + k));
            drawn.write(folder.resolve("train.txt"));
            sets.put(k, drawn);
        }
        return sets;
    }

    /**
     * One K's run.
     *
     * @param k the videos per class
     * @param trainVideos the training videos
     * @param result the evaluation on the test list
     */
    public record Shot(int k, int trainVideos, EvaluationResult result) {}

    /**
     * The protocol's outcome.
     *
     * @param shots the runs in order of K as given
     * @param classes the number of classes (chance is its inverse)
     */
    public record Result(List<Shot> shots, int classes) {}

    /** Builds a {@link FewShotProtocol}. */
    public static final class Builder extends TrainingProtocolBuilder<Builder, Shot> {

        private Path labels;
        private Path test;
        private final Map<Integer, Path> kShotLists = new LinkedHashMap<>();
        private Path fullList;
        private List<Integer> shots = List.of();
        private long drawSeed;

        private Builder() {
            super("few-shot");
        }

        /**
         * Sets the classes and the test list every run is evaluated on.
         *
         * @param labels the label CSV of all classes
         * @param test the test list
         * @return this builder
         */
        public Builder setClasses(Path labels, Path test) {
            this.labels = labels;
            this.test = test;
            return this;
        }

        /**
         * Adds a released K-shot training list (instead of {@link #setDrawnFrom}).
         *
         * @param k the videos per class in the list
         * @param list the training list
         * @return this builder
         */
        public Builder addKShotList(int k, Path list) {
            kShotLists.put(k, list);
            return this;
        }

        /**
         * Draws the K-shot training sets from a full training list (instead of {@link
         * #addKShotList}), exactly K videos per class, seeded.
         *
         * @param list the full training list
         * @param shots the K values
         * @param seed the seed of the draws
         * @return this builder
         */
        public Builder setDrawnFrom(Path list, List<Integer> shots, long seed) {
            this.fullList = list;
            this.shots = List.copyOf(shots);
            this.drawSeed = seed;
            return this;
        }

        /**
         * Builds the protocol.
         *
         * @return the protocol
         */
        public FewShotProtocol build() {
            requireModelsRunAndRoot();
            require(labels != null, "its classes and test list: call setClasses");
            require(
                    kShotLists.isEmpty() != (fullList == null),
                    "either released K-shot lists (addKShotList) or a full list to draw them"
                            + " from (setDrawnFrom), not both");
            require(fullList == null || !shots.isEmpty(), "at least one K to draw");
            return new FewShotProtocol(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
