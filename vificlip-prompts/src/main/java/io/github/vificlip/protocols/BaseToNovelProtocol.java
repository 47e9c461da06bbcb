/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
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

    private final Builder settings;

    private BaseToNovelProtocol(Builder builder) {
        this.settings = builder.copy();
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
        TrainingRun run = settings.run;
        Recipe recipe = run.recipe();
        LabelMap base = LabelMap.readCsv(settings.baseLabels);
        LabelMap novel = LabelMap.readCsv(settings.novelLabels);
        VideoList baseTest = VideoList.read(settings.baseTest, settings.root, base);
        VideoList novelTest = VideoList.read(settings.novelTest, settings.root, novel);
        List<Seed> seeds = new ArrayList<>();
        ObjectNode summary = ProtocolSummaries.JSON.createObjectNode().put("recipe", recipe.name());
        ArrayNode perSeed = summary.putArray("seeds");
        for (int seed = 0; seed < settings.trainLists.size(); seed++) {
            Path trainList = settings.trainLists.get(seed);
            Path seedOut = out.resolve("seed-" + (seed + 1));
            Provenance provenance =
                    settings.provenance
                            .copy()
                            .put("protocol", "base-to-novel")
                            .put("recipe", recipe.name())
                            .file("train.list", trainList)
                            .file("base.labels", settings.baseLabels);
            try (ViFiClip model = settings.models.create(recipe.seed())) {
                VideoClassificationBlock block =
                        TrainableBlocks.forRecipe(model, recipe, settings.prompts);
                int size = model.getConfig().imageSize();
                run.train(
                        block,
                        size,
                        VideoList.read(trainList, settings.root, base),
                        null,
                        seedOut,
                        false,
                        provenance);
                EvaluationResult baseResult =
                        run.evaluate(block, size, baseTest, 1, 1, seedOut, "eval-base");
                EvaluationResult novelResult =
                        run.evaluate(block, size, novelTest, 1, 1, seedOut, "eval-novel");
                Seed done = new Seed(seed + 1, trainList, baseResult, novelResult);
                seeds.add(done);
                perSeed.addObject()
                        .put("train", trainList.toString())
                        .put("base", baseResult.top1())
                        .put("novel", novelResult.top1())
                        .put("harmonicMean", done.harmonicMean());
                settings.listener.accept(done);
            }
        }
        Summaries.BaseNovel result =
                Summaries.baseToNovel(
                        seeds.stream().map(s -> s.base().top1()).toList(),
                        seeds.stream().map(s -> s.novel().top1()).toList());
        summary.set("base", ProtocolSummaries.meanStd(result.base()));
        summary.set("novel", ProtocolSummaries.meanStd(result.novel()));
        summary.put("harmonicMean", result.harmonicMean());
        summary.put("chanceBase", 1.0 / base.size());
        summary.put("chanceNovel", 1.0 / novel.size());
        ProtocolSummaries.write(summary, out.resolve("summary.json"));
        return new Result(List.copyOf(seeds), result, base.size(), novel.size());
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
    public static final class Builder {

        private ModelFactory models;
        private TrainingRun run;
        private Path root;
        private Path baseLabels;
        private Path baseTest;
        private Path novelLabels;
        private Path novelTest;
        private List<Path> trainLists = new ArrayList<>();
        private Path prompts;
        private Provenance provenance = new Provenance();
        private Consumer<Seed> listener = seed -> {};

        private Builder() {}

        /**
         * Sets what makes a fresh model for each seed.
         *
         * @param models the model factory
         * @return this builder
         */
        public Builder setModels(ModelFactory models) {
            this.models = models;
            return this;
        }

        /**
         * Sets the recipe and how training runs (devices, decoding threads, progress).
         *
         * @param run the run settings
         * @return this builder
         */
        public Builder setRun(TrainingRun run) {
            this.run = run;
            return this;
        }

        /**
         * Sets the folder the lists' video paths are relative to.
         *
         * @param root the video folder
         * @return this builder
         */
        public Builder setRoot(Path root) {
            this.root = root;
            return this;
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
         * Sets learned prompts to start from (prompt recipes only).
         *
         * @param prompts a prompt file, or null
         * @return this builder
         */
        public Builder optPrompts(Path prompts) {
            this.prompts = prompts;
            return this;
        }

        /**
         * Sets what every run records as made from (e.g. the weights files); the protocol adds its
         * own entries.
         *
         * @param provenance the common provenance
         * @return this builder
         */
        public Builder optProvenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * Sets a listener called after each seed.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder optListener(Consumer<Seed> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the protocol.
         *
         * @return the protocol
         */
        public BaseToNovelProtocol build() {
            if (models == null || run == null || root == null) {
                throw new IllegalArgumentException(
                        "The base-to-novel protocol needs models, a run and a video folder: call"
                                + " setModels, setRun and setRoot");
            }
            if (baseLabels == null || novelLabels == null) {
                throw new IllegalArgumentException(
                        "The base-to-novel protocol needs base and novel classes: call setBase and"
                                + " setNovel");
            }
            if (trainLists.isEmpty()) {
                throw new IllegalArgumentException(
                        "The base-to-novel protocol needs a training list per seed: call"
                                + " addTrainList");
            }
            return new BaseToNovelProtocol(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.models = models;
            copy.run = run;
            copy.root = root;
            copy.baseLabels = baseLabels;
            copy.baseTest = baseTest;
            copy.novelLabels = novelLabels;
            copy.novelTest = novelTest;
            copy.trainLists = List.copyOf(trainLists);
            copy.prompts = prompts;
            copy.provenance = provenance.copy();
            copy.listener = listener;
            return copy;
        }
    }
}
