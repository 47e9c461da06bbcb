/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.io.OutputLock;
import io.github.vificlip.loading.UnreadableVideo;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.protocols.VideoDatasets;
import io.github.vificlip.report.Charts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip eval}: scores every video of a list against its label CSV's class names and
 * writes top-1/top-5, per-class accuracy and the confusion matrix.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluate a model on a list of videos: top-1, top-5, per-class accuracy"
                    + " and the confusion matrix.",
            "Writes metrics.json and confusion-matrix.png to --out. With --views"
                    + " CLIPSxCROPS the softmax of every view is summed, as the reference's"
                    + " main.py does. With --prompts FILE the learned prompts run on the"
                    + " --weights model (bridge and prompt)."
        })
public final class EvalCommand implements Callable<Integer> {

    private static final Pattern VIEWS = Pattern.compile("(\\d+)[x×](\\d+)");
    private static final int LISTED_UNREADABLE = 20;

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoSourceOptions source = new VideoSourceOptions();

    @Option(
            names = "--list",
            paramLabel = "LIST",
            required = true,
            description = "Videos to evaluate (path label per line).")
    private Path list;

    @Option(
            names = "--labels",
            paramLabel = "CSV",
            required = true,
            description = "Label CSV (id,name): the class names to score.")
    private Path labels;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Option(
            names = "--views",
            paramLabel = "CLIPSxCROPS",
            description =
                    "Temporal clips × spatial crops (1 or 3) per video (default: ${DEFAULT-VALUE}).")
    private String views = "1x1";

    @Option(
            names = "--random-clips",
            description = "Draw multi-view clips at random, as the reference does.")
    private boolean randomClips;

    @Option(
            names = "--frames",
            paramLabel = "T",
            description = "Frames per view (default: ${DEFAULT-VALUE}).")
    private int frames = 32;

    @Option(
            names = "--template",
            paramLabel = "TEXT",
            description = {
                "Class-name prompt, {} for the name (default: \"a photo of a {}.\")."
                        + " With --prompts the class text is the learned context and the text"
                        + " the prompts were learned with."
            })
    private String template;

    @Option(names = "--bare", description = "Use the bare class name (vanilla CLIP zero-shot).")
    private boolean bare;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "Videos per forward pass (default: ${DEFAULT-VALUE}).")
    private int batchSize = 2;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of random clips (default: ${DEFAULT-VALUE}).")
    private long seed = 1024;

    @Override
    public Integer call() throws IOException {
        int[] clipsAndCrops = clipsAndCrops();
        LabelMap labelMap = LabelMap.readCsv(labels);
        VideoList videos = VideoList.read(list, source.root(), labelMap);
        ClassPrompts.refuseWithPrompts(spec.commandLine(), model.prompts, bare, template);
        try (OutputLock lock = OutputLock.acquire(out, "vificlip eval");
                ViFiClip vifi = model.build(TuningMode.NONE, seed);
                PromptedViFiClip prompted = model.prompted(vifi)) {
            VideoClassificationBlock block = classifier(vifi, prompted, labelMap);
            VideoDataset dataset = dataset(videos, clipsAndCrops, vifi.getConfig().imageSize());
            EvaluationResult result = evaluate(block, dataset, labelMap);
            String viewsText = clipsAndCrops[0] + "x" + clipsAndCrops[1];
            ObjectNode metrics = result.toJson();
            metrics.put("views", viewsText);
            if (prompted != null) {
                metrics.put("prompts", model.prompts.toString());
            }
            metrics.put("framesPerView", frames);
            dataset.failures().endPass();
            JsonFiles.write(out.resolve("metrics.json"), metrics);
            Charts.confusionMatrix(result, out.resolve("confusion-matrix.png"));
            printSummary(result, labelMap, viewsText);
        }
        return 0;
    }

    /** Returns {clips, crops} of {@code --views}; a malformed value is a usage error. */
    private int[] clipsAndCrops() {
        Matcher matcher = VIEWS.matcher(views);
        if (!matcher.matches()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--views must look like 4x3 (clips x crops), got " + views);
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    /** The block that scores the classes: the prompted one, or the model's with the template. */
    private VideoClassificationBlock classifier(
            ViFiClip vifi, PromptedViFiClip prompted, LabelMap labelMap) {
        if (prompted != null) {
            return prompted.getBlock();
        }
        vifi.getBlock().setClassNames(labelMap.names(), ClassPrompts.chosen(bare, template));
        return vifi.getBlock();
    }

    /** The videos prepared as test views of the model's image size. */
    private VideoDataset dataset(VideoList videos, int[] clipsAndCrops, int imageSize) {
        return VideoDatasets.evaluation(
                videos,
                frames,
                clipsAndCrops[0],
                clipsAndCrops[1],
                imageSize,
                seed,
                randomClips,
                source.failFast,
                source.workers,
                source.decoder());
    }

    private EvaluationResult evaluate(
            VideoClassificationBlock block, VideoDataset dataset, LabelMap labelMap)
            throws IOException {
        return VideoEvaluator.builder()
                .setFramesPerView(frames)
                .optBatchSize(batchSize)
                .optWorkers(source.workers)
                .optFailFast(source.failFast)
                .optProgress(new ConsoleProgress())
                .build()
                .evaluate(block, dataset, labelMap.names());
    }

    /** Prints the videos left out, then top-1 and top-5. */
    private void printSummary(EvaluationResult result, LabelMap labelMap, String viewsText) {
        PrintWriter stdout = spec.commandLine().getOut();
        printUnreadable(stdout, result.unreadable());
        stdout.printf(
                Locale.ROOT,
                "%d videos%s, %d classes, %s views: top-1 %.2f%%, top-5 %.2f%% (metrics in %s)%n",
                result.videos(),
                result.unreadable().isEmpty()
                        ? ""
                        : " (" + result.unreadable().size() + " unreadable, left out)",
                labelMap.size(),
                viewsText,
                100 * result.top1(),
                100 * result.top5(),
                out.resolve("metrics.json"));
        stdout.flush();
    }

    /** Lists the videos left out, the first {@value #LISTED_UNREADABLE} of them. */
    private static void printUnreadable(PrintWriter stdout, List<UnreadableVideo> unreadable) {
        for (int i = 0; i < Math.min(LISTED_UNREADABLE, unreadable.size()); i++) {
            stdout.println("Unreadable, left out: " + unreadable.get(i).reason());
        }
        if (unreadable.size() > LISTED_UNREADABLE) {
            stdout.printf(
                    Locale.ROOT,
                    "... and %d more unreadable videos (all listed in metrics.json)%n",
                    unreadable.size() - LISTED_UNREADABLE);
        }
    }
}
