/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of a CLIP model read from its tensors' shapes alone, as OpenAI's {@code
 * build_model} does, and the tensors an architecture needs.
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

    private static final List<String> BLOCK_MEMBERS =
            List.of(
                    "attn.in_proj_weight",
                    "attn.in_proj_bias",
                    "attn.out_proj.weight",
                    "attn.out_proj.bias",
                    "ln_1.weight",
                    "ln_1.bias",
                    "mlp.c_fc.weight",
                    "mlp.c_fc.bias",
                    "mlp.c_proj.weight",
                    "mlp.c_proj.bias",
                    "ln_2.weight",
                    "ln_2.bias");

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
        List<String> absent = new ArrayList<>();
        Shape textProjection = require(shapes, "text_projection", absent);
        Shape conv1 = require(shapes, "visual.conv1.weight", absent);
        Shape visionPositions = require(shapes, "visual.positional_embedding", absent);
        Shape textPositions = require(shapes, "positional_embedding", absent);
        Shape tokenEmbedding = require(shapes, "token_embedding.weight", absent);
        Shape lnFinal = require(shapes, "ln_final.weight", absent);
        Shape visionFc = require(shapes, "visual.transformer.resblocks.0.mlp.c_fc.weight", absent);
        require(shapes, "transformer.resblocks.0.attn.in_proj_weight", absent);
        if (!absent.isEmpty()) {
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
        List<String> problems = new ArrayList<>();
        rank(problems, "text_projection", textProjection, 2);
        rank(problems, "visual.conv1.weight", conv1, 4);
        rank(problems, "visual.positional_embedding", visionPositions, 2);
        rank(problems, "positional_embedding", textPositions, 2);
        rank(problems, "token_embedding.weight", tokenEmbedding, 2);
        rank(problems, "ln_final.weight", lnFinal, 1);
        rank(problems, "visual.transformer.resblocks.0.mlp.c_fc.weight", visionFc, 2);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot detect the CLIP architecture: " + String.join("; ", problems));
        }
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
        int textWidth = (int) lnFinal.get(0);
        int visionLayers = countBlocks(shapes, VISION_BLOCK, problems, "visual.transformer");
        int textLayers = countBlocks(shapes, TEXT_BLOCK, problems, "transformer");
        int mlpRatio = (int) (visionFc.get(0) / visionWidth);
        headsOf(problems, "vision", visionWidth);
        headsOf(problems, "text", textWidth);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot detect the CLIP architecture: " + String.join("; ", problems));
        }
        ClipConfig config =
                ClipConfig.builder()
                        .setEmbedDim((int) textProjection.get(1))
                        .setImageSize(grid * patch)
                        .setPatchSize(patch)
                        .setVisionWidth(visionWidth)
                        .setVisionLayers(visionLayers)
                        .setVisionHeads(visionWidth / HEAD_WIDTH)
                        .setContextLength((int) textPositions.get(0))
                        .setVocabSize((int) tokenEmbedding.get(0))
                        .setTextWidth(textWidth)
                        .setTextLayers(textLayers)
                        .setTextHeads(textWidth / HEAD_WIDTH)
                        .optMlpRatio(mlpRatio)
                        .build();
        for (ClipConfig preset : ClipConfig.presets()) {
            if (preset.equals(config.toBuilder().setName(preset.name()).build())) {
                return preset;
            }
        }
        return config;
    }

    /**
     * Returns the tensors a CLIP model of this architecture has, under OpenAI names, with their
     * shapes, in the order of OpenAI's state dict: 302 tensors for ViT-B/16 (prompt tensors are not
     * included).
     *
     * @param config the architecture
     * @return names and shapes
     */
    public static Map<String, Shape> expectedShapes(ClipConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        int vision = config.visionWidth();
        int text = config.textWidth();
        int embed = config.embedDim();
        shapes.put("positional_embedding", new Shape(config.contextLength(), text));
        shapes.put("text_projection", new Shape(text, embed));
        shapes.put("logit_scale", new Shape());
        shapes.put("visual.class_embedding", new Shape(vision));
        shapes.put("visual.positional_embedding", new Shape(config.visionTokens(), vision));
        shapes.put("visual.proj", new Shape(vision, embed));
        shapes.put(
                "visual.conv1.weight",
                new Shape(vision, 3, config.patchSize(), config.patchSize()));
        shapes.put("visual.ln_pre.weight", new Shape(vision));
        shapes.put("visual.ln_pre.bias", new Shape(vision));
        for (int i = 0; i < config.visionLayers(); i++) {
            putBlock(
                    shapes,
                    "visual.transformer.resblocks." + i + ".",
                    vision,
                    config.visionMlpWidth());
        }
        shapes.put("visual.ln_post.weight", new Shape(vision));
        shapes.put("visual.ln_post.bias", new Shape(vision));
        shapes.put("token_embedding.weight", new Shape(config.vocabSize(), text));
        for (int i = 0; i < config.textLayers(); i++) {
            putBlock(shapes, "transformer.resblocks." + i + ".", text, config.textMlpWidth());
        }
        shapes.put("ln_final.weight", new Shape(text));
        shapes.put("ln_final.bias", new Shape(text));
        return shapes;
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

    private static void putBlock(Map<String, Shape> shapes, String prefix, int width, int mlp) {
        Shape[] member = {
            new Shape(3L * width, width),
            new Shape(3L * width),
            new Shape(width, width),
            new Shape(width),
            new Shape(width),
            new Shape(width),
            new Shape(mlp, width),
            new Shape(mlp),
            new Shape(width, mlp),
            new Shape(width),
            new Shape(width),
            new Shape(width)
        };
        for (int i = 0; i < BLOCK_MEMBERS.size(); i++) {
            shapes.put(prefix + BLOCK_MEMBERS.get(i), member[i]);
        }
    }

    private static Shape require(Map<String, Shape> shapes, String name, List<String> absent) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            absent.add(name);
        }
        return shape;
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
