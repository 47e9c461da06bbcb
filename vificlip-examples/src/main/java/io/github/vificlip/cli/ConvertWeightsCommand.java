/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.model.LoadReport;
import io.github.vificlip.weights.ClipArchitecture;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.weights.WeightsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip convert-weights}: reads one or more weights files in any supported format and
 * writes their tensors to one safetensors file under OpenAI CLIP names, fp32 or fp16.
 */
@Command(
        name = "convert-weights",
        mixinStandardHelpOptions = true,
        description = {
            "Convert weights to one safetensors file with OpenAI CLIP names.",
            "Reads safetensors, torch.save .pt, .pth and .bin, and TorchScript files"
                    + " with OpenAI, open_clip, Hugging Face or ViFi-CLIP names.",
            "With several inputs, a tensor in a later file replaces the earlier one:"
                    + " give OpenAI's weights first and a ViFi-CLIP checkpoint (which lacks the"
                    + " token embedding) after them.",
            "A result that is not a whole CLIP model (a tensor missing or mis-shaped)"
                    + " is refused unless --allow-incomplete is given."
        })
public final class ConvertWeightsCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--fp16", description = "Write half precision (F16) instead of F32.")
    private boolean fp16;

    @Option(
            names = "--allow-incomplete",
            description =
                    "Write the tensors even when they do not make a whole CLIP model (for"
                            + " example a ViFi-CLIP checkpoint alone, without the token"
                            + " embedding).")
    private boolean allowIncomplete;

    @Parameters(
            paramLabel = "FILE",
            arity = "2..*",
            description = "Input weights files, then the output .safetensors file.")
    private List<Path> files;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(files.subList(0, files.size() - 1));
        Path output = files.get(files.size() - 1);
        if (!output.getFileName().toString().endsWith(".safetensors")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "The output " + output + " must be a .safetensors file (the last FILE)");
        }
        for (Path input : inputs) {
            if (Files.exists(output) && Files.isSameFile(input, output)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "The output " + output + " is also an input");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (NDManager manager = NDManager.newBaseManager();
                StateDict weights = StateDicts.read(inputs, manager)) {
            for (WeightsIndex source : weights.sources()) {
                out.printf(
                        Locale.ROOT,
                        "Read %s: %s, %s, %d tensors%n",
                        source.file(),
                        source.format().description(),
                        source.layout().description(),
                        source.tensors().size());
            }
            out.printf(Locale.ROOT, "Architecture: %s%n", architecture(weights));
            String incomplete = incompleteness(weights);
            if (incomplete != null && !allowIncomplete) {
                throw new IOException(
                        "Not a whole CLIP model, nothing written: "
                                + incomplete
                                + ". Pass the CLIP base weights first and the fine-tuned file"
                                + " after them (e.g. convert-weights ViT-B-16.pt"
                                + " vifi_clip_k400.pth out.safetensors), or --allow-incomplete to"
                                + " write these tensors alone.");
            }
            if (incomplete != null) {
                out.printf(Locale.ROOT, "Incomplete (--allow-incomplete): %s%n", incomplete);
            }
            if (!weights.dropped().isEmpty()) {
                List<String> dropped = new ArrayList<>();
                weights.dropped().forEach(d -> dropped.add(d.sourceName()));
                out.printf(Locale.ROOT, "Dropped: %s%n", String.join(", ", dropped));
            }
            DataType type = fp16 ? DataType.FLOAT16 : DataType.FLOAT32;
            SafetensorsWriter.builder().optDataType(type).build().write(output, weights);
            out.printf(
                    Locale.ROOT,
                    "Wrote %s: %d tensors, %,d parameters, %s, %s%n",
                    output,
                    weights.size(),
                    weights.parameterCount(),
                    fp16 ? "F16" : "F32",
                    InspectWeightsCommand.bytes(Files.size(output)));
        }
        out.flush();
        return 0;
    }

    /** Says what keeps the tensors from being a whole CLIP model, or returns null. */
    private static String incompleteness(StateDict weights) {
        ClipConfig config;
        try {
            config = weights.detectArchitecture();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String shortfall =
                LoadReport.compareShapes(ClipModel.parameterShapes(config), weights.tensors())
                        .describeShortfall();
        if (shortfall.isEmpty()) {
            return null;
        }
        // prompt tensors and other extras do not make a model incomplete
        List<String> files = weights.sources().stream().map(s -> s.file().toString()).toList();
        return String.join(" + ", files) + " against " + config.name() + ": " + shortfall;
    }

    private static String architecture(StateDict weights) {
        try {
            return ClipArchitecture.describe(weights.detectArchitecture());
        } catch (IllegalArgumentException e) {
            return "not detected (" + e.getMessage() + ")";
        }
    }
}
