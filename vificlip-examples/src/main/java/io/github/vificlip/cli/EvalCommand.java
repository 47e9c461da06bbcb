/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.io.OutputLock;
import io.github.vificlip.loading.UnreadableVideo;
import io.github.vificlip.model.PromptTemplate;
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
    private static final String DEFAULT_TEMPLATE = "a photo of a {}.";
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
        Matcher matcher = VIEWS.matcher(views);
        if (!matcher.matches()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--views must look like 4x3 (clips x crops), got " + views);
        }
        int clips = Integer.parseInt(matcher.group(1));
        int crops = Integer.parseInt(matcher.group(2));
        LabelMap labelMap = LabelMap.readCsv(labels);
        VideoList videos = VideoList.read(list, source.root(), labelMap);
        if (model.prompts != null && (bare || template != null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--prompts brings its own class text (the learned context): drop --template"
                            + " and --bare");
        }
        try (OutputLock lock = OutputLock.acquire(out, "vificlip eval");
                ViFiClip vifi = model.build(TuningMode.NONE, seed);
                PromptedViFiClip prompted = model.prompted(vifi)) {
            VideoClassificationBlock block;
            if (prompted != null) {
                block = prompted.getBlock();
            } else {
                vifi.getBlock()
                        .setClassNames(
                                labelMap.names(),
                                bare
                                        ? PromptTemplate.BARE
                                        : PromptTemplate.of(
                                                template != null ? template : DEFAULT_TEMPLATE));
                block = vifi.getBlock();
            }
            VideoDataset dataset =
                    VideoDatasets.evaluation(
                            videos,
                            frames,
                            clips,
                            crops,
                            vifi.getConfig().imageSize(),
                            seed,
                            randomClips,
                            source.failFast,
                            source.workers,
                            source.decoder());
            EvaluationResult result =
                    VideoEvaluator.builder()
                            .setFramesPerView(frames)
                            .optBatchSize(batchSize)
                            .optWorkers(source.workers)
                            .optFailFast(source.failFast)
                            .optProgress(new ConsoleProgress())
                            .build()
                            .evaluate(block, dataset, labelMap.names());
            ObjectNode metrics = result.toJson();
            metrics.put("views", clips + "x" + crops);
            if (prompted != null) {
                metrics.put("prompts", model.prompts.toString());
            }
            metrics.put("framesPerView", frames);
            dataset.failures().endPass();
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFile.write(out.resolve("metrics.json"), file -> json.writeValue(file, metrics));
            Charts.confusionMatrix(result, out.resolve("confusion-matrix.png"));
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
                    clips + "x" + crops,
                    100 * result.top1(),
                    100 * result.top5(),
                    out.resolve("metrics.json"));
            stdout.flush();
        }
        return 0;
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
