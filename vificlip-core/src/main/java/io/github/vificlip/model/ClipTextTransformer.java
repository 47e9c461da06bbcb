/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CLIP's text tower: token ids {@code [C, contextLength]} to projected embeddings {@code [C,
 * embedDim]} (not normalised).
 *
 * <ol>
 *   <li>{@code token_embedding} looks the ids up (or the caller passes prompt embeddings {@code [C,
 *       contextLength, width]} built from it, with learned context at positions 1..n);
 *   <li>{@code positional_embedding} is added;
 *   <li>the {@link ClipTransformer} runs with a causal additive mask (−∞ above the diagonal); deep
 *       prompts replace positions 1..n before blocks 1..d−1;
 *   <li>the token at the end-of-text position, the argmax of each id row (49407 is the largest id),
 *       is taken, {@code ln_final} normalises it and {@code text_projection} projects it.
 * </ol>
 *
 * <p>Two shortcuts give OpenAI's numbers for less work. The transformer runs only up to the last
 * end-of-text position of the batch (a slice of {@value #PROMPTS_PER_SLICE} prompts): under the
 * causal mask no token sees a later one, so the padding after it cannot change any output, and
 * class prompts rarely need more than 20 of the 77 positions. OpenAI applies {@code ln_final} to
 * every token before gathering; LayerNorm works per token, so gathering first is the same.
 *
 * <p>Inputs: {@code [ids]} or {@code [promptEmbeddings, ids]}; output: {@code [features]}.
 */
public final class ClipTextTransformer extends AbstractBlock {

    private static final byte VERSION = 1;

    /**
     * Prompts per slice: the tower runs large batches this many prompts at a time (same numbers,
     * smaller intermediates; see {@code Chunks}).
     */
    public static final int PROMPTS_PER_SLICE = Chunks.PROMPTS;

    private final ClipConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionalEmbedding;
    private final ClipTransformer transformer;
    private final LayerNorm lnFinal;
    private final Parameter textProjection;
    private final float[] causalMask;

    ClipTextTransformer(ClipConfig config) {
        super(VERSION);
        this.config = config;
        int width = config.textWidth();
        tokenEmbedding =
                addParameter(
                        ClipLayers.weight("token_embedding", new Shape(config.vocabSize(), width)));
        positionalEmbedding =
                addParameter(
                        ClipLayers.weight(
                                "positional_embedding", new Shape(config.contextLength(), width)));
        transformer =
                addChildBlock(
                        "transformer",
                        ClipTransformer.builder()
                                .setWidth(width)
                                .setLayers(config.textLayers())
                                .setHeads(config.textHeads())
                                .optMlpRatio(config.mlpRatio())
                                .optLayerNormEps(config.layerNormEps())
                                .build());
        lnFinal = addChildBlock("ln_final", ClipLayers.layerNorm(config.layerNormEps()));
        textProjection =
                addParameter(
                        ClipLayers.weight("text_projection", new Shape(width, config.embedDim())));
        causalMask = causalMask(config.contextLength());
    }

    private static float[] causalMask(int length) {
        float[] mask = new float[length * length];
        for (int row = 0; row < length; row++) {
            Arrays.fill(mask, row * length + row + 1, (row + 1) * length, Float.NEGATIVE_INFINITY);
        }
        return mask;
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the architecture.
     *
     * @return the configuration this tower was built from
     */
    public ClipConfig getConfig() {
        return config;
    }

    /**
     * Returns the token embedding table {@code [vocabSize, textWidth]}, from which prompt learners
     * build their prompt embeddings.
     *
     * @return the {@code token_embedding.weight} parameter
     */
    public Parameter getTokenEmbedding() {
        return tokenEmbedding;
    }

    /**
     * Looks token ids up in the token embedding table.
     *
     * @param parameterStore the parameter store
     * @param ids token ids {@code [C, contextLength]} (any integer type)
     * @param training whether this is a training pass
     * @return the embeddings {@code [C, contextLength, textWidth]}
     * @throws IllegalArgumentException if {@code ids} has the wrong shape
     */
    public NDArray embedTokens(ParameterStore parameterStore, NDArray ids, boolean training) {
        checkIds(ids);
        NDArray table = parameterStore.getValue(tokenEmbedding, ids.getDevice(), training);
        NDArray longIds = ids.toType(DataType.INT64, false);
        return longIds.getNDArrayInternal()
                .embedding(longIds, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /**
     * Embeds tokenised texts.
     *
     * @param parameterStore the parameter store
     * @param ids token ids {@code [C, contextLength]}, as {@code ClipTokenizer} makes them
     * @param training whether this is a training pass
     * @return the projected embeddings {@code [C, embedDim]}
     * @throws IllegalArgumentException if {@code ids} has the wrong shape
     */
    public NDArray encode(ParameterStore parameterStore, NDArray ids, boolean training) {
        return encode(
                parameterStore,
                embedTokens(parameterStore, ids, training),
                ids,
                DeepPrompts.none(),
                training);
    }

    /**
     * Embeds prompt embeddings (the reference's {@code TextEncoder} in {@code
     * trainers/vificlip.py}): the text path a prompt learner uses.
     *
     * @param parameterStore the parameter store
     * @param promptEmbeddings token embeddings {@code [C, contextLength, textWidth]}, where a
     *     learner may have put learned context at positions 1..n
     * @param ids the token ids {@code [C, contextLength]} of the same prompts, for the end-of-text
     *     position (their argmax)
     * @param deepPrompts prompts that replace positions 1..n before blocks 1..d−1 ({@link
     *     DeepPrompts#replacingAfterStart}), or {@link DeepPrompts#none()}
     * @param training whether this is a training pass
     * @return the projected embeddings {@code [C, embedDim]}
     * @throws IllegalArgumentException if an input has the wrong shape
     */
    public NDArray encode(
            ParameterStore parameterStore,
            NDArray promptEmbeddings,
            NDArray ids,
            DeepPrompts deepPrompts,
            boolean training) {
        checkIds(ids);
        Shape expected =
                new Shape(ids.getShape().get(0), config.contextLength(), config.textWidth());
        if (!promptEmbeddings.getShape().equals(expected)) {
            throw new IllegalArgumentException(
                    "Prompt embeddings must be "
                            + expected
                            + " for ids "
                            + ids.getShape()
                            + ", got "
                            + promptEmbeddings.getShape());
        }
        return Chunks.map(
                ids.getShape().get(0),
                PROMPTS_PER_SLICE,
                (start, end) ->
                        encodeSlice(
                                parameterStore,
                                promptEmbeddings.get("{}:{}", start, end),
                                ids.get("{}:{}", start, end),
                                deepPrompts,
                                training));
    }

    private NDArray encodeSlice(
            ParameterStore parameterStore,
            NDArray promptEmbeddings,
            NDArray ids,
            DeepPrompts deepPrompts,
            boolean training) {
        Device device = promptEmbeddings.getDevice();
        NDArray eotPositions = ids.argMax(1).toType(DataType.INT64, false);
        // Under the causal mask a token sees only the tokens before it, so nothing after the last
        // end-of-text token can change any end-of-text output: run only up to there.
        long length = eotPositions.max().getLong() + 1;
        NDArray x =
                promptEmbeddings
                        .add(parameterStore.getValue(positionalEmbedding, device, training))
                        .get(":, :{}", length);
        int context = config.contextLength();
        NDArray mask =
                x.getManager()
                        .create(causalMask, new Shape(context, context))
                        .get(":{}, :{}", length, length);
        x = transformer.transform(parameterStore, x, mask, deepPrompts, training);
        long classes = x.getShape().get(0);
        NDArray eot = eotPositions.reshape(classes, 1, 1).broadcast(classes, 1, config.textWidth());
        x = x.gather(eot, 1); // [C, 1, width]
        x = lnFinal.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        return x.reshape(classes, config.textWidth())
                .matMul(parameterStore.getValue(textProjection, device, training));
    }

    /**
     * Returns how many tokens per prompt the text tower runs for each slice of {@value
     * #PROMPTS_PER_SLICE} prompts: up to the slice's last end-of-text token (the argmax of each id
     * row), because under the causal mask the padding after it cannot change the output.
     *
     * @param ids token ids, one row per prompt
     * @return the number of tokens run per prompt, one entry per slice
     */
    public static int[] tokensRun(int[][] ids) {
        int slices = (ids.length + PROMPTS_PER_SLICE - 1) / PROMPTS_PER_SLICE;
        int[] tokens = new int[slices];
        for (int row = 0; row < ids.length; row++) {
            int eot = 0;
            for (int j = 1; j < ids[row].length; j++) {
                eot = ids[row][j] > ids[row][eot] ? j : eot;
            }
            tokens[row / PROMPTS_PER_SLICE] = Math.max(tokens[row / PROMPTS_PER_SLICE], eot + 1);
        }
        return tokens;
    }

    private void checkIds(NDArray ids) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || shape.get(1) != config.contextLength()) {
            throw new IllegalArgumentException(
                    "The text tower takes token ids [C, "
                            + config.contextLength()
                            + "], got "
                            + shape);
        }
        if (!ids.getDataType().isInteger()) {
            throw new IllegalArgumentException(
                    "Token ids must be integers, got " + ids.getDataType());
        }
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        if (inputs.size() == 1) {
            return new NDList(encode(parameterStore, inputs.get(0), training));
        }
        return new NDList(
                encode(parameterStore, inputs.get(0), inputs.get(1), DeepPrompts.none(), training));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.embedDim())};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        int width = config.textWidth();
        transformer.initialize(manager, dataType, new Shape(1, config.contextLength(), width));
        ClipLayers.initialize(lnFinal, manager, dataType, width);
    }

    /**
     * Returns the parameters under OpenAI's names ({@code token_embedding.weight}, {@code
     * positional_embedding}, {@code text_projection}, {@code transformer.resblocks.N.…}, {@code
     * ln_final.weight}, {@code ln_final.bias}).
     *
     * @return the parameters
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("token_embedding.weight", tokenEmbedding);
        named.put("positional_embedding", positionalEmbedding);
        named.put("text_projection", textProjection);
        ClipLayers.putAll(named, "transformer.", transformer.namedParameters());
        ClipLayers.putLayerNorm(named, "ln_final.", lnFinal);
        return named;
    }

    /** Builds a {@link ClipTextTransformer} with CLIP's seeded initialisation. */
    public static final class Builder extends ClipBlockBuilder<Builder, ClipTextTransformer> {

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected ClipTextTransformer create(ClipConfig config, long seed) {
            ClipTextTransformer tower = new ClipTextTransformer(config);
            ClipInitialization.assign(tower.namedParameters(), config, seed);
            return tower;
        }
    }
}
