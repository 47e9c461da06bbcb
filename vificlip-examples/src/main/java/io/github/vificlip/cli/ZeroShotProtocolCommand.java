/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip protocol zero-shot}: evaluates one model on several test splits, each with its
 * own class list, and reports top-1 as mean ± std over the splits (the paper's HMDB-51, UCF-101 and
 * K600 zero-shot numbers).
 */
@Command(
        name = "zero-shot",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluate a model on several test splits (e.g. HMDB-51 val1..val3) and report",
            "top-1 as mean ± std (SPEC §5.4). Writes split-N.json and summary.json to --out."
        })
public final class ZeroShotProtocolCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Option(
            names = "--split",
            paramLabel = "LIST=CSV",
            required = true,
            description = "A test list and its label CSV; repeat for each split.")
    private Map<Path, Path> splits;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Option(
            names = "--frames",
            paramLabel = "T",
            description = "Frames (default: ${DEFAULT-VALUE}).")
    private int frames = 32;

    @Option(names = "--bare", description = "Bare class names (vanilla CLIP zero-shot).")
    private boolean bare;

    @Override
    public Integer call() throws IOException {
        TrainingRun run =
                new TrainingRun(
                        Recipes.withOverrides(
                                Recipes.get("zero-shot-k400"),
                                Map.of("frames", String.valueOf(frames))),
                        model,
                        source.workers,
                        source.failFast);
        List<Double> top1 = new ArrayList<>();
        List<Double> top5 = new ArrayList<>();
        ObjectNode summary = ProtocolSummaries.JSON.createObjectNode();
        ArrayNode perSplit = summary.putArray("splits");
        PrintWriter stdout = spec.commandLine().getOut();
        try (ViFiClip vifi = model.build(TuningMode.NONE, 0)) {
            int index = 1;
            for (Map.Entry<Path, Path> split : splits.entrySet()) {
                LabelMap labels = LabelMap.readCsv(split.getValue());
                vifi.getBlock()
                        .setClassNames(
                                labels.names(),
                                bare ? PromptTemplate.BARE : PromptTemplate.FINE_TUNE);
                VideoList list = VideoList.read(split.getKey(), source.root(), labels);
                EvaluationResult result =
                        run.evaluate(
                                vifi.getBlock(),
                                vifi.getConfig().imageSize(),
                                list,
                                1,
                                1,
                                out,
                                "split-" + index);
                top1.add(result.top1());
                top5.add(result.top5());
                perSplit.addObject()
                        .put("list", split.getKey().toString())
                        .put("labels", split.getValue().toString())
                        .put("classes", labels.size())
                        .put("videos", result.videos())
                        .put("top1", result.top1())
                        .put("top5", result.top5());
                stdout.printf(
                        Locale.ROOT,
                        "split %d (%s): top-1 %.2f%%, top-5 %.2f%%%n",
                        index++,
                        split.getKey().getFileName(),
                        100 * result.top1(),
                        100 * result.top5());
            }
        }
        Summaries.MeanStd t1 = Summaries.meanStd(top1);
        summary.set("top1", ProtocolSummaries.meanStd(t1));
        summary.set("top5", ProtocolSummaries.meanStd(Summaries.meanStd(top5)));
        ProtocolSummaries.write(summary, out.resolve("summary.json"));
        stdout.printf(
                Locale.ROOT,
                "zero-shot top-1 over %d splits: %.2f ± %.2f%%%n",
                t1.runs(),
                100 * t1.mean(),
                100 * t1.std());
        stdout.flush();
        return 0;
    }
}
