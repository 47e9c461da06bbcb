/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLIP: the {@link ClipVisionTransformer image tower} ({@code visual}), the {@link
 * ClipTextTransformer text tower} and the temperature {@code logit_scale}, with OpenAI's parameter
 * names for loading and exporting weights.
 *
 * <p>Life cycle, as for any DJL block: build it ({@link #builder()}, which sets CLIP's seeded
 * initializers), initialise it ({@code initialize(manager, FLOAT32, imagesShape, idsShape)} or a
 * {@code Trainer}), then either train it or {@link #loadStateDict load weights} into it. {@link
 * #namedParameters()} is the model's {@code state_dict} view under OpenAI's key names ({@code
 * visual.conv1.weight}, {@code visual.transformer.resblocks.N.attn.in_proj_weight}, {@code
 * token_embedding.weight}, {@code logit_scale}, …): the keys of OpenAI's {@code ViT-B-16.pt}, named
 * after the modules of {@code clip/model.py}.
 *
 * <p>Inputs: {@code [images [N,3,H,W], ids [C,contextLength]]}; output: {@code [logits [N,C]]} with
 * logits = exp(logit_scale) · cos(image, text).
 */
public final class ClipModel extends AbstractBlock {

    private static final Logger LOG = LoggerFactory.getLogger(ClipModel.class);
    private static final byte VERSION = 1;

    private final ClipConfig config;
    private final ClipVisionTransformer visual;
    private final ClipTextTransformer text;
    private final Parameter logitScale;
    private final AtomicLong weightsVersion = new AtomicLong();

    ClipModel(ClipConfig config, long seed) {
        super(VERSION);
        this.config = config;
        visual =
                addChildBlock(
                        "visual",
                        ClipVisionTransformer.builder().setConfig(config).optSeed(seed).build());
        text =
                addChildBlock(
                        "text",
                        ClipTextTransformer.builder().setConfig(config).optSeed(seed).build());
        logitScale = addParameter(ClipLayers.weight("logit_scale", new Shape()));
        ClipInitialization.assign(Map.of("logit_scale", logitScale), config, seed);
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
     * @return the configuration this model was built from
     */
    public ClipConfig getConfig() {
        return config;
    }

    /**
     * Returns the image tower.
     *
     * @return {@code visual}
     */
    public ClipVisionTransformer getVisual() {
        return visual;
    }

    /**
     * Returns the text tower.
     *
     * @return the text tower (token and positional embeddings, transformer, {@code ln_final},
     *     {@code text_projection})
     */
    public ClipTextTransformer getText() {
        return text;
    }

    /**
     * Returns the temperature parameter; the model multiplies cosines by its exponential.
     *
     * @return {@code logit_scale}, a 0-d parameter
     */
    public Parameter getLogitScale() {
        return logitScale;
    }

    /**
     * Embeds frames (projected, not normalised).
     *
     * @param parameterStore the parameter store
     * @param images frames {@code [N, 3, imageSize, imageSize]}
     * @param training whether this is a training pass
     * @return {@code [N, embedDim]}
     */
    public NDArray encodeImage(ParameterStore parameterStore, NDArray images, boolean training) {
        return visual.encode(parameterStore, images, training);
    }

    /**
     * Embeds tokenised texts (projected, not normalised).
     *
     * @param parameterStore the parameter store
     * @param ids token ids {@code [C, contextLength]}
     * @param training whether this is a training pass
     * @return {@code [C, embedDim]}
     */
    public NDArray encodeText(ParameterStore parameterStore, NDArray ids, boolean training) {
        return text.encode(parameterStore, ids, training);
    }

    /**
     * Divides each row by its L2 norm (no epsilon, as CLIP).
     *
     * @param features {@code [..., embedDim]}
     * @return the normalised features, in {@code features}' manager
     */
    public static NDArray normalize(NDArray features) {
        return features.div(features.norm(new int[] {-1}, true));
    }

    /**
     * Computes CLIP logits, exp(logit_scale) · a · bᵀ, with no clamp on the scale.
     *
     * @param normalizedImages L2-normalised image or video features {@code [N, E]}
     * @param normalizedTextsTransposed L2-normalised text features, transposed: {@code [E, C]}
     * @param logitScale the 0-d {@code logit_scale} value
     * @return the logits {@code [N, C]}, in {@code normalizedImages}' manager
     */
    public static NDArray logits(
            NDArray normalizedImages, NDArray normalizedTextsTransposed, NDArray logitScale) {
        NDArray scale = Scopes.lift(logitScale, normalizedImages).exp();
        return normalizedImages.matMul(normalizedTextsTransposed).mul(scale);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray images = normalize(encodeImage(parameterStore, inputs.get(0), training));
        NDArray texts = normalize(encodeText(parameterStore, inputs.get(1), training));
        NDArray scale = parameterStore.getValue(logitScale, images.getDevice(), training);
        return new NDList(logits(images, texts.transpose(), scale));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        visual.initialize(
                manager, dataType, new Shape(1, 3, config.imageSize(), config.imageSize()));
        text.initialize(manager, dataType, new Shape(1, config.contextLength()));
    }

    /**
     * Returns the input shapes to initialise this model with: one frame and one prompt.
     *
     * @return {@code [1, 3, imageSize, imageSize]} and {@code [1, contextLength]}
     */
    public Shape[] initializationShapes() {
        return new Shape[] {
            new Shape(1, 3, config.imageSize(), config.imageSize()),
            new Shape(1, config.contextLength())
        };
    }

    /**
     * Returns every parameter under OpenAI's key name, in OpenAI's order within each tower: the
     * {@code visual.*} tensors, then the text tensors, then {@code logit_scale}.
     *
     * @return an unmodifiable name → parameter map
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        ClipLayers.putAll(named, "visual.", visual.namedParameters());
        named.putAll(text.namedParameters());
        named.put("logit_scale", logitScale);
        return Collections.unmodifiableMap(named);
    }

    /**
     * Copies tensors under OpenAI's names into the parameters.
     *
     * <p>The tensors are compared with the parameters first. Strict: any missing, unexpected or
     * mis-shaped tensor throws, naming each with its expected and found shape, and the model is
     * left unchanged. Non-strict: the tensors that fit are copied, the rest logged and reported.
     * Floating-point tensors of another precision are converted to float32. OpenAI's non-parameter
     * scalars ({@code input_resolution}, {@code context_length}, {@code vocab_size}) are ignored,
     * and so are the prompt tensors of a ViFi-CLIP prompting checkpoint (a prompt learner loads
     * them).
     *
     * @param tensors the state dict under OpenAI names; the caller keeps ownership
     * @param strict whether anything short of an exact match is an error
     * @return what was loaded and what was not
     * @throws StateDictMismatchException if {@code strict} and the tensors do not match
     * @throws IllegalStateException if the model is not initialised
     */
    public LoadReport loadStateDict(Map<String, NDArray> tensors, boolean strict) {
        if (!isInitialized()) {
            throw new IllegalStateException("Initialise the CLIP model before loading weights");
        }
        Map<String, Parameter> named = namedParameters();
        LoadReport report = LoadReport.compare(named, tensors);
        if (!report.isComplete()) {
            if (strict) {
                throw new StateDictMismatchException(report);
            }
            LOG.warn("Loading CLIP weights non-strictly: {}", report.describe());
        }
        List<String> prompts =
                report.ignored().stream().filter(TuningMode::isPromptParameter).toList();
        if (!prompts.isEmpty()) {
            LOG.info(
                    "Skipped {} prompt tensors ({}, ...): they are a prompt learner's, not CLIP"
                            + " weights; load them with vificlip-prompts (PromptedViFiClip, or"
                            + " --prompts FILE on the command line)",
                    prompts.size(),
                    prompts.get(0));
        }
        for (String name : report.loaded()) {
            ParameterValues.assign(tensors.get(name), named.get(name).getArray());
        }
        weightsVersion.incrementAndGet();
        LOG.debug("Loaded {} CLIP tensors", report.loaded().size());
        return report;
    }

    /**
     * Returns a counter that {@link #loadStateDict} increments, so that holders of derived values
     * (such as cached text features) can tell that the weights were replaced.
     *
     * @return the number of state dicts loaded so far
     */
    public long getWeightsVersion() {
        return weightsVersion.get();
    }

    /**
     * Returns the parameters' current values under OpenAI's names, for export.
     *
     * <p>The arrays are the live parameter arrays, not copies: do not close or modify them, and
     * copy them to keep a snapshot while training goes on.
     *
     * @return an unmodifiable name → array map in {@link #namedParameters()} order
     * @throws IllegalStateException if the model is not initialised
     */
    public Map<String, NDArray> stateDict() {
        if (!isInitialized()) {
            throw new IllegalStateException("The CLIP model is not initialised");
        }
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        namedParameters().forEach((name, parameter) -> tensors.put(name, parameter.getArray()));
        return Collections.unmodifiableMap(tensors);
    }

    /**
     * Returns the shape of every parameter of a configuration, under OpenAI's names, without
     * building or allocating anything: the table of OpenAI's checkpoint keys for any size.
     *
     * @param config the architecture
     * @return an unmodifiable name → shape map in {@link #namedParameters()} order
     */
    public static Map<String, Shape> parameterShapes(ClipConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        int vw = config.visionWidth();
        shapes.put("visual.class_embedding", new Shape(vw));
        shapes.put("visual.positional_embedding", new Shape(config.visionTokens(), vw));
        shapes.put("visual.proj", new Shape(vw, config.embedDim()));
        shapes.put("visual.conv1.weight", new Shape(vw, 3, config.patchSize(), config.patchSize()));
        putLayerNorm(shapes, "visual.ln_pre.", vw);
        putBlocks(
                shapes, "visual.transformer.", vw, config.visionMlpWidth(), config.visionLayers());
        putLayerNorm(shapes, "visual.ln_post.", vw);
        int tw = config.textWidth();
        shapes.put("token_embedding.weight", new Shape(config.vocabSize(), tw));
        shapes.put("positional_embedding", new Shape(config.contextLength(), tw));
        shapes.put("text_projection", new Shape(tw, config.embedDim()));
        putBlocks(shapes, "transformer.", tw, config.textMlpWidth(), config.textLayers());
        putLayerNorm(shapes, "ln_final.", tw);
        shapes.put("logit_scale", new Shape());
        return Collections.unmodifiableMap(shapes);
    }

    private static void putBlocks(
            Map<String, Shape> shapes, String prefix, int width, int hidden, int layers) {
        for (int i = 0; i < layers; i++) {
            String block = prefix + "resblocks." + i + ".";
            shapes.put(block + "attn.in_proj_weight", new Shape(3L * width, width));
            shapes.put(block + "attn.in_proj_bias", new Shape(3L * width));
            shapes.put(block + "attn.out_proj.weight", new Shape(width, width));
            shapes.put(block + "attn.out_proj.bias", new Shape(width));
            putLayerNorm(shapes, block + "ln_1.", width);
            shapes.put(block + "mlp.c_fc.weight", new Shape(hidden, width));
            shapes.put(block + "mlp.c_fc.bias", new Shape(hidden));
            shapes.put(block + "mlp.c_proj.weight", new Shape(width, hidden));
            shapes.put(block + "mlp.c_proj.bias", new Shape(width));
            putLayerNorm(shapes, block + "ln_2.", width);
        }
    }

    private static void putLayerNorm(Map<String, Shape> shapes, String prefix, int width) {
        shapes.put(prefix + "weight", new Shape(width));
        shapes.put(prefix + "bias", new Shape(width));
    }

    /** Builds a {@link ClipModel} with CLIP's seeded initialisation. */
    public static final class Builder extends ClipBlockBuilder<Builder, ClipModel> {

        Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected ClipModel create(ClipConfig config, long seed) {
            return new ClipModel(config, seed);
        }
    }
}
