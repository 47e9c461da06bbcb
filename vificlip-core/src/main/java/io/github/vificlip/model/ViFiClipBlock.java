/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.github.vificlip.tokenizer.ClipTokenizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * with {@link #setClassNames}. The block trains under DJL's {@code Trainer} or any loop over {@code
 * forward}. The class names, their cache and the forward pass are {@link VideoTextBlock}'s.
 */
public final class ViFiClipBlock extends VideoTextBlock {

    private final ClipModel clip;
    private final ClipTokenizer tokenizer;
    private PromptTemplate template;

    ViFiClipBlock(ViFiClipSettings<?, ?> settings, List<String> classNames) {
        clip =
                addChildBlock(
                        "clip",
                        ClipModel.builder()
                                .setConfig(settings.config)
                                .optSeed(settings.seed)
                                .build());
        tokenizer = settings.tokenizer;
        template = settings.template;
        if (classNames != null) {
            setClassNames(classNames, settings.template);
        }
        setTuning(settings.tuning);
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
    @Override
    public ClipModel getClip() {
        return clip;
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
     * Freezes and unfreezes the CLIP parameters as the mode says (as {@code returnCLIP} in {@code
     * trainers/vificlip.py}).
     *
     * @param tuning which parameters train
     * @throws IllegalArgumentException for {@link TuningMode#PROMPTS}: a plain model has no prompts
     */
    @Override
    protected void applyTuning(TuningMode tuning) {
        if (tuning == TuningMode.PROMPTS) {
            throw new IllegalArgumentException(
                    "A plain ViFi-CLIP model has no prompts to train: attach a prompt learner"
                            + " (module vificlip-prompts) and tune that");
        }
        clip.namedParameters().forEach((name, parameter) -> parameter.freeze(!tuning.trains(name)));
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
     * Returns the template the class names went through.
     *
     * @return the template
     */
    public PromptTemplate getTemplate() {
        return template;
    }

    /** {@inheritDoc} */
    @Override
    protected PromptTemplate classTemplate() {
        return template;
    }

    /**
     * Sets the classes and the template they go through (text features stay cached by prompt).
     *
     * @param classNames the names, in label order (class index = position), used verbatim
     * @param template the prompt template, e.g. {@link PromptTemplate#FINE_TUNE} or {@link
     *     PromptTemplate#BARE}
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    @Override
    public synchronized void setClassNames(List<String> classNames, PromptTemplate template) {
        checkClassNames(classNames);
        if (template == null) {
            throw new IllegalArgumentException("template must not be null");
        }
        int[][] ids = tokenize(classNames, template);
        this.template = template;
        useClassNames(classNames, ids);
    }

    /** {@inheritDoc} */
    @Override
    protected int[][] tokenize(List<String> names, PromptTemplate template) {
        return tokenizer.tokenize(template.apply(names));
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

    /** {@inheritDoc} */
    @Override
    protected NDArray encodeIds(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training) {
        NDArray idArray = manager.create(ids);
        return ClipModel.normalize(clip.encodeText(parameterStore, idArray, training));
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeBackbone(NDManager manager, DataType dataType) {
        clip.initialize(manager, dataType, clip.initializationShapes());
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
        weightsChanged();
        return report;
    }

    /** Builds a {@link ViFiClipBlock}: the model's settings and, optionally, its class names. */
    public static final class Builder extends ViFiClipSettings<Builder, ViFiClipBlock> {

        private List<String> classNames;

        Builder() {
            super(TuningMode.BOTH);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
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
         * Creates the block, with initializers set but no arrays allocated yet.
         *
         * @param config the architecture
         * @param seed the seed of the initial weights
         * @return the block
         * @throws IllegalArgumentException if the tuning mode or template is missing, the tokenizer
         *     does not fit the configuration, or a class name is invalid
         */
        @Override
        protected ViFiClipBlock create(ClipConfig config, long seed) {
            validate();
            return new ViFiClipBlock(this, classNames);
        }
    }
}
