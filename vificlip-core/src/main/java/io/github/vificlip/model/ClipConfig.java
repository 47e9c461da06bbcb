/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The architecture of a CLIP model with a ViT image tower: a few numbers from which every other
 * dimension follows (open_clip's model config as one small type).
 *
 * <p>Use a preset ({@link #VIT_B_16} is the backbone of every ViFi-CLIP setting), read one from
 * JSON ({@link #fromJson(Path)}: the record's fields by name) or build a free-form configuration,
 * for example a tiny one for tests:
 *
 * <pre>{@code
 * ClipConfig tiny = ClipConfig.builder()
 *         .setEmbedDim(16)
 *         .setImageSize(32).setPatchSize(8).setVisionWidth(32).setVisionLayers(2).setVisionHeads(2)
 *         .setContextLength(77).setVocabSize(49408)
 *         .setTextWidth(32).setTextLayers(2).setTextHeads(2)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable records, so they serialise to JSON with the checkpoints that use them.
 * The presets are such JSON files, one per architecture, in the resource folder {@code
 * io/github/vificlip/model/presets/} (as open_clip's {@code model_configs}): adding a file there
 * adds a preset.
 *
 * @param name a label for logs and saved configs (for example {@code "ViT-B/16"})
 * @param embedDim the joint embedding size both towers project to
 * @param imageSize the input side in pixels (square frames)
 * @param patchSize the side of one patch; {@code imageSize} must be a multiple of it
 * @param visionWidth the image transformer's width
 * @param visionLayers the image transformer's number of residual blocks
 * @param visionHeads the image transformer's attention heads; must divide {@code visionWidth}
 * @param contextLength the number of text tokens per prompt (77 for CLIP)
 * @param vocabSize the number of token ids (49,408 for CLIP)
 * @param textWidth the text transformer's width
 * @param textLayers the text transformer's number of residual blocks
 * @param textHeads the text transformer's attention heads; must divide {@code textWidth}
 * @param mlpRatio the residual blocks' MLP hidden size as a multiple of the width (4 for CLIP)
 * @param layerNormEps the LayerNorm epsilon (1e-5, PyTorch's default)
 */
public record ClipConfig(
        String name,
        int embedDim,
        int imageSize,
        int patchSize,
        int visionWidth,
        int visionLayers,
        int visionHeads,
        int contextLength,
        int vocabSize,
        int textWidth,
        int textLayers,
        int textHeads,
        int mlpRatio,
        float layerNormEps) {

    /**
     * The largest width (embedDim, visionWidth, textWidth, and so the head counts): ViT-bigG/14,
     * the largest CLIP, has 1,664.
     */
    public static final int MAX_WIDTH = 4096;

    /** The largest number of residual blocks per tower: ViT-bigG/14 has 48. */
    public static final int MAX_LAYERS = 128;

    /** The largest frame side in pixels: CLIP models run at 224 to 448. */
    public static final int MAX_IMAGE_SIZE = 1024;

    /** The most patches along a frame's side: 16 for ViT-B/16 at 224 px, 32 for ViT-L/14 at 448. */
    public static final int MAX_GRID = 64;

    /** The longest text context: CLIP has 77. */
    public static final int MAX_CONTEXT_LENGTH = 1024;

    /** The largest vocabulary: CLIP has 49,408, multilingual tokenizers about 250,000. */
    public static final int MAX_VOCAB_SIZE = 1 << 20;

    /** The largest MLP ratio: CLIP has 4. */
    public static final int MAX_MLP_RATIO = 16;

    /**
     * The most learnable values of a whole model (20 GB in float32): ViT-bigG/14 has 2.5 billion.
     */
    public static final long MAX_PARAMETERS = 5_000_000_000L;

    /** The longest name. */
    public static final int MAX_NAME_LENGTH = 200;

    /** OpenAI CLIP ViT-B/32 at 224 px ({@code presets/ViT-B-32.json}). */
    public static final ClipConfig VIT_B_32 = preset("ViT-B/32");

    /**
     * OpenAI CLIP ViT-B/16 at 224 px ({@code presets/ViT-B-16.json}), the backbone of every
     * ViFi-CLIP setting.
     */
    public static final ClipConfig VIT_B_16 = preset("ViT-B/16");

    /** OpenAI CLIP ViT-L/14 at 224 px ({@code presets/ViT-L-14.json}). */
    public static final ClipConfig VIT_L_14 = preset("ViT-L/14");

    /**
     * Checks every dimension; the builder and JSON deserialisation both come through here.
     *
     * @param name a label for logs and saved configs; {@code "custom"} when null
     * @param embedDim the joint embedding size
     * @param imageSize the input side in pixels
     * @param patchSize the side of one patch
     * @param visionWidth the image transformer's width
     * @param visionLayers the image transformer's number of blocks
     * @param visionHeads the image transformer's attention heads
     * @param contextLength the number of text tokens per prompt
     * @param vocabSize the number of token ids
     * @param textWidth the text transformer's width
     * @param textLayers the text transformer's number of blocks
     * @param textHeads the text transformer's attention heads
     * @param mlpRatio the MLP hidden size as a multiple of the width
     * @param layerNormEps the LayerNorm epsilon
     * @throws IllegalArgumentException naming every invalid dimension and what is allowed
     */
    public ClipConfig(
            String name,
            int embedDim,
            int imageSize,
            int patchSize,
            int visionWidth,
            int visionLayers,
            int visionHeads,
            int contextLength,
            int vocabSize,
            int textWidth,
            int textLayers,
            int textHeads,
            int mlpRatio,
            float layerNormEps) {
        this.name = name == null ? "custom" : name;
        this.embedDim = embedDim;
        this.imageSize = imageSize;
        this.patchSize = patchSize;
        this.visionWidth = visionWidth;
        this.visionLayers = visionLayers;
        this.visionHeads = visionHeads;
        this.contextLength = contextLength;
        this.vocabSize = vocabSize;
        this.textWidth = textWidth;
        this.textLayers = textLayers;
        this.textHeads = textHeads;
        this.mlpRatio = mlpRatio;
        this.layerNormEps = layerNormEps;
        List<String> problems = new ArrayList<>();
        if (name != null && nameProblem(name) != null) {
            problems.add(nameProblem(name));
        }
        addSizeProblems(problems);
        addShapeProblems(problems);
        if (problems.isEmpty() && parameterCount() > MAX_PARAMETERS) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "%,d parameters is over the limit of %,d (ViT-bigG/14 has 2.5 billion)",
                            parameterCount(),
                            MAX_PARAMETERS));
        }
        if (!problems.isEmpty()) {
            throw invalid(name, problems);
        }
    }

    /** Adds each size outside 1 to its maximum. */
    private void addSizeProblems(List<String> problems) {
        within(problems, "embedDim", embedDim, MAX_WIDTH);
        within(problems, "imageSize", imageSize, MAX_IMAGE_SIZE);
        within(problems, "patchSize", patchSize, MAX_IMAGE_SIZE);
        within(problems, "visionWidth", visionWidth, MAX_WIDTH);
        within(problems, "visionLayers", visionLayers, MAX_LAYERS);
        within(problems, "visionHeads", visionHeads, MAX_WIDTH);
        within(problems, "contextLength", contextLength, MAX_CONTEXT_LENGTH);
        within(problems, "vocabSize", vocabSize, MAX_VOCAB_SIZE);
        within(problems, "textWidth", textWidth, MAX_WIDTH);
        within(problems, "textLayers", textLayers, MAX_LAYERS);
        within(problems, "textHeads", textHeads, MAX_WIDTH);
        within(problems, "mlpRatio", mlpRatio, MAX_MLP_RATIO);
    }

    /** Adds each size that does not fit another: patches, heads, context, epsilon. */
    private void addShapeProblems(List<String> problems) {
        if (imageSize > 0 && patchSize > 0 && imageSize % patchSize != 0) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "imageSize %d must be a multiple of patchSize %d",
                            imageSize,
                            patchSize));
        } else if (patchSize > 0 && imageSize / patchSize > MAX_GRID) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "imageSize / patchSize must be at most %d patches a side, got %d",
                            MAX_GRID,
                            imageSize / patchSize));
        }
        if (visionHeads > 0 && visionWidth % visionHeads != 0) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "visionWidth %d must be divisible by visionHeads %d",
                            visionWidth,
                            visionHeads));
        }
        if (textHeads > 0 && textWidth % textHeads != 0) {
            problems.add(
                    String.format(
                            Locale.ROOT,
                            "textWidth %d must be divisible by textHeads %d",
                            textWidth,
                            textHeads));
        }
        if (contextLength > 0 && contextLength < 2) {
            problems.add("contextLength must be at least 2 (start and end tokens)");
        }
        if (!(layerNormEps > 0 && layerNormEps <= 1)) {
            problems.add("layerNormEps must be a positive number, at most 1, got " + layerNormEps);
        }
    }

    private static IllegalArgumentException invalid(String name, List<String> problems) {
        boolean printable = name != null && nameProblem(name) == null;
        return new IllegalArgumentException(
                "Invalid CLIP configuration"
                        + (printable ? " '" + name + "'" : "")
                        + ": "
                        + String.join("; ", problems));
    }

    /** Returns what is wrong with a non-null name, or null. */
    private static String nameProblem(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            return "name must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length();
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "name must not contain control characters (line breaks, tabs, ...)";
        }
        return null;
    }

    private static void within(List<String> problems, String field, int value, int max) {
        if (value <= 0) {
            problems.add(field + " must be positive, got " + value);
        } else if (value > max) {
            problems.add(field + " must be at most " + max + ", got " + value);
        }
    }

    /**
     * Returns the number of learnable values of a model of this architecture, from {@link
     * ClipModel#parameterShapes} (ViT-B/16: 149,620,737).
     *
     * @return the sum of the sizes of every tensor
     */
    public long parameterCount() {
        return ClipModel.parameterShapes(this).values().stream().mapToLong(Shape::size).sum();
    }

    /**
     * Returns the preset with the given name ({@code ViT-B/32}, {@code ViT-B/16}, {@code ViT-L/14},
     * or any other in the presets folder; case and the separator ({@code /} or {@code -}) do not
     * matter).
     *
     * @param name the preset's name
     * @return the preset
     * @throws IllegalArgumentException if no preset has that name
     */
    public static ClipConfig preset(String name) {
        String key = presetKey(name);
        for (ClipConfig preset : presets()) {
            if (presetKey(preset.name()).equals(key)) {
                return preset;
            }
        }
        throw new IllegalArgumentException(
                "Unknown CLIP preset '"
                        + name
                        + "'; known presets: "
                        + presets().stream()
                                .map(ClipConfig::name)
                                .collect(Collectors.joining(", ")));
    }

    /** "ViT-B/16", "vit-b-16" and "ViT-B-16" all give "VIT/B/16". */
    private static String presetKey(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('-', '/');
    }

    /**
     * Returns every preset: one per JSON file in the presets folder, the cheapest image tower
     * first.
     *
     * @return ViT-B/32, ViT-B/16, ViT-L/14 and any other preset file
     */
    public static List<ClipConfig> presets() {
        return ClipPresets.all();
    }

    /**
     * Reads a configuration from a JSON file holding the record's fields by name (as the presets
     * and {@code vificlip --config} files do).
     *
     * @param file the JSON file
     * @return the configuration
     * @throws UncheckedIOException if the file cannot be read or is not a valid configuration; the
     *     message names the file and, for a valid JSON, every invalid dimension
     */
    public static ClipConfig fromJson(Path file) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            String problem = "not a regular file (a folder, device or pipe)";
            throw new UncheckedIOException(
                    file + ": cannot read the configuration: " + problem, new IOException(problem));
        }
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > ClipConfigJson.MAX_BYTES) {
                String problem =
                        size + " bytes, a configuration is at most " + ClipConfigJson.MAX_BYTES;
                throw new UncheckedIOException(
                        file + ": not a valid ClipConfig: " + problem, new IOException(problem));
            }
            return fromJson(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the configuration: " + e, e);
        }
    }

    /**
     * Reads a configuration from a JSON stream holding the record's fields by name.
     *
     * @param in the JSON; the caller closes it
     * @param source what the stream was opened from, for messages
     * @return the configuration
     * @throws UncheckedIOException if the stream cannot be read or is not a valid configuration;
     *     the message names {@code source}
     */
    public static ClipConfig fromJson(InputStream in, String source) {
        try {
            JsonNode tree = ClipConfigJson.MAPPER.readTree(in);
            String problem = ClipConfigJson.fieldProblem(tree);
            if (problem != null) {
                throw new UncheckedIOException(
                        source + ": not a valid ClipConfig: " + problem, new IOException(problem));
            }
            return ClipConfigJson.MAPPER.treeToValue(tree, ClipConfig.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    source + ": not a valid ClipConfig: " + ClipConfigJson.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the configuration: " + e, e);
        }
    }

    /**
     * Returns a builder for a free-form configuration.
     *
     * @return a new builder with CLIP's text defaults (context 77, vocabulary 49,408), MLP ratio 4
     *     and LayerNorm epsilon 1e-5
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of patches along one side of a frame.
     *
     * @return {@code imageSize / patchSize}
     */
    public int gridSize() {
        return imageSize / patchSize;
    }

    /**
     * Returns the image transformer's sequence length: one class token and the patches.
     *
     * @return {@code gridSize² + 1}
     */
    public int visionTokens() {
        return gridSize() * gridSize() + 1;
    }

    /**
     * Returns the size of one image attention head.
     *
     * @return {@code visionWidth / visionHeads}
     */
    public int visionHeadDim() {
        return visionWidth / visionHeads;
    }

    /**
     * Returns the size of one text attention head.
     *
     * @return {@code textWidth / textHeads}
     */
    public int textHeadDim() {
        return textWidth / textHeads;
    }

    /**
     * Returns the hidden size of the image blocks' MLP.
     *
     * @return {@code mlpRatio * visionWidth}
     */
    public int visionMlpWidth() {
        return mlpRatio * visionWidth;
    }

    /**
     * Returns the hidden size of the text blocks' MLP.
     *
     * @return {@code mlpRatio * textWidth}
     */
    public int textMlpWidth() {
        return mlpRatio * textWidth;
    }

    /**
     * Returns the multiply-accumulates of the image tower for one frame (papers' "GFLOPs" are
     * these): the patch embedding, per block the Q/K/V and output projections, the attention scores
     * and their product with V, and the MLP, then the final projection. LayerNorms, softmax and
     * activations are left out, as is usual.
     *
     * @return MACs per frame (17.5 G for ViT-B/16 at 224 px); FLOPs are twice this
     */
    public long visionMacsPerImage() {
        long patches = (long) gridSize() * gridSize();
        long patchEmbedding = patches * 3L * patchSize * patchSize * visionWidth;
        return patchEmbedding
                + blockMacs(visionTokens(), visionWidth, visionMlpWidth()) * visionLayers
                + (long) visionWidth * embedDim;
    }

    /**
     * Returns the multiply-accumulates of the text tower for one prompt of {@code contextLength}
     * tokens, counted as in {@link #visionMacsPerImage()}.
     *
     * @return MACs per prompt; FLOPs are twice this
     */
    public long textMacsPerPrompt() {
        return textMacsPerPrompt(contextLength);
    }

    /**
     * Returns the multiply-accumulates of the text tower for one prompt run over its first {@code
     * tokens} positions (the text tower stops after the last end-of-text token).
     *
     * @param tokens the number of positions run, at most {@code contextLength}
     * @return MACs per prompt; FLOPs are twice this
     */
    public long textMacsPerPrompt(int tokens) {
        return blockMacs(tokens, textWidth, textMlpWidth()) * textLayers
                + (long) textWidth * embedDim;
    }

    private static long blockMacs(long tokens, long width, long mlpWidth) {
        long projections = tokens * width * (3 * width + width);
        long attention = 2 * tokens * tokens * width;
        long mlp = 2 * tokens * width * mlpWidth;
        return projections + attention + mlp;
    }

    /**
     * Returns a builder that starts from this configuration, to change a few values.
     *
     * @return a builder holding this configuration's values
     */
    public Builder toBuilder() {
        return new Builder()
                .setName(name)
                .setEmbedDim(embedDim)
                .setImageSize(imageSize)
                .setPatchSize(patchSize)
                .setVisionWidth(visionWidth)
                .setVisionLayers(visionLayers)
                .setVisionHeads(visionHeads)
                .setContextLength(contextLength)
                .setVocabSize(vocabSize)
                .setTextWidth(textWidth)
                .setTextLayers(textLayers)
                .setTextHeads(textHeads)
                .optMlpRatio(mlpRatio)
                .optLayerNormEps(layerNormEps);
    }

    /** Builds a {@link ClipConfig}; {@link #build()} says what is wrong. */
    public static final class Builder {

        private String name = "custom";
        private int embedDim;
        private int imageSize;
        private int patchSize;
        private int visionWidth;
        private int visionLayers;
        private int visionHeads;
        private int contextLength = 77;
        private int vocabSize = 49408;
        private int textWidth;
        private int textLayers;
        private int textHeads;
        private int mlpRatio = 4;
        private float layerNormEps = 1e-5f;

        Builder() {}

        /**
         * Sets the label used in logs and saved configs.
         *
         * @param name the label
         * @return this builder
         */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the joint embedding size.
         *
         * @param embedDim the size
         * @return this builder
         */
        public Builder setEmbedDim(int embedDim) {
            this.embedDim = embedDim;
            return this;
        }

        /**
         * Sets the input frame side in pixels.
         *
         * @param imageSize the side
         * @return this builder
         */
        public Builder setImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        /**
         * Sets the patch side in pixels.
         *
         * @param patchSize the side
         * @return this builder
         */
        public Builder setPatchSize(int patchSize) {
            this.patchSize = patchSize;
            return this;
        }

        /**
         * Sets the image transformer's width.
         *
         * @param visionWidth the width
         * @return this builder
         */
        public Builder setVisionWidth(int visionWidth) {
            this.visionWidth = visionWidth;
            return this;
        }

        /**
         * Sets the image transformer's number of blocks.
         *
         * @param visionLayers the number of blocks
         * @return this builder
         */
        public Builder setVisionLayers(int visionLayers) {
            this.visionLayers = visionLayers;
            return this;
        }

        /**
         * Sets the image transformer's number of attention heads.
         *
         * @param visionHeads the number of heads
         * @return this builder
         */
        public Builder setVisionHeads(int visionHeads) {
            this.visionHeads = visionHeads;
            return this;
        }

        /**
         * Sets the number of text tokens per prompt.
         *
         * @param contextLength the context length
         * @return this builder
         */
        public Builder setContextLength(int contextLength) {
            this.contextLength = contextLength;
            return this;
        }

        /**
         * Sets the number of token ids.
         *
         * @param vocabSize the vocabulary size
         * @return this builder
         */
        public Builder setVocabSize(int vocabSize) {
            this.vocabSize = vocabSize;
            return this;
        }

        /**
         * Sets the text transformer's width.
         *
         * @param textWidth the width
         * @return this builder
         */
        public Builder setTextWidth(int textWidth) {
            this.textWidth = textWidth;
            return this;
        }

        /**
         * Sets the text transformer's number of blocks.
         *
         * @param textLayers the number of blocks
         * @return this builder
         */
        public Builder setTextLayers(int textLayers) {
            this.textLayers = textLayers;
            return this;
        }

        /**
         * Sets the text transformer's number of attention heads.
         *
         * @param textHeads the number of heads
         * @return this builder
         */
        public Builder setTextHeads(int textHeads) {
            this.textHeads = textHeads;
            return this;
        }

        /**
         * Sets the MLP hidden size as a multiple of the width (4 by default).
         *
         * @param mlpRatio the ratio
         * @return this builder
         */
        public Builder optMlpRatio(int mlpRatio) {
            this.mlpRatio = mlpRatio;
            return this;
        }

        /**
         * Sets the LayerNorm epsilon (1e-5 by default).
         *
         * @param layerNormEps the epsilon
         * @return this builder
         */
        public Builder optLayerNormEps(float layerNormEps) {
            this.layerNormEps = layerNormEps;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming every invalid dimension
         */
        public ClipConfig build() {
            return new ClipConfig(
                    name,
                    embedDim,
                    imageSize,
                    patchSize,
                    visionWidth,
                    visionLayers,
                    visionHeads,
                    contextLength,
                    vocabSize,
                    textWidth,
                    textLayers,
                    textHeads,
                    mlpRatio,
                    layerNormEps);
        }
    }
}
