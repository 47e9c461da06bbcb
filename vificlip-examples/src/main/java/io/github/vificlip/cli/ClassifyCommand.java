/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.Classifications.Classification;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.VideoTextBlock;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.tokenizer.ClipTokenizer;
import io.github.vificlip.tokenizer.ShownText;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip classify}: scores video files against class names and prints one JSON line per
 * video with the top-k classes and their probabilities, in the order the videos were given.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Classify videos against any class names: zero-shot with CLIP or"
                    + " ViFi-CLIP weights, or with learned prompts (--prompts FILE).",
            "The class probabilities (softmax) of every view are averaged. Prints one"
                    + " JSON line per video, in order:",
            "  {\"video\":...,\"classes\":[{\"className\":...,\"probability\":...},...]}",
            "A video that cannot be read prints {\"video\":...,\"error\":...} (also on"
                    + " stderr) and makes the exit status 1, after every other video was"
                    + " classified."
        })
public final class ClassifyCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private DecoderOption decoder = new DecoderOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    private ClassNames classNames;

    /** Where the class names come from. */
    static final class ClassNames {
        @Option(
                names = "--classes",
                paramLabel = "NAME",
                split = ",",
                required = true,
                description = "Class names, comma-separated: --classes \"archery,surfing water\".")
        List<String> names;

        @Option(
                names = "--labels",
                paramLabel = "CSV",
                required = true,
                description = "A label CSV (id,name) with the class names in label order.")
        Path labels;
    }

    @Option(
            names = "--top-k",
            paramLabel = "K",
            description = "Classes printed per video (default: ${DEFAULT-VALUE}).")
    private int topK = 5;

    @Mixin private VideoViewOptions viewOptions = new VideoViewOptions();

    @Option(
            names = "--template",
            paramLabel = "TEXT",
            description =
                    "Class-name prompt, {} for the name (default: \"a photo of a {}.\"). With"
                            + " --prompts the class text is the learned context before the name"
                            + " instead.")
    private String template;

    @Option(names = "--bare", description = "Use the bare class name (vanilla CLIP zero-shot).")
    private boolean bare;

    @Parameters(paramLabel = "VIDEO", arity = "1..*", description = "Video files.")
    private List<Path> videos;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeastOne(spec.commandLine(), "--top-k", topK);
        int[] clipsAndCrops = viewOptions.clipsAndCrops();
        ClassPrompts.refuseWithPrompts(spec.commandLine(), model.prompts, bare, template);
        List<String> names = classNames(ClassPrompts.chosen(bare, template));
        VideoClassificationTranslator translator =
                VideoClassificationTranslator.builder()
                        .setClassNames(names)
                        .optTemplate(ClassPrompts.given(bare, template))
                        .optFrames(viewOptions.frames)
                        .optViews(clipsAndCrops[0], clipsAndCrops[1])
                        .optTopK(topK)
                        .optDecoder(decoder.decoder())
                        .build();
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures;
        try (ViFiClip vifi = model.build(TuningMode.NONE, 0);
                PromptedViFiClip prompted = model.prompted(vifi);
                Model scoring = Model.newInstance("vificlip-classify", vifi.getDevice())) {
            // the weights stay owned by vifi and prompted; this DJL model only runs the block
            if (prompted != null) {
                prompted.getBlock().setTuning(TuningMode.NONE); // frozen: class features cached
            }
            scoring.setBlock(prompted != null ? prompted.getBlock() : vifi.getBlock());
            try (Predictor<Path, Classifications> predictor = scoring.newPredictor(translator)) {
                failures = classifyAll(predictor, json, out, err);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /**
     * Reads the class names and refuses, naming the class and where it came from, an empty or
     * repeated name (as the label CSV reader does) or one whose prompt does not fit CLIP's context.
     */
    private List<String> classNames(PromptTemplate prompt) throws IOException {
        boolean given = classNames.names != null;
        List<String> names = given ? classNames.names : LabelMap.readCsv(classNames.labels).names();
        String source = given ? "--classes" : classNames.labels.toString();
        if (names.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), source + " gives no class names");
        }
        ClipTokenizer tokenizer = ClipTokenizer.newInstance();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String where = "class " + (i + 1) + " of " + names.size() + " in " + source;
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        where
                                + " repeats class "
                                + (first + 1)
                                + " (\""
                                + ShownText.of(name, 60)
                                + "\")");
            }
            if (name.isBlank()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        where
                                + " is empty (\""
                                + ShownText.of(String.join(",", names), 200)
                                + "\"): class names are separated by single commas and none may"
                                + " be empty");
            }
            // With --prompts the learned context takes positions too; PromptedViFiClip says so.
            int tokens =
                    model.prompts == null ? tokenizer.encode(prompt.apply(name)).length + 2 : 0;
            if (tokens > tokenizer.getContextLength()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        where
                                + " is too long: its prompt \""
                                + ShownText.of(prompt.apply(name), 60)
                                + "\" needs "
                                + tokens
                                + " tokens with the start and end tokens, but CLIP's context holds "
                                + tokenizer.getContextLength());
            }
        }
        try { // the model's own rules (names of control characters only, ...), before it loads
            VideoTextBlock.checkClassNames(names);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), source + ": " + e.getMessage());
        }
        return names;
    }

    /** Classifies every video, printing a line each; returns how many could not be read. */
    private int classifyAll(
            Predictor<Path, Classifications> predictor,
            ObjectMapper json,
            PrintWriter out,
            PrintWriter err) {
        int failures = 0;
        for (Path video : videos) {
            ObjectNode line = json.createObjectNode().put("video", video.toString());
            try {
                ArrayNode top = line.putArray("classes");
                for (Classification item : predictor.predict(video).topK(topK)) {
                    top.addObject()
                            .put("className", item.getClassName())
                            .put("probability", item.getProbability());
                }
            } catch (TranslateException e) {
                failures++;
                line.remove("classes");
                line.put("error", e.getMessage());
                err.println(spec.qualifiedName() + ": error: " + e.getMessage());
                err.flush();
            }
            out.println(line);
            out.flush();
        }
        return failures;
    }
}
