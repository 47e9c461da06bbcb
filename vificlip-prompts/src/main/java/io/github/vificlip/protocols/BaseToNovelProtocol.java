/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The paper's base-to-novel protocol: for each seed's training list, a fresh model trains on the
 * base classes and is evaluated on the base and on the novel classes, each against its own class
 * list; reported are the seed-averaged base and novel top-1 and their harmonic mean (ViFi-CLIP's
 * {@code configs/base2novel} settings). Writes {@code seed-N/} runs and {@code summary.json}.
 *
 * <pre>{@code
 * BaseToNovelProtocol.Result result = BaseToNovelProtocol.builder()
 *         .setModels(seed -> ViFiClip.builder().optWeights(weights).optSeed(seed).build())
 *         .setRun(TrainingRun.builder().setRecipe(Recipes.get("base2novel-finetune")).build())
 *         .setRoot(videos)
 *         .setBase(Path.of("base_labels.csv"), Path.of("base_val.txt"))
 *         .setNovel(Path.of("novel_labels.csv"), Path.of("novel_val.txt"))
 *         .addTrainList(Path.of("fs_base_s1_train.txt"))
 *         .build()
 *         .run(Path.of("out"));
 * }</pre>
 */
public final class BaseToNovelProtocol {

    private final FreshModelRuns runs;
    private final Path baseLabels;
    private final Path baseTest;
    private final Path novelLabels;
    private final Path novelTest;
    private final List<Path> trainLists;
    private final Consumer<Seed> listener;

    private BaseToNovelProtocol(Builder builder) {
        this.runs = builder.runs();
        this.baseLabels = builder.baseLabels;
        this.baseTest = builder.baseTest;
        this.novelLabels = builder.novelLabels;
        this.novelTest = builder.novelTest;
        this.trainLists = List.copyOf(builder.trainLists);
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
     * Trains and evaluates once per training list and writes the results into {@code out}.
     *
     * @param out the output folder
     * @return the per-seed results and their summary
     * @throws IOException if a list, a label file, weights or an output cannot be read or written
     */
    public Result run(Path out) throws IOException {
        Recipe recipe = runs.recipe();
        LabelMap base = LabelMap.readCsv(baseLabels);
        LabelMap novel = LabelMap.readCsv(novelLabels);
        VideoList baseTestList = runs.list(baseTest, base);
        VideoList novelTestList = runs.list(novelTest, novel);
        ProtocolSummary<Seed> summary = new ProtocolSummary<>(recipe, "seeds", listener);
        for (int seed = 0; seed < trainLists.size(); seed++) {
            Path trainList = trainLists.get(seed);
            Path seedOut = out.resolve("seed-" + (seed + 1));
            Provenance provenance =
                    runs.provenance("base-to-novel")
                            .put("recipe", recipe.name())
                            .file("train.list", trainList)
                            .file("base.labels", baseLabels);
            List<EvaluationResult> results =
                    runs.trainAndEvaluate(
                            runs.list(trainList, base),
                            seedOut,
                            provenance,
                            List.of(
                                    new FreshModelRuns.Test(baseTestList, 1, 1, "eval-base"),
                                    new FreshModelRuns.Test(novelTestList, 1, 1, "eval-novel")));
            Seed done = new Seed(seed + 1, trainList, results.get(0), results.get(1));
            summary.add(
                    done,
                    row ->
                            row.put("train", trainList.toString())
                                    .put("base", done.base().top1())
                                    .put("novel", done.novel().top1())
                                    .put("harmonicMean", done.harmonicMean()));
        }
        return summarise(summary, base, novel, out);
    }

    private static Result summarise(
            ProtocolSummary<Seed> summary, LabelMap base, LabelMap novel, Path out)
            throws IOException {
        List<Seed> seeds = summary.runs();
        Summaries.BaseNovel result =
                Summaries.baseToNovel(
                        seeds.stream().map(s -> s.base().top1()).toList(),
                        seeds.stream().map(s -> s.novel().top1()).toList());
        ObjectNode totals = summary.totals();
        totals.set("base", ProtocolSummary.meanStd(result.base()));
        totals.set("novel", ProtocolSummary.meanStd(result.novel()));
        totals.put("harmonicMean", result.harmonicMean())
                .put("chanceBase", 1.0 / base.size())
                .put("chanceNovel", 1.0 / novel.size());
        summary.write(out);
        return new Result(seeds, result, base.size(), novel.size());
    }

    /**
     * One seed's run.
     *
     * @param index the seed's number, from 1
     * @param train its base training list
     * @param base the evaluation on the base classes
     * @param novel the evaluation on the novel classes
     */
    public record Seed(int index, Path train, EvaluationResult base, EvaluationResult novel) {

        /**
         * Returns the harmonic mean of base and novel top-1.
         *
         * @return the harmonic mean
         */
        public double harmonicMean() {
            return Summaries.harmonicMean(base.top1(), novel.top1());
        }
    }

    /**
     * The protocol's outcome.
     *
     * @param seeds the seeds in order
     * @param summary base and novel top-1 over the seeds and their harmonic mean
     * @param baseClasses the number of base classes (chance is its inverse)
     * @param novelClasses the number of novel classes
     */
    public record Result(
            List<Seed> seeds, Summaries.BaseNovel summary, int baseClasses, int novelClasses) {}

    /** Builds a {@link BaseToNovelProtocol}. */
    public static final class Builder extends TrainingProtocolBuilder<Builder, Seed> {

        private Path baseLabels;
        private Path baseTest;
        private Path novelLabels;
        private Path novelTest;
        private final List<Path> trainLists = new ArrayList<>();

        private Builder() {
            super("base-to-novel");
        }

        /**
         * Sets the base classes: their label CSV and test list.
         *
         * @param labels the base classes' label CSV
         * @param test the base-class test list
         * @return this builder
         */
        public Builder setBase(Path labels, Path test) {
            this.baseLabels = labels;
            this.baseTest = test;
            return this;
        }

        /**
         * Sets the novel classes: their label CSV and test list.
         *
         * @param labels the novel classes' label CSV
         * @param test the novel-class test list
         * @return this builder
         */
        public Builder setNovel(Path labels, Path test) {
            this.novelLabels = labels;
            this.novelTest = test;
            return this;
        }

        /**
         * Adds one seed's base training list (e.g. {@code fs_base_s1_train.txt}).
         *
         * @param list the training list
         * @return this builder
         */
        public Builder addTrainList(Path list) {
            trainLists.add(list);
            return this;
        }

        /**
         * Builds the protocol.
         *
         * @return the protocol
         */
        public BaseToNovelProtocol build() {
            requireModelsRunAndRoot();
            require(
                    baseLabels != null && novelLabels != null,
                    "base and novel classes: call setBase and setNovel");
            require(!trainLists.isEmpty(), "a training list per seed: call addTrainList");
            return new BaseToNovelProtocol(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
