/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.vificlip.tokenizer.ClipTokenizer;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ViFi-CLIP video model as a DJL block (class {@code ViFiCLIP} of the reference's {@code
 * trainers/vificlip.py}): CLIP applied frame by frame, with no temporal module.
 *
 * <pre>
 * video [B,T,3,H,W] → frames [B·T,3,H,W] → image tower → [B·T,E] → mean over T → L2 normalise
 * class names → template → ClipTokenizer → ids [C,77] → text tower → [C,E] → L2 normalise
 * logits [B,C] = exp(logit_scale) · v · tᵀ   (no clamp)
 * </pre>
 *
 * <p>The {@link TuningMode} decides which parameters train, through DJL's {@link
 * Parameter#freeze(boolean)}: frozen parameters get no gradient and optimisers skip them. While the
 * text side is frozen ({@link TuningMode#IMAGE}, {@link TuningMode#NONE}) the class text features
 * are computed once and reused until the class names, the tuning mode or the weights change;
 * otherwise they are recomputed on every forward pass, as ViFi-CLIP does.
 *
 * <p>Input: {@code [video [B,T,3,H,W]]}; output: {@code [logits [B,C]]} for the class names set
 * with {@link #setClassNames}. The block trains under DJL's {@code Trainer} or any loop over {@link
 * #forward(ParameterStore, NDList, boolean)}. Do not change class names, tuning or weights while
 * another thread runs a forward pass.
 */
public final class ViFiClipBlock extends AbstractBlock
        implements VideoClassificationBlock, VideoTextModel {

    private static final byte VERSION = 1;

    private final ClipModel clip;
    private final ClipTokenizer tokenizer;
    private TuningMode tuning;
    private PromptTemplate template;
    private List<String> classNames = List.of();
    private int[][] classIds;
    private NDManager cacheManager;
    private NDArray cachedClassFeatures; // [E, C], normalised, detached
    private long cachedWeightsVersion;

    ViFiClipBlock(Builder builder) {
        super(VERSION);
        clip =
                addChildBlock(
                        "clip",
                        ClipModel.builder()
                                .setConfig(builder.config)
                                .optSeed(builder.seed)
                                .build());
        tokenizer = builder.tokenizer;
        template = builder.template;
        if (builder.classNames != null) {
            setClassNames(builder.classNames, builder.template);
        }
        setTuning(builder.tuning);
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
     * Returns the CLIP model inside.
     *
     * @return the two towers and {@code logit_scale}
     */
    public ClipModel getClip() {
        return clip;
    }

    /**
     * Returns the architecture.
     *
     * @return the CLIP configuration
     */
    public ClipConfig getConfig() {
        return clip.getConfig();
    }

    /**
     * Returns the tokenizer that turns class prompts into ids.
     *
     * @return the tokenizer
     */
    public ClipTokenizer getTokenizer() {
        return tokenizer;
    }

    /**
     * Returns the tuning mode.
     *
     * @return which parameters train
     */
    @Override
    public TuningMode getTuning() {
        return tuning;
    }

    /**
     * Freezes and unfreezes parameters as the mode says (as {@code returnCLIP} in {@code
     * trainers/vificlip.py}), and drops cached text features.
     *
     * @param tuning which parameters train
     */
    @Override
    public synchronized void setTuning(TuningMode tuning) {
        if (tuning == null) {
            throw new IllegalArgumentException("tuning must not be null");
        }
        if (tuning == TuningMode.PROMPTS) {
            throw new IllegalArgumentException(
                    "A plain ViFi-CLIP model has no prompts to train: attach a prompt learner"
                            + " (module vificlip-prompts) and tune that");
        }
        clip.namedParameters().forEach((name, parameter) -> parameter.freeze(!tuning.trains(name)));
        this.tuning = tuning;
        dropCachedClassFeatures();
    }

    /**
     * Returns the parameters that train in the current mode, under their OpenAI names.
     *
     * @return an unmodifiable name → parameter map
     */
    @Override
    public Map<String, Parameter> trainableParameters() {
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        clip.namedParameters()
                .forEach(
                        (name, parameter) -> {
                            if (parameter.requiresGradient()) {
                                trainable.put(name, parameter);
                            }
                        });
        return Collections.unmodifiableMap(trainable);
    }

    /**
     * Returns the class names the logits are for.
     *
     * @return the names in logit order; empty until set
     */
    @Override
    public List<String> getClassNames() {
        return classNames;
    }

    /**
     * Returns the template the class names went through.
     *
     * @return the template
     */
    public PromptTemplate getTemplate() {
        return template;
    }

    /**
     * Sets the classes through the current template.
     *
     * @param classNames the names, in label order (class index = position), used verbatim
     * @throws IllegalArgumentException if the list is empty or holds a null
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    @Override
    public void setClassNames(List<String> classNames) {
        setClassNames(classNames, template);
    }

    /**
     * Sets the classes and the template they go through; drops cached text features.
     *
     * @param classNames the names, in label order (class index = position), used verbatim
     * @param template the prompt template, e.g. {@link PromptTemplate#FINE_TUNE} or {@link
     *     PromptTemplate#BARE}
     * @throws IllegalArgumentException if the list is empty or holds a null
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    public synchronized void setClassNames(List<String> classNames, PromptTemplate template) {
        checkClassNames(classNames);
        if (template == null) {
            throw new IllegalArgumentException("template must not be null");
        }
        int[][] ids = tokenizer.tokenize(template.apply(classNames));
        this.classNames = List.copyOf(classNames);
        this.template = template;
        this.classIds = ids;
        dropCachedClassFeatures();
    }

    /** Throws unless {@code classNames} is a non-empty list without nulls. */
    static void checkClassNames(List<String> classNames) {
        if (classNames == null
                || classNames.isEmpty()
                || classNames.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(
                    "Class names must be a non-empty list without nulls, got " + classNames);
        }
    }

    /**
     * Embeds videos: per-frame embeddings averaged over time, then L2-normalised, as {@code
     * ViFiCLIP.forward} in {@code trainers/vificlip.py}.
     *
     * @param parameterStore the parameter store
     * @param video clips {@code [B, T, 3, imageSize, imageSize]}, already normalised
     * @param training whether this is a training pass
     * @return the video features {@code [B, embedDim]}, unit length
     * @throws IllegalArgumentException if {@code video} has the wrong shape
     */
    @Override
    public NDArray encodeVideo(ParameterStore parameterStore, NDArray video, boolean training) {
        return encodeVideo(parameterStore, video, null, DeepPrompts.none(), training);
    }

    /**
     * Embeds videos with vision prompts, which every frame of every clip shares ({@code
     * clip/model.py}): the video path of a prompt learner.
     *
     * @param parameterStore the parameter store
     * @param video clips {@code [B, T, 3, imageSize, imageSize]}, already normalised
     * @param shallowPrompts {@code [n, visionWidth]} tokens appended to every frame, or {@code
     *     null}
     * @param deepPrompts prompts replacing the last n tokens before blocks 1..d−1, or {@link
     *     DeepPrompts#none()}
     * @param training whether this is a training pass
     * @return the video features {@code [B, embedDim]}, unit length
     * @throws IllegalArgumentException if an input has the wrong shape
     */
    public NDArray encodeVideo(
            ParameterStore parameterStore,
            NDArray video,
            NDArray shallowPrompts,
            DeepPrompts deepPrompts,
            boolean training) {
        Shape shape = video.getShape();
        int size = getConfig().imageSize();
        if (shape.dimension() != 5
                || shape.get(2) != 3
                || shape.get(3) != size
                || shape.get(4) != size) {
            throw new IllegalArgumentException(
                    "The video model takes clips [B, T, 3, "
                            + size
                            + ", "
                            + size
                            + "], got "
                            + shape);
        }
        long batch = shape.get(0);
        long frames = shape.get(1);
        NDArray perFrame =
                clip.getVisual()
                        .encode(
                                parameterStore,
                                video.reshape(batch * frames, 3, size, size),
                                shallowPrompts,
                                deepPrompts,
                                training);
        return ClipModel.normalize(perFrame.reshape(batch, frames, -1).mean(new int[] {1}));
    }

    /**
     * Embeds texts as given (no template) through the text tower, L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns the result (on the model's device)
     * @param texts the texts
     * @param training whether this is a training pass
     * @return the text features {@code [texts, embedDim]}, unit length
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a text does not fit the context
     *     length
     */
    public NDArray encodeTexts(
            ParameterStore parameterStore,
            NDManager manager,
            List<String> texts,
            boolean training) {
        return encodeIds(parameterStore, manager, tokenizer.tokenize(texts), training);
    }

    /**
     * Embeds class names through a template, L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns the result (on the model's device)
     * @param classNames the class names, used verbatim
     * @param template the prompt template
     * @param training whether this is a training pass
     * @return the class features {@code [classes, embedDim]}, unit length
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    @Override
    public NDArray encodeClassNames(
            ParameterStore parameterStore,
            NDManager manager,
            List<String> classNames,
            PromptTemplate template,
            boolean training) {
        return encodeTexts(parameterStore, manager, template.apply(classNames), training);
    }

    /**
     * Returns the temperature parameter.
     *
     * @return {@code logit_scale}
     */
    @Override
    public Parameter getLogitScale() {
        return clip.getLogitScale();
    }

    private NDArray encodeIds(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training) {
        NDArray idArray = manager.create(ids);
        return ClipModel.normalize(clip.encodeText(parameterStore, idArray, training));
    }

    /**
     * Returns the class text features, transposed for the logits: cached while the text side is
     * frozen, computed afresh otherwise.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns freshly computed features (on the model's device)
     * @param training whether this is a training pass
     * @return the normalised class features {@code [embedDim, C]}; a cached array belongs to this
     *     block: do not close it
     * @throws IllegalStateException if no class names are set
     */
    public NDArray classFeaturesTransposed(
            ParameterStore parameterStore, NDManager manager, boolean training) {
        int[][] ids;
        synchronized (this) {
            if (classIds == null) {
                throw new IllegalStateException(
                        "No class names: call setClassNames(...) before the forward pass");
            }
            ids = classIds;
            if (tuning.freezesText()) {
                if (cachedClassFeatures == null
                        || !cachedClassFeatures.getDevice().equals(manager.getDevice())
                        || cachedWeightsVersion != clip.getWeightsVersion()) {
                    dropCachedClassFeatures();
                    NDArray fresh = encodeIds(parameterStore, manager, ids, training).transpose();
                    cachedClassFeatures = fresh.stopGradient();
                    cachedClassFeatures.attach(cacheManager);
                    cachedWeightsVersion = clip.getWeightsVersion();
                }
                return cachedClassFeatures;
            }
        }
        return encodeIds(parameterStore, manager, ids, training).transpose();
    }

    private synchronized void dropCachedClassFeatures() {
        if (cachedClassFeatures != null) {
            cachedClassFeatures.close();
            cachedClassFeatures = null;
        }
    }

    /**
     * Tells whether class text features are cached right now (for tests and diagnostics).
     *
     * @return {@code true} if the next forward pass will reuse cached text features
     */
    public synchronized boolean hasCachedClassFeatures() {
        return cachedClassFeatures != null;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray video = encodeVideo(parameterStore, inputs.get(0), training);
        NDArray texts = classFeaturesTransposed(parameterStore, video.getManager(), training);
        NDArray scale = parameterStore.getValue(clip.getLogitScale(), video.getDevice(), training);
        return new NDList(ClipModel.logits(video, texts, scale));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classNames.size())};
    }

    /**
     * Returns the input shape to initialise this block with: one clip of one frame.
     *
     * @return {@code [1, 1, 3, imageSize, imageSize]}
     */
    public Shape initializationShape() {
        int size = getConfig().imageSize();
        return new Shape(1, 1, 3, size, size);
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        clip.initialize(manager, dataType, clip.initializationShapes());
        ensureCacheManager(manager);
    }

    /** {@inheritDoc} */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        super.loadParameters(manager, is);
        ensureCacheManager(manager);
        setTuning(tuning); // the loaded arrays need their gradient flags again
    }

    private synchronized void ensureCacheManager(NDManager manager) {
        if (cacheManager == null || !cacheManager.isOpen()) {
            cacheManager = manager.newSubManager();
        }
    }

    /**
     * Returns the live parameter arrays under OpenAI's names, for export.
     *
     * @return the state dict view of the CLIP model
     */
    @Override
    public Map<String, NDArray> stateDict() {
        return clip.stateDict();
    }

    /**
     * Loads weights under OpenAI's names into the CLIP model (see {@link
     * ClipModel#loadStateDict(Map, boolean)}) and drops cached text features.
     *
     * @param tensors the state dict under OpenAI names; the caller keeps ownership
     * @param strict whether anything short of an exact match is an error
     * @return what was loaded and what was not
     * @throws StateDictMismatchException if {@code strict} and the tensors do not match
     */
    @Override
    public LoadReport loadStateDict(Map<String, NDArray> tensors, boolean strict) {
        LoadReport report = clip.loadStateDict(tensors, strict);
        dropCachedClassFeatures();
        return report;
    }

    /** Builds a {@link ViFiClipBlock}. */
    public static final class Builder {

        private ClipConfig config;
        private long seed;
        private TuningMode tuning = TuningMode.BOTH;
        private PromptTemplate template = PromptTemplate.FINE_TUNE;
        private List<String> classNames;
        private ClipTokenizer tokenizer;

        Builder() {}

        /**
         * Sets the CLIP architecture.
         *
         * @param config a preset such as {@link ClipConfig#VIT_B_16} or a free-form configuration
         * @return this builder
         */
        public Builder setConfig(ClipConfig config) {
            this.config = config;
            return this;
        }

        /**
         * Sets the seed of the initial weights (0 by default).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets which parameters train ({@link TuningMode#BOTH} by default, the paper's ViFi-CLIP).
         *
         * @param tuning the tuning mode
         * @return this builder
         */
        public Builder optTuning(TuningMode tuning) {
            this.tuning = tuning;
            return this;
        }

        /**
         * Sets the prompt template ({@link PromptTemplate#FINE_TUNE} by default).
         *
         * @param template the template
         * @return this builder
         */
        public Builder optTemplate(PromptTemplate template) {
            this.template = template;
            return this;
        }

        /**
         * Sets the class names (they can also be set or changed later).
         *
         * @param classNames the names in label order
         * @return this builder
         */
        public Builder optClassNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /**
         * Sets the tokenizer (CLIP's shipped vocabulary with the configuration's context length by
         * default).
         *
         * @param tokenizer the tokenizer
         * @return this builder
         */
        public Builder optTokenizer(ClipTokenizer tokenizer) {
            this.tokenizer = tokenizer;
            return this;
        }

        /**
         * Builds the block, with initializers set but no arrays allocated yet.
         *
         * @return the block
         * @throws IllegalArgumentException if the configuration, tuning mode or template is
         *     missing, the tokenizer does not fit the configuration, or a class name is invalid
         */
        public ViFiClipBlock build() {
            if (config == null) {
                throw new IllegalArgumentException("setConfig(ClipConfig) is required");
            }
            if (tuning == null || template == null) {
                throw new IllegalArgumentException("tuning and template must not be null");
            }
            if (tokenizer == null) {
                tokenizer =
                        ClipTokenizer.builder().optContextLength(config.contextLength()).build();
            }
            if (tokenizer.getContextLength() != config.contextLength()) {
                throw new IllegalArgumentException(
                        "The tokenizer's context length "
                                + tokenizer.getContextLength()
                                + " differs from the model's "
                                + config.contextLength());
            }
            if (tokenizer.getVocabularySize() > config.vocabSize()) {
                throw new IllegalArgumentException(
                        "The tokenizer's "
                                + tokenizer.getVocabularySize()
                                + " ids do not fit the model's vocabulary of "
                                + config.vocabSize());
            }
            return new ViFiClipBlock(this);
        }
    }
}
