/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.ViFiClip;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The paper's zero-shot protocol: one model evaluated on several test splits, each with its own
 * class list, top-1 reported as mean ± std over the splits (the HMDB-51, UCF-101 and K600 zero-shot
 * numbers). Writes {@code split-N.json} per split and {@code summary.json}.
 *
 * <pre>{@code
 * ZeroShotProtocol.Result result = ZeroShotProtocol.builder()
 *         .setModel(model)
 *         .setRun(TrainingRun.builder().setRecipe(Recipes.get("zero-shot-k400")).build())
 *         .addSplit(Path.of("val1.txt"), Path.of("hmdb_labels.csv"))
 *         .setRoot(Path.of("videos"))
 *         .build()
 *         .run(Path.of("out"));
 * }</pre>
 */
public final class ZeroShotProtocol {

    private final ViFiClip model;
    private final TrainingRun run;
    private final Map<Path, Path> splits;
    private final Path root;
    private final boolean bare;
    private final Consumer<Split> listener;

    private ZeroShotProtocol(Builder builder) {
        this.model = builder.model;
        this.run = builder.run;
        this.splits = new LinkedHashMap<>(builder.splits);
        this.root = builder.root;
        this.bare = builder.bare;
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
     * Evaluates the model on every split and writes the results into {@code out}.
     *
     * @param out the output folder
     * @return the per-split results and their summary
     * @throws IOException if a list, a label file or an output cannot be read or written
     */
    public Result run(Path out) throws IOException {
        ProtocolSummary<Split> summary = new ProtocolSummary<>(null, "splits", listener);
        int index = 1;
        for (Map.Entry<Path, Path> split : splits.entrySet()) {
            LabelMap labels = LabelMap.readCsv(split.getValue());
            model.getBlock()
                    .setClassNames(
                            labels.names(), bare ? PromptTemplate.BARE : PromptTemplate.FINE_TUNE);
            VideoList list = VideoList.read(split.getKey(), root, labels);
            EvaluationResult result =
                    run.evaluate(
                            model.getBlock(),
                            model.getConfig().imageSize(),
                            list,
                            1,
                            1,
                            out,
                            "split-" + index);
            Split done =
                    new Split(index++, split.getKey(), split.getValue(), labels.size(), result);
            summary.add(
                    done,
                    row ->
                            row.put("list", done.list().toString())
                                    .put("labels", done.labels().toString())
                                    .put("classes", done.classes())
                                    .put("videos", result.videos())
                                    .put("top1", result.top1())
                                    .put("top5", result.top5()));
        }
        List<Split> results = summary.runs();
        Result result =
                new Result(
                        results,
                        Summaries.meanStd(results.stream().map(s -> s.result().top1()).toList()),
                        Summaries.meanStd(results.stream().map(s -> s.result().top5()).toList()));
        summary.totals().set("top1", ProtocolSummary.meanStd(result.top1()));
        summary.totals().set("top5", ProtocolSummary.meanStd(result.top5()));
        summary.write(out);
        return result;
    }

    /**
     * One evaluated split.
     *
     * @param index the split's number, from 1
     * @param list the test list
     * @param labels the split's label CSV
     * @param classes the number of classes
     * @param result the evaluation
     */
    public record Split(int index, Path list, Path labels, int classes, EvaluationResult result) {}

    /**
     * The protocol's outcome.
     *
     * @param splits the splits in order
     * @param top1 top-1 accuracy over the splits
     * @param top5 top-5 accuracy over the splits
     */
    public record Result(List<Split> splits, Summaries.MeanStd top1, Summaries.MeanStd top5) {}

    /** Builds a {@link ZeroShotProtocol}. */
    public static final class Builder extends ProtocolBuilder<Builder, Split> {

        private ViFiClip model;
        private final Map<Path, Path> splits = new LinkedHashMap<>();
        private boolean bare;

        private Builder() {
            super("zero-shot");
        }

        /**
         * Sets the model to evaluate (not closed by the protocol; its class names are replaced).
         *
         * @param model the model
         * @return this builder
         */
        public Builder setModel(ViFiClip model) {
            this.model = model;
            return this;
        }

        /**
         * Adds a test split: a list file and the label CSV its labels index.
         *
         * @param list the test list
         * @param labels the label CSV
         * @return this builder
         */
        public Builder addSplit(Path list, Path labels) {
            splits.put(list, labels);
            return this;
        }

        /**
         * Sets whether class names go to the text tower bare (vanilla CLIP zero-shot) instead of in
         * ViFi-CLIP's template.
         *
         * @param bare whether to use bare class names
         * @return this builder
         */
        public Builder optBare(boolean bare) {
            this.bare = bare;
            return this;
        }

        /**
         * Builds the protocol.
         *
         * @return the protocol
         */
        public ZeroShotProtocol build() {
            require(
                    model != null && run != null && root != null,
                    "a model, a run and a video folder: call setModel, setRun and setRoot");
            require(!splits.isEmpty(), "at least one test split: call addSplit");
            return new ZeroShotProtocol(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
