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
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CLIP's image tower ({@code visual}): a ViT that maps frames {@code [N, 3, H, W]} to projected
 * embeddings {@code [N, embedDim]} (not normalised).
 *
 * <ol>
 *   <li>{@code conv1}: patch embedding, a convolution with kernel and stride = patch size and no
 *       bias, giving {@code grid²} tokens;
 *   <li>{@code class_embedding} prepended, {@code positional_embedding} added;
 *   <li>(prompting) shallow prompt tokens {@code [n, width]} appended, without positional
 *       embedding, shared by every frame;
 *   <li>{@code ln_pre}, the {@link ClipTransformer} (deep prompts replace the last n tokens before
 *       blocks 1..d−1);
 *   <li>{@code ln_post} on the class token, then {@code x · proj}.
 * </ol>
 *
 * <p>Input: {@code [images]}; output: {@code [features]}.
 */
public final class ClipVisionTransformer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ClipConfig config;
    private final Conv2d conv1;
    private final Parameter classEmbedding;
    private final Parameter positionalEmbedding;
    private final LayerNorm lnPre;
    private final ClipTransformer transformer;
    private final LayerNorm lnPost;
    private final Parameter proj;

    ClipVisionTransformer(ClipConfig config) {
        super(VERSION);
        this.config = config;
        int width = config.visionWidth();
        int patch = config.patchSize();
        conv1 =
                addChildBlock(
                        "conv1",
                        Conv2d.builder()
                                .setKernelShape(new Shape(patch, patch))
                                .optStride(new Shape(patch, patch))
                                .setFilters(width)
                                .optBias(false)
                                .build());
        classEmbedding = addParameter(ClipLayers.weight("class_embedding", new Shape(width)));
        positionalEmbedding =
                addParameter(
                        ClipLayers.weight(
                                "positional_embedding", new Shape(config.visionTokens(), width)));
        lnPre = addChildBlock("ln_pre", ClipLayers.layerNorm(config.layerNormEps()));
        transformer =
                addChildBlock(
                        "transformer",
                        ClipTransformer.builder()
                                .setWidth(width)
                                .setLayers(config.visionLayers())
                                .setHeads(config.visionHeads())
                                .optMlpRatio(config.mlpRatio())
                                .optLayerNormEps(config.layerNormEps())
                                .build());
        lnPost = addChildBlock("ln_post", ClipLayers.layerNorm(config.layerNormEps()));
        proj = addParameter(ClipLayers.weight("proj", new Shape(width, config.embedDim())));
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
     * Embeds frames.
     *
     * @param parameterStore the parameter store
     * @param images frames {@code [N, 3, imageSize, imageSize]}, already normalised
     * @param training whether this is a training pass
     * @return the projected embeddings {@code [N, embedDim]}
     * @throws IllegalArgumentException if {@code images} has the wrong shape
     */
    public NDArray encode(ParameterStore parameterStore, NDArray images, boolean training) {
        return encode(parameterStore, images, null, DeepPrompts.none(), training);
    }

    /**
     * Embeds frames with vision prompts, as the reference's {@code clip/model.py} inserts them.
     *
     * @param parameterStore the parameter store
     * @param images frames {@code [N, 3, imageSize, imageSize]}, already normalised
     * @param shallowPrompts prompt tokens {@code [n, visionWidth]} appended after the class and
     *     patch tokens of every frame (after positional embeddings, before {@code ln_pre}), or
     *     {@code null} for none
     * @param deepPrompts prompts that replace the last n tokens before blocks 1..d−1 ({@link
     *     DeepPrompts#replacingLast}), or {@link DeepPrompts#none()}
     * @param training whether this is a training pass
     * @return the projected embeddings {@code [N, embedDim]}
     * @throws IllegalArgumentException if an input has the wrong shape
     */
    public NDArray encode(
            ParameterStore parameterStore,
            NDArray images,
            NDArray shallowPrompts,
            DeepPrompts deepPrompts,
            boolean training) {
        Shape shape = images.getShape();
        int size = config.imageSize();
        if (shape.dimension() != 4
                || shape.get(1) != 3
                || shape.get(2) != size
                || shape.get(3) != size) {
            throw new IllegalArgumentException(
                    "The image tower takes frames [N, 3, "
                            + size
                            + ", "
                            + size
                            + "], got "
                            + shape);
        }
        return Chunks.map(
                shape.get(0),
                Chunks.FRAMES,
                (start, end) ->
                        encodeSlice(
                                parameterStore,
                                images.get("{}:{}", start, end),
                                shallowPrompts,
                                deepPrompts,
                                training));
    }

    private NDArray encodeSlice(
            ParameterStore parameterStore,
            NDArray images,
            NDArray shallowPrompts,
            DeepPrompts deepPrompts,
            boolean training) {
        long frames = images.getShape().get(0);
        long width = config.visionWidth();
        Device device = images.getDevice();
        NDArray x = conv1.forward(parameterStore, new NDList(images), training).singletonOrThrow();
        x = x.reshape(frames, width, -1).transpose(0, 2, 1); // [N, grid², width]
        NDArray cls = parameterStore.getValue(classEmbedding, device, training);
        cls = Scopes.lift(cls, x).reshape(1, 1, width).broadcast(frames, 1, width);
        x = cls.concat(x, 1).add(parameterStore.getValue(positionalEmbedding, device, training));
        if (shallowPrompts != null) {
            Shape promptShape = shallowPrompts.getShape();
            if (promptShape.dimension() != 2 || promptShape.get(1) != width) {
                throw new IllegalArgumentException(
                        "Vision prompts must be [n, " + width + "], got " + promptShape);
            }
            long n = promptShape.get(0);
            NDArray prompts =
                    Scopes.lift(shallowPrompts, x).expandDims(0).broadcast(frames, n, width);
            x = x.concat(prompts, 1);
        }
        x = lnPre.forward(parameterStore, new NDList(x), training).singletonOrThrow();
        x = transformer.transform(parameterStore, x, null, deepPrompts, training);
        NDArray classToken = x.get(":, 0, :");
        classToken =
                lnPost.forward(parameterStore, new NDList(classToken), training).singletonOrThrow();
        return classToken.matMul(parameterStore.getValue(proj, device, training));
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        return new NDList(encode(parameterStore, inputs.singletonOrThrow(), training));
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
        int width = config.visionWidth();
        conv1.initialize(
                manager, dataType, new Shape(1, 3, config.imageSize(), config.imageSize()));
        ClipLayers.initialize(lnPre, manager, dataType, width);
        transformer.initialize(manager, dataType, new Shape(1, config.visionTokens(), width));
        ClipLayers.initialize(lnPost, manager, dataType, width);
    }

    /**
     * Returns the parameters under OpenAI's names relative to {@code visual.} ({@code
     * class_embedding}, {@code positional_embedding}, {@code proj}, {@code conv1.weight}, {@code
     * ln_pre.weight}, …, {@code transformer.resblocks.N.…}, {@code ln_post.bias}).
     *
     * @return the parameters
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        named.put("class_embedding", classEmbedding);
        named.put("positional_embedding", positionalEmbedding);
        named.put("proj", proj);
        named.put("conv1.weight", conv1.getDirectParameters().get("weight"));
        ClipLayers.putLayerNorm(named, "ln_pre.", lnPre);
        ClipLayers.putAll(named, "transformer.", transformer.namedParameters());
        ClipLayers.putLayerNorm(named, "ln_post.", lnPost);
        return named;
    }

    /** Builds a {@link ClipVisionTransformer} with CLIP's seeded initialisation. */
    public static final class Builder extends ClipBlockBuilder<Builder, ClipVisionTransformer> {

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected ClipVisionTransformer create(ClipConfig config, long seed) {
            ClipVisionTransformer tower = new ClipVisionTransformer(config);
            Map<String, Parameter> named = new LinkedHashMap<>();
            ClipLayers.putAll(named, "visual.", tower.namedParameters());
            ClipInitialization.assign(named, config, seed);
            return tower;
        }
    }
}
