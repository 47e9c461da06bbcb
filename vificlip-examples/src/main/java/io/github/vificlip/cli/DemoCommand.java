/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.dataset.VideoDataset;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.demo.BaseNovelResult;
import io.github.vificlip.demo.BenchmarkFiles;
import io.github.vificlip.demo.DemoDatasets;
import io.github.vificlip.demo.DemoReport;
import io.github.vificlip.demo.DemoSetup;
import io.github.vificlip.demo.LatinSquareSplit;
import io.github.vificlip.demo.SyntheticBenchmark;
import io.github.vificlip.demo.VideoEmbeddings;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.VideoEvaluator;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.training.Recipe;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingListener;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.ViFiClipTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip demo}: the whole base-to-novel protocol on a machine with nothing on it. Writes a
 * synthetic video benchmark with compositional class names, trains ViFi-CLIP on its base classes
 * (from scratch, or from CLIP weights with {@code --weights}), evaluates base and novel classes and
 * prints their accuracy next to chance; the report folder gets the metrics, training curve,
 * confusion matrices and t-SNE pictures.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run base-to-novel on a synthetic benchmark made from nothing and print"
                    + " base, novel and harmonic-mean top-1 next to chance.",
            "The demo writes mp4 videos of coloured shapes moving in different ways"
                    + " (class names like \"red circle sliding\"), holds out novel classes whose"
                    + " words all appear in base classes, and trains ViFi-CLIP on the base"
                    + " classes.",
            "Report in --out: metrics.json, confusion-{base,novel}.png,"
                    + " tsne-{base,novel}.png, training/ (training-curve.png, history,"
                    + " model.safetensors) and benchmark/ (videos, label CSVs and lists in"
                    + " ViFi-CLIP's layout)."
        })
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("demo-report");

    @Option(
            names = {"-w", "--weights"},
            paramLabel = "FILE",
            description = {
                "Start from CLIP or ViFi-CLIP weights (any supported format; repeat"
                        + " to overlay) instead of random weights. The architecture is read"
                        + " from the weights and frames are resized to its image size."
            })
    private List<Path> weights = new ArrayList<>();

    @Option(
            names = "--seed",
            paramLabel = "S",
            description =
                    "Seed of the benchmark, the weights and training (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    @Option(
            names = "--attributes",
            paramLabel = "N",
            description =
                    "Colours, shapes and motions each, N³ classes (default: ${DEFAULT-VALUE}).")
    private int attributes = 4;

    @Option(
            names = "--novel-squares",
            paramLabel = "K",
            description =
                    "Latin squares of N² classes held out as novel (default: ${DEFAULT-VALUE}).")
    private int novelSquares = 1;

    @Option(
            names = "--train-videos",
            paramLabel = "N",
            description = "Training videos per base class (default: ${DEFAULT-VALUE}).")
    private int trainVideos = 16;

    @Option(
            names = "--test-videos",
            paramLabel = "N",
            description = "Test videos per class (default: ${DEFAULT-VALUE}).")
    private int testVideos = 4;

    @Option(
            names = "--video-size",
            paramLabel = "PIXELS",
            description = "Side of the square videos written (default: ${DEFAULT-VALUE}).")
    private int videoSize = 64;

    @Option(
            names = "--image-size",
            paramLabel = "PIXELS",
            description =
                    "Input side of the from-scratch model, a multiple of 8 (default:"
                            + " ${DEFAULT-VALUE}); with --weights the model's own.")
    private int imageSize = 48;

    @Option(
            names = "--frames",
            paramLabel = "T",
            description = "Frames per clip (default: ${DEFAULT-VALUE}).")
    private int frames = 8;

    @Option(
            names = "--video-frames",
            paramLabel = "N",
            description = "Frames per written video (default: ${DEFAULT-VALUE}).")
    private int videoFrames = 32;

    @Option(
            names = "--template",
            paramLabel = "PATTERN",
            description = "Prompt template class names go through (default: ${DEFAULT-VALUE}).")
    private String template = "a photo of a {}.";

    @Option(
            names = "--tune",
            paramLabel = "TOWERS",
            description = {
                "Towers trained: image, both or text (default: image from random"
                        + " weights, both with --weights). From random weights the frozen text"
                        + " tower gives every class a fixed code built from its words, which"
                        + " carries over to novel combinations."
            })
    private String tune;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Training epochs (default: ${DEFAULT-VALUE}).")
    private int epochs = 10;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "Clips per iteration (default: ${DEFAULT-VALUE}).")
    private int batchSize = 16;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Peak learning rate (default: 1e-3 from scratch, 1e-5 with --weights).")
    private Double learningRate;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Threads that write and decode videos (default: cores).")
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            description = "cpu, gpu or gpu:N (default: cpu).")
    private String device = "cpu";

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        BenchmarkFiles files = writeBenchmark(stdout);
        double benchmarkSeconds = seconds(start);
        DemoLists lists = DemoLists.read(files);
        boolean fromScratch = weights.isEmpty();
        try (ViFiClip model = buildModel()) {
            Recipe recipe = recipe(fromScratch);
            printModel(stdout, model.getConfig(), recipe, lists.baseTrain().size());
            long trainingStart = System.nanoTime();
            TrainingResult training = train(model, recipe, lists);
            double trainingSeconds = seconds(trainingStart);
            long evaluationStart = System.nanoTime();
            BaseNovelResult result = evaluateAndDraw(model, recipe, lists);
            Timing timing =
                    new Timing(start, benchmarkSeconds, trainingSeconds, seconds(evaluationStart));
            DemoReport.write(out, result, runJson(model.getConfig(), recipe, training, timing));
            printResult(stdout, result, timing);
        }
        return 0;
    }

    /** Writes the synthetic benchmark's videos, label CSVs and lists under {@code --out}. */
    private BenchmarkFiles writeBenchmark(PrintWriter stdout) throws IOException {
        LatinSquareSplit split = LatinSquareSplit.of(attributes, novelSquares);
        SyntheticBenchmark benchmark =
                SyntheticBenchmark.builder()
                        .setSplit(split)
                        .optVideosPerClass(trainVideos, testVideos)
                        .optVideoSize(videoSize, videoSize)
                        .optFrames(videoFrames)
                        .optSeed(seed)
                        .optThreads(workers)
                        .build();
        stdout.printf(
                Locale.ROOT,
                "Benchmark: %d classes (%d base, %d novel), %d mp4 videos of %dx%d%n",
                split.all().size(),
                split.base().size(),
                split.novel().size(),
                benchmark.videoCount(),
                videoSize,
                videoSize);
        stdout.flush();
        return benchmark.write(out.resolve("benchmark"), new ConsoleProgress());
    }

    private void printModel(PrintWriter stdout, ClipConfig config, Recipe recipe, int videos) {
        stdout.printf(
                Locale.ROOT,
                "Model: %s, %s; training %d epochs on %d videos, %d frames of %dx%d%n",
                config.name(),
                weights.isEmpty() ? "random weights" : "weights " + weights,
                recipe.epochs(),
                videos,
                recipe.frames(),
                config.imageSize(),
                config.imageSize());
        stdout.flush();
    }

    /** Trains on the base classes' training videos; the run goes to {@code --out/training}. */
    private TrainingResult train(ViFiClip model, Recipe recipe, DemoLists lists)
            throws IOException {
        VideoDataset train =
                DemoDatasets.training(
                        lists.baseTrain(),
                        recipe.frames(),
                        model.getConfig().imageSize(),
                        seed,
                        workers);
        return ViFiClipTrainer.builder()
                .optRecipe(recipe)
                .optDevices(model.getDevice())
                .optOutputDirectory(trainingFolder())
                .optWorkers(workers)
                .optProgress(new ConsoleProgress())
                .addListener(TrainingListener.atEpochBegin(train::setPass))
                .optProvenance("demo.seed", String.valueOf(seed))
                .addListener(new TrainingCharts())
                .build()
                .fit(model.getBlock(), train, lists.baseLabels().names());
    }

    /** Evaluates base and novel classes and draws their t-SNE pictures. */
    private BaseNovelResult evaluateAndDraw(ViFiClip model, Recipe recipe, DemoLists lists)
            throws IOException {
        int size = model.getConfig().imageSize();
        VideoDataset baseTest =
                DemoDatasets.evaluation(lists.baseVal(), recipe.frames(), size, workers);
        VideoDataset novelTest =
                DemoDatasets.evaluation(lists.novelVal(), recipe.frames(), size, workers);
        BaseNovelResult result =
                new BaseNovelResult(
                        evaluate(model, recipe, baseTest, lists.baseLabels()),
                        evaluate(model, recipe, novelTest, lists.novelLabels()));
        drawTsne(
                model,
                baseTest,
                lists.baseLabels(),
                "Base classes: video embeddings (t-SNE)",
                "tsne-base.png");
        drawTsne(
                model,
                novelTest,
                lists.novelLabels(),
                "Novel classes, never trained on: video embeddings (t-SNE)",
                "tsne-novel.png");
        return result;
    }

    private void drawTsne(
            ViFiClip model, VideoDataset dataset, LabelMap labels, String title, String file)
            throws IOException {
        DemoReport.tsne(
                VideoEmbeddings.of(model, dataset), labels.names(), title, out.resolve(file), seed);
    }

    /** The run's description in {@code metrics.json}: benchmark, model, recipe, loss, timing. */
    private ObjectNode runJson(
            ClipConfig config, Recipe recipe, TrainingResult training, Timing timing) {
        ObjectNode run = new ObjectMapper().createObjectNode();
        ObjectNode data = run.putObject("benchmark");
        data.put("attributes", attributes);
        data.put("novelSquares", novelSquares);
        data.put("trainVideosPerBaseClass", trainVideos);
        data.put("testVideosPerClass", testVideos);
        data.put("videoSize", videoSize);
        data.put("seed", seed);
        ObjectNode modelNode = run.putObject("model");
        modelNode.set("config", new ObjectMapper().valueToTree(config));
        modelNode.put("start", weights.isEmpty() ? "random" : weights.toString());
        run.set("recipe", Recipes.toJson(recipe));
        run.put("finalLoss", lastLoss(training));
        ObjectNode seconds = run.putObject("seconds");
        seconds.put("benchmark", timing.benchmark());
        seconds.put("training", timing.training());
        seconds.put("evaluation", timing.evaluation());
        seconds.put("total", timing.total());
        return run;
    }

    private void printResult(PrintWriter stdout, BaseNovelResult result, Timing timing) {
        stdout.println();
        stdout.print(DemoReport.table(result));
        stdout.printf(
                Locale.ROOT,
                "%nReport: %s (training curve in %s)%nTook %.0f s: benchmark %.0f s, training"
                        + " %.0f s, evaluation and pictures %.0f s%n",
                out.toAbsolutePath().normalize(),
                trainingFolder().resolve("training-curve.png"),
                timing.total(),
                timing.benchmark(),
                timing.training(),
                timing.evaluation());
        stdout.flush();
    }

    private Path trainingFolder() {
        return out.resolve("training");
    }

    private ViFiClip buildModel() {
        ViFiClip.Builder builder =
                ViFiClip.builder()
                        .optDevice(ai.djl.Device.fromName(device))
                        .optTuning(TuningMode.NONE)
                        .optTemplate(PromptTemplate.of(template))
                        .optSeed(seed);
        if (weights.isEmpty()) {
            builder.setConfig(DemoSetup.scratchConfig(imageSize));
        } else {
            builder.optWeights(weights.toArray(Path[]::new));
        }
        return builder.build();
    }

    private Recipe recipe(boolean fromScratch) {
        Recipe recipe = DemoSetup.recipe(fromScratch, frames, epochs, batchSize, seed);
        Map<String, String> overrides = new HashMap<>();
        if (tune != null) {
            overrides.put("tune", tune);
        }
        if (learningRate != null) {
            overrides.put("learningRate", String.valueOf(learningRate));
        }
        return Recipes.withOverrides(recipe, overrides);
    }

    private EvaluationResult evaluate(
            ViFiClip model, Recipe recipe, VideoDataset dataset, LabelMap labels)
            throws IOException {
        return VideoEvaluator.builder()
                .setFramesPerView(recipe.frames())
                .optBatchSize(8)
                .optWorkers(workers)
                .optProgress(new ConsoleProgress())
                .build()
                .evaluate(model.getBlock(), dataset, labels.names());
    }

    private static double lastLoss(TrainingResult training) {
        var epochs = training.history().getEpochs();
        return epochs.get(epochs.size() - 1).meanLoss();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The label maps and lists of a written benchmark. */
    private record DemoLists(
            LabelMap baseLabels,
            LabelMap novelLabels,
            VideoList baseTrain,
            VideoList baseVal,
            VideoList novelVal) {

        static DemoLists read(BenchmarkFiles files) throws IOException {
            LabelMap baseLabels = LabelMap.readCsv(files.baseLabels());
            LabelMap novelLabels = LabelMap.readCsv(files.novelLabels());
            return new DemoLists(
                    baseLabels,
                    novelLabels,
                    VideoList.read(files.baseTrain(), files.root(), baseLabels),
                    VideoList.read(files.baseVal(), files.root(), baseLabels),
                    VideoList.read(files.novelVal(), files.root(), novelLabels));
        }
    }

    /**
     * Seconds each part took; the total runs up to when it is asked for.
     *
     * @param start when the demo started ({@link System#nanoTime()})
     * @param benchmark seconds writing the benchmark
     * @param training seconds training
     * @param evaluation seconds evaluating and drawing
     */
    private record Timing(long start, double benchmark, double training, double evaluation) {

        double total() {
            return seconds(start);
        }
    }
}
