/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.KShotSampler;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    private final Builder settings;

    private FewShotProtocol(Builder builder) {
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
     * Trains and evaluates once per K and writes the results into {@code out}.
     *
     * @param out the output folder
     * @return the per-K results
     * @throws IOException if a list, a label file, weights or an output cannot be read or written
     */
    public Result run(Path out) throws IOException {
        TrainingRun run = settings.run;
        Recipe recipe = run.recipe();
        LabelMap labels = LabelMap.readCsv(settings.labels);
        VideoList test = VideoList.read(settings.test, settings.root, labels);
        Map<Integer, VideoList> sets = trainingSets(labels, out);
        List<Shot> shots = new ArrayList<>();
        ObjectNode summary = ProtocolSummaries.JSON.createObjectNode().put("recipe", recipe.name());
        ArrayNode results = summary.putArray("shots");
        for (Map.Entry<Integer, VideoList> set : sets.entrySet()) {
            Path runOut = out.resolve("k-" + set.getKey());
            try (ViFiClip model = settings.models.create(recipe.seed())) {
                VideoClassificationBlock block =
                        TrainableBlocks.forRecipe(model, recipe, settings.prompts);
                int size = model.getConfig().imageSize();
                run.train(
                        block,
                        size,
                        set.getValue(),
                        null,
                        runOut,
                        false,
                        settings.provenance
                                .copy()
                                .put("protocol", "few-shot")
                                .put("shots", String.valueOf(set.getKey())));
                EvaluationResult result =
                        run.evaluate(
                                block,
                                size,
                                test,
                                recipe.finalTestClips(),
                                recipe.finalTestCrops(),
                                runOut,
                                "eval");
                Shot done = new Shot(set.getKey(), set.getValue().size(), result);
                shots.add(done);
                results.addObject()
                        .put("k", done.k())
                        .put("trainVideos", done.trainVideos())
                        .put("top1", result.top1())
                        .put("top5", result.top5());
                settings.listener.accept(done);
            }
        }
        summary.put("chance", 1.0 / labels.size());
        ProtocolSummaries.write(summary, out.resolve("summary.json"));
        return new Result(List.copyOf(shots), labels.size());
    }

    private Map<Integer, VideoList> trainingSets(LabelMap labels, Path out) throws IOException {
        Map<Integer, VideoList> sets = new LinkedHashMap<>();
        if (settings.fullList == null) {
            for (Map.Entry<Integer, Path> entry : settings.kShotLists.entrySet()) {
                sets.put(entry.getKey(), VideoList.read(entry.getValue(), settings.root, labels));
            }
            return sets;
        }
        VideoList full = VideoList.read(settings.fullList, settings.root, labels);
        for (int k : settings.shots) {
            VideoList drawn =
                    KShotSampler.builder()
                            .setShots(k)
                            .optSeed(settings.drawSeed)
                            .build()
                            .sample(full);
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
    public static final class Builder {

        private ModelFactory models;
        private TrainingRun run;
        private Path root;
        private Path labels;
        private Path test;
        private Map<Integer, Path> kShotLists = new LinkedHashMap<>();
        private Path fullList;
        private List<Integer> shots = List.of();
        private long drawSeed;
        private Path prompts;
        private Provenance provenance = new Provenance();
        private Consumer<Shot> listener = shot -> {};

        private Builder() {}

        /**
         * Sets what makes a fresh model for each K.
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
         * Sets a listener called after each K.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder optListener(Consumer<Shot> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Builds the protocol.
         *
         * @return the protocol
         */
        public FewShotProtocol build() {
            if (models == null || run == null || root == null) {
                throw new IllegalArgumentException(
                        "The few-shot protocol needs models, a run and a video folder: call"
                                + " setModels, setRun and setRoot");
            }
            if (labels == null) {
                throw new IllegalArgumentException(
                        "The few-shot protocol needs its classes and test list: call setClasses");
            }
            if (kShotLists.isEmpty() == (fullList == null)) {
                throw new IllegalArgumentException(
                        "The few-shot protocol needs either released K-shot lists (addKShotList)"
                                + " or a full list to draw them from (setDrawnFrom), not both");
            }
            if (fullList != null && shots.isEmpty()) {
                throw new IllegalArgumentException(
                        "The few-shot protocol needs at least one K to draw");
            }
            return new FewShotProtocol(this);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.models = models;
            copy.run = run;
            copy.root = root;
            copy.labels = labels;
            copy.test = test;
            copy.kShotLists = new LinkedHashMap<>(kShotLists);
            copy.fullList = fullList;
            copy.shots = shots;
            copy.drawSeed = drawSeed;
            copy.prompts = prompts;
            copy.provenance = provenance.copy();
            copy.listener = listener;
            return copy;
        }
    }
}
