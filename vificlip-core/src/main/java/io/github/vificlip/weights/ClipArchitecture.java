/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of a CLIP model read from its tensors' shapes alone, as OpenAI's {@code
 * build_model} does. The tensors an architecture needs are {@link
 * io.github.vificlip.model.ClipModel#parameterShapes}.
 *
 * <p>Under OpenAI names: the embedding size is {@code text_projection.shape[1]}; the image tower's
 * width and patch size come from {@code visual.conv1.weight}, its depth from the number of blocks,
 * its resolution from {@code visual.positional_embedding} (√(tokens − 1) × patch); the text tower's
 * context and vocabulary from {@code positional_embedding} and {@code token_embedding.weight}, its
 * width from {@code ln_final.weight}; every released CLIP uses 64-wide attention heads, so heads =
 * width / 64. A configuration equal to a preset is returned as that preset.
 */
public final class ClipArchitecture {

    /** The head size of every released CLIP; the number of heads is width / 64. */
    public static final int HEAD_WIDTH = 64;

    private static final Pattern VISION_BLOCK =
            Pattern.compile("visual\\.transformer\\.resblocks\\.(\\d+)\\..+");
    private static final Pattern TEXT_BLOCK =
            Pattern.compile("transformer\\.resblocks\\.(\\d+)\\..+");

    private static final String VISION_FC = "visual.transformer.resblocks.0.mlp.c_fc.weight";
    private static final String TEXT_BLOCK_0 = "transformer.resblocks.0.attn.in_proj_weight";

    /** The tensors the architecture is read from, in the order absent ones are named, by rank. */
    private static final Map<String, Integer> RANKS = ranks();

    private ClipArchitecture() {}

    /**
     * Reads the architecture from tensor shapes under OpenAI names.
     *
     * @param shapes tensor names and shapes, for example {@link StateDict#shapes()}
     * @return the configuration; a preset ({@link ClipConfig#VIT_B_16}, ...) when it equals one,
     *     otherwise one named {@code "custom"}
     * @throws IllegalArgumentException naming every tensor that is absent or whose shape
     *     contradicts the others
     */
    public static ClipConfig detect(Map<String, Shape> shapes) {
        requirePresent(shapes);
        List<String> problems = new ArrayList<>();
        RANKS.forEach((name, rank) -> rank(problems, name, shapes.get(name), rank));
        failOn(problems);
        Shape conv1 = shapes.get("visual.conv1.weight");
        Shape visionPositions = shapes.get("visual.positional_embedding");
        int visionWidth = (int) conv1.get(0);
        int patch = (int) conv1.get(3);
        if (conv1.get(1) != 3 || conv1.get(2) != conv1.get(3)) {
            problems.add("visual.conv1.weight " + conv1 + " is not [width, 3, patch, patch]");
        }
        long tokens = visionPositions.get(0) - 1;
        int grid = (int) Math.round(Math.sqrt(tokens));
        if ((long) grid * grid != tokens) {
            problems.add(
                    "visual.positional_embedding "
                            + visionPositions
                            + " has "
                            + tokens
                            + " patch positions, not a square grid");
        }
        int textWidth = (int) shapes.get("ln_final.weight").get(0);
        int visionLayers = countBlocks(shapes, VISION_BLOCK, problems, "visual.transformer");
        int textLayers = countBlocks(shapes, TEXT_BLOCK, problems, "transformer");
        headsOf(problems, "vision", visionWidth);
        headsOf(problems, "text", textWidth);
        failOn(problems);
        return asPreset(
                ClipConfig.builder()
                        .setEmbedDim((int) shapes.get("text_projection").get(1))
                        .setImageSize(grid * patch)
                        .setPatchSize(patch)
                        .setVisionWidth(visionWidth)
                        .setVisionLayers(visionLayers)
                        .setVisionHeads(visionWidth / HEAD_WIDTH)
                        .setContextLength((int) shapes.get("positional_embedding").get(0))
                        .setVocabSize((int) shapes.get("token_embedding.weight").get(0))
                        .setTextWidth(textWidth)
                        .setTextLayers(textLayers)
                        .setTextHeads(textWidth / HEAD_WIDTH)
                        .optMlpRatio((int) (shapes.get(VISION_FC).get(0) / visionWidth))
                        .build());
    }

    /**
     * Reads the architecture of the tensors of a file or of several files, naming them when it
     * cannot: what {@link StateDict#detectArchitecture()} and {@link
     * WeightsIndex#detectArchitecture()} do.
     *
     * @param source the files the tensors were read from, for the message
     * @param tensors the tensors' descriptions under OpenAI names
     * @return the configuration, a preset when it equals one
     * @throws IllegalArgumentException starting with {@code source}, naming the absent or
     *     inconsistent tensors
     */
    static ClipConfig detect(String source, Collection<TensorInfo> tensors) {
        try {
            return detect(TensorInfo.shapes(tensors));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static void requirePresent(Map<String, Shape> shapes) {
        List<String> absent = new ArrayList<>();
        for (String name : RANKS.keySet()) {
            if (!shapes.containsKey(name)) {
                absent.add(name);
            }
        }
        if (!shapes.containsKey(TEXT_BLOCK_0)) {
            absent.add(TEXT_BLOCK_0);
        }
        if (absent.isEmpty()) {
            return;
        }
        String hint =
                absent.contains("token_embedding.weight") && absent.size() <= 1
                        ? " (ViFi-CLIP checkpoints leave it out: read them together with the"
                                + " OpenAI CLIP weights they were fine-tuned from)"
                        : "";
        throw new IllegalArgumentException(
                "Cannot detect the CLIP architecture: "
                        + (absent.size() == 1 ? "tensor " : "tensors ")
                        + String.join(", ", absent)
                        + (absent.size() == 1 ? " is" : " are")
                        + " absent"
                        + hint);
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot detect the CLIP architecture: " + String.join("; ", problems));
        }
    }

    /** Returns the preset equal to {@code config} but for its name, or {@code config}. */
    private static ClipConfig asPreset(ClipConfig config) {
        for (ClipConfig preset : ClipConfig.presets()) {
            if (preset.equals(config.toBuilder().setName(preset.name()).build())) {
                return preset;
            }
        }
        return config;
    }

    /**
     * Describes a configuration in one line, for logs and the command line.
     *
     * @param config the configuration
     * @return for example {@code "ViT-B/16: embed 512; image 224 px, patch 16, 768 wide x 12 blocks
     *     (12 heads); text 77 tokens, vocabulary 49408, 512 wide x 12 blocks (8 heads)"}
     */
    public static String describe(ClipConfig config) {
        return String.format(
                Locale.ROOT,
                "%s: embed %d; image %d px, patch %d, %d wide x %d blocks (%d head%s);"
                        + " text %d tokens, vocabulary %d, %d wide x %d blocks (%d head%s)",
                config.name(),
                config.embedDim(),
                config.imageSize(),
                config.patchSize(),
                config.visionWidth(),
                config.visionLayers(),
                config.visionHeads(),
                config.visionHeads() == 1 ? "" : "s",
                config.contextLength(),
                config.vocabSize(),
                config.textWidth(),
                config.textLayers(),
                config.textHeads(),
                config.textHeads() == 1 ? "" : "s");
    }

    private static Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        ranks.put("text_projection", 2);
        ranks.put("visual.conv1.weight", 4);
        ranks.put("visual.positional_embedding", 2);
        ranks.put("positional_embedding", 2);
        ranks.put("token_embedding.weight", 2);
        ranks.put("ln_final.weight", 1);
        ranks.put(VISION_FC, 2);
        return Collections.unmodifiableMap(ranks);
    }

    private static void rank(List<String> problems, String name, Shape shape, int rank) {
        if (shape.dimension() != rank) {
            problems.add(name + " has shape " + shape + ", expected " + rank + " dimensions");
        }
    }

    private static void headsOf(List<String> problems, String tower, int width) {
        if (width % HEAD_WIDTH != 0) {
            problems.add(
                    tower
                            + " width "
                            + width
                            + " is not a multiple of "
                            + HEAD_WIDTH
                            + ", the head width of every released CLIP, so the number of heads"
                            + " cannot be read from the weights; give the ClipConfig explicitly");
        }
    }

    private static int countBlocks(
            Map<String, Shape> shapes, Pattern pattern, List<String> problems, String tower) {
        TreeSet<Integer> blocks = new TreeSet<>();
        for (String name : shapes.keySet()) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                blocks.add(Integer.parseInt(matcher.group(1)));
            }
        }
        int count = blocks.isEmpty() ? 0 : blocks.last() + 1;
        for (int i = 0; i < count; i++) {
            if (!shapes.containsKey(tower + ".resblocks." + i + ".attn.in_proj_weight")) {
                problems.add(tower + ".resblocks." + i + ".attn.in_proj_weight is absent");
            }
        }
        return count;
    }
}
