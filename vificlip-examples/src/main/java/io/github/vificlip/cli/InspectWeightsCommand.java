/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.weights.ClipArchitecture;
import io.github.vificlip.weights.DroppedTensor;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.weights.TensorInfo;
import io.github.vificlip.weights.WeightsIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip inspect-weights}: describes a weights file without loading its tensors: format,
 * naming layout, detected architecture, every tensor under its OpenAI name with shape and stored
 * type, what was dropped, and totals.
 */
@Command(
        name = "inspect-weights",
        mixinStandardHelpOptions = true,
        description = {
            "Describe a weights file without loading its tensors.",
            "Reads safetensors, torch.save .pt, .pth and .bin, and TorchScript files,"
                    + " and prints the format, the naming layout, the detected CLIP"
                    + " architecture, the tensors under OpenAI CLIP names with their shapes and"
                    + " stored types, and totals."
        })
public final class InspectWeightsCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    private boolean json;

    @Parameters(paramLabel = "FILE", description = "The weights file.")
    private Path file;

    @Override
    public Integer call() throws IOException {
        WeightsIndex index = StateDicts.inspect(file);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(mapper, index)));
        } else {
            printText(out, index);
        }
        out.flush();
        return 0;
    }

    private static void printText(PrintWriter out, WeightsIndex index) {
        out.printf(Locale.ROOT, "File          %s (%s)%n", index.file(), bytes(index.fileSize()));
        out.printf(Locale.ROOT, "Format        %s%n", index.format().description());
        out.printf(Locale.ROOT, "Layout        %s%n", index.layout().description());
        if (!index.container().isEmpty()) {
            out.printf(Locale.ROOT, "Tensors in    %s%n", index.container());
        }
        if (!index.otherEntries().isEmpty()) {
            out.printf(Locale.ROOT, "Not read      %s%n", String.join(", ", index.otherEntries()));
        }
        out.printf(Locale.ROOT, "Architecture  %s%n", architecture(index));
        printTensors(out, index);
        out.println();
        printTotals(out, index);
    }

    /** The table of tensors under their OpenAI names, then the table of dropped tensors. */
    private static void printTensors(PrintWriter out, WeightsIndex index) {
        int width = 24;
        for (TensorInfo info : index.tensors()) {
            width = Math.max(width, info.name().length());
        }
        for (DroppedTensor dropped : index.dropped()) {
            width = Math.max(width, dropped.sourceName().length());
        }
        String row = "  %-" + width + "s  %-18s %-5s %s";
        out.println();
        printRow(out, row, "tensor (OpenAI name)", "shape", "type", "from");
        for (TensorInfo info : index.tensors()) {
            printRow(
                    out,
                    row,
                    info.name(),
                    shape(info.shape()),
                    info.storedTypeName(),
                    origin(info));
        }
        if (!index.dropped().isEmpty()) {
            out.println();
            printRow(out, row, "dropped (name in file)", "shape", "type", "why");
            for (DroppedTensor dropped : index.dropped()) {
                printRow(
                        out,
                        row,
                        dropped.sourceName(),
                        shape(dropped.shape()),
                        dropped.storedTypeName(),
                        dropped.reason());
            }
        }
    }

    /** Tensor and parameter counts, by stored type, and the dropped count. */
    private static void printTotals(PrintWriter out, WeightsIndex index) {
        StringBuilder types = new StringBuilder();
        for (Map.Entry<String, long[]> entry : byType(index).entrySet()) {
            types.append(types.length() == 0 ? "" : ", ")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "%s %d (%,d)",
                                    entry.getKey(),
                                    entry.getValue()[0],
                                    entry.getValue()[1]));
        }
        out.printf(
                Locale.ROOT,
                "Totals        %d tensors, %,d parameters; by stored type: %s; %d dropped%n",
                index.tensors().size(),
                index.parameterCount(),
                types,
                index.dropped().size());
    }

    private static void printRow(PrintWriter out, String format, Object... columns) {
        out.println(String.format(Locale.ROOT, format, columns).stripTrailing());
    }

    private static ObjectNode toJson(ObjectMapper mapper, WeightsIndex index) {
        ObjectNode root = mapper.createObjectNode();
        root.put("file", index.file().toString());
        root.put("fileSize", index.fileSize());
        root.put("format", index.format().name());
        root.put("formatDescription", index.format().description());
        root.put("layout", index.layout().name());
        root.put("container", index.container());
        ArrayNode other = root.putArray("otherEntries");
        index.otherEntries().forEach(other::add);
        try {
            root.set("architecture", mapper.valueToTree(index.detectArchitecture()));
        } catch (IllegalArgumentException e) {
            root.putNull("architecture");
            root.put("architectureError", e.getMessage());
        }
        ArrayNode tensors = root.putArray("tensors");
        for (TensorInfo info : index.tensors()) {
            ObjectNode node = tensors.addObject();
            node.put("name", info.name());
            node.set("shape", mapper.valueToTree(info.shape().getShape()));
            node.put("storedType", info.storedTypeName());
            ArrayNode sources = node.putArray("sourceNames");
            info.sourceNames().forEach(sources::add);
            node.put("conversion", info.conversion());
        }
        ArrayNode dropped = root.putArray("dropped");
        for (DroppedTensor tensor : index.dropped()) {
            ObjectNode node = dropped.addObject();
            node.put("sourceName", tensor.sourceName());
            node.set("shape", mapper.valueToTree(tensor.shape().getShape()));
            node.put("storedType", tensor.storedTypeName());
            node.put("reason", tensor.reason());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("tensors", index.tensors().size());
        totals.put("parameters", index.parameterCount());
        totals.put("dropped", index.dropped().size());
        ObjectNode types = totals.putObject("byStoredType");
        for (Map.Entry<String, long[]> entry : byType(index).entrySet()) {
            types.putObject(entry.getKey())
                    .put("tensors", entry.getValue()[0])
                    .put("parameters", entry.getValue()[1]);
        }
        return root;
    }

    /** Stored type name to {tensors, parameters}. */
    private static Map<String, long[]> byType(WeightsIndex index) {
        Map<String, long[]> counts = new TreeMap<>();
        for (TensorInfo info : index.tensors()) {
            long[] count = counts.computeIfAbsent(info.storedTypeName(), k -> new long[2]);
            count[0]++;
            count[1] += info.size();
        }
        return counts;
    }

    private static String architecture(WeightsIndex index) {
        try {
            ClipConfig config = index.detectArchitecture();
            return ClipArchitecture.describe(config);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String prefix = index.file() + ": ";
            return "not detected: "
                    + (message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    private static String origin(TensorInfo info) {
        if (!info.isConverted()) {
            return "";
        }
        List<String> sources = info.sourceNames();
        String names =
                sources.size() == 3 && sources.get(0).contains(".q_proj.")
                        ? sources.get(0).replace(".q_proj.", ".{q,k,v}_proj.")
                        : String.join(" + ", sources);
        return info.conversion().isEmpty() ? names : names + " (" + info.conversion() + ")";
    }

    private static String shape(Shape shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.dimension(); i++) {
            text.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        return text.append(']').toString();
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
