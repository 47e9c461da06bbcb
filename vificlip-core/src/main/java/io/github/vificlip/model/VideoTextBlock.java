/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every CLIP video model block shares: the class names and their token ids, the class text
 * features cached while the text side is frozen and their lifecycle, and the forward pass {@code
 * logits [B,C] = exp(logit_scale) · video · classesᵀ}. The fine-tuned model ({@link ViFiClipBlock})
 * and the prompted one (module vificlip-prompts) supply only what differs: how names become ids,
 * how ids and videos are embedded, and which parameters a {@link TuningMode} trains.
 *
 * <p>The cached features are dropped when the class names or the tuning mode change, and recomputed
 * when the CLIP weights or this block's own weights change ({@link #weightsChanged()}). Do not
 * change class names, tuning or weights while another thread runs a forward pass.
 */
public abstract class VideoTextBlock extends AbstractBlock implements VideoClassificationBlock {

    private static final byte VERSION = 1;

    /**
     * The most classes the text tower encodes in one pass when the features are cached: the
     * activations of a pass grow with the classes (for ViT-B/16, about 0.6 MB per class in the MLP
     * alone), so thousands of class names are encoded a slice at a time.
     */
    public static final int CLASSES_PER_PASS = 256;

    private final AtomicLong ownWeightsVersion = new AtomicLong();
    private TuningMode tuning;
    private List<String> classNames = List.of();
    private int[][] classIds;
    private NDManager cacheManager;
    private final ClassFeatureCache cache = new ClassFeatureCache(); // [E, C], normalised, detached

    /** Creates a block of this class's parameter file version. */
    protected VideoTextBlock() {
        super(VERSION);
    }

    /**
     * Returns the CLIP model whose towers and {@code logit_scale} this block runs.
     *
     * @return the CLIP model
     */
    public abstract ClipModel getClip();

    /**
     * Freezes and unfreezes parameters as {@code tuning} says.
     *
     * @param tuning the new mode, not null
     * @throws IllegalArgumentException if this block has nothing that mode trains
     */
    protected abstract void applyTuning(TuningMode tuning);

    /**
     * Returns the template class names go through in {@link #setClassNames(List)}.
     *
     * @return the template
     */
    protected abstract PromptTemplate classTemplate();

    /**
     * Turns class names into token ids, the way this block's class prompt reads.
     *
     * @param names the class names
     * @param template how a name becomes text
     * @return the ids {@code [names, contextLength]}
     */
    protected abstract int[][] tokenize(List<String> names, PromptTemplate template);

    /**
     * Embeds tokenised class prompts through the text tower, L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns the result
     * @param ids the ids {@code [classes, contextLength]}
     * @param training whether this is a training pass
     * @return the class features {@code [classes, embedDim]}, unit length
     */
    protected abstract NDArray encodeIds(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training);

    /**
     * Initialises the CLIP weights (and whatever else lies below this block).
     *
     * @param manager the manager of the parameters
     * @param dataType the data type of the parameters
     */
    protected abstract void initializeBackbone(NDManager manager, DataType dataType);

    /**
     * Returns the architecture.
     *
     * @return the CLIP configuration
     */
    public ClipConfig getConfig() {
        return getClip().getConfig();
    }

    /** {@inheritDoc} */
    @Override
    public Parameter getLogitScale() {
        return getClip().getLogitScale();
    }

    /** {@inheritDoc} */
    @Override
    public TuningMode getTuning() {
        return tuning;
    }

    /**
     * Freezes and unfreezes parameters as the mode says, and drops cached text features.
     *
     * @param tuning which parameters train
     * @throws IllegalArgumentException if {@code tuning} is null or this block has nothing that
     *     mode trains
     */
    @Override
    public synchronized void setTuning(TuningMode tuning) {
        if (tuning == null) {
            throw new IllegalArgumentException("tuning must not be null");
        }
        applyTuning(tuning);
        this.tuning = tuning;
        dropCachedClassFeatures();
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
     * Sets the classes through this block's class prompt (text features stay cached by prompt).
     *
     * @param classNames the names, in label order (class index = position)
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated,
     *     or two names give the same prompt tokens
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    @Override
    public synchronized void setClassNames(List<String> classNames) {
        checkClassNames(classNames);
        useClassNames(classNames, tokenize(classNames, classTemplate()));
    }

    /**
     * Makes {@code ids} the class prompts of {@code classNames} (cached text features are kept by
     * prompt, so another list's stay valid).
     *
     * @param classNames the names, already checked
     * @param ids their token ids
     * @throws IllegalArgumentException if two names give the same ids (their scores would tie)
     */
    protected final synchronized void useClassNames(List<String> classNames, int[][] ids) {
        ClassNames.checkDistinctPrompts(classNames, ids);
        this.classNames = List.copyOf(classNames);
        this.classIds = ids;
    }

    /**
     * Throws unless {@code classNames} is a non-empty list of distinct names, none null or blank
     * (only spaces and control characters).
     *
     * @param classNames the names to check
     * @throws IllegalArgumentException if the list is null or empty, or a name is null, blank or
     *     repeated; the message names the class and its position
     */
    public static void checkClassNames(List<String> classNames) {
        ClassNames.check(classNames);
    }

    /** {@inheritDoc} */
    @Override
    public NDArray encodeClassNames(
            ParameterStore parameterStore,
            NDManager manager,
            List<String> classNames,
            PromptTemplate template,
            boolean training) {
        return encodeIds(parameterStore, manager, tokenize(classNames, template), training);
    }

    /**
     * Returns the class text features, transposed for the logits: cached while the text side is
     * frozen ({@link TuningMode#freezesText()}), computed afresh otherwise.
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
        }
        return featuresOf(parameterStore, manager, ids, training);
    }

    /**
     * Returns the token ids of class prompts as {@link #setClassNames(List, PromptTemplate)} would
     * make them, without changing this block's classes: passed as the forward pass's second input
     * ({@code [C, contextLength]} int32), they score the videos against these classes instead. A
     * service can so serve several class lists from one model, concurrently; the features of the
     * last {@value ClassFeatureCache#LISTS} lists stay cached while the text side is frozen.
     *
     * @param classNames the names, in score order
     * @param template how a name becomes text, for blocks that take one (a prompted block uses its
     *     learned context and its learner's template)
     * @return the ids, one row per class
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated,
     *     or two names give the same prompt tokens
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    public int[][] classTokenIds(List<String> classNames, PromptTemplate template) {
        checkClassNames(classNames);
        int[][] ids = tokenize(classNames, promptTemplate(template));
        ClassNames.checkDistinctPrompts(classNames, ids);
        return ids;
    }

    /**
     * The template class prompts are made with when {@code given} is asked for: {@code given} by
     * default (this block's own when null); blocks whose class text is fixed return their own.
     *
     * @param given the template a caller asks for, or null
     * @return the template to use
     */
    protected PromptTemplate promptTemplate(PromptTemplate given) {
        return given != null ? given : classTemplate();
    }

    /**
     * Returns the class text features of prompts passed as ids ({@link #classTokenIds}, as the
     * forward pass's second input), transposed for the logits; cached while the text side is
     * frozen, like this block's own.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns freshly computed features (on the model's device)
     * @param ids the prompts' token ids, {@code [C, contextLength]}
     * @param training whether this is a training pass
     * @return the normalised class features {@code [embedDim, C]}; a cached array belongs to this
     *     block: do not close it
     * @throws IllegalArgumentException if {@code ids} is not {@code [C, contextLength]}
     */
    public NDArray classFeaturesTransposed(
            ParameterStore parameterStore, NDManager manager, NDArray ids, boolean training) {
        return featuresOf(parameterStore, manager, tokenIds(ids), training);
    }

    /** The features of these prompts, cached while the text side is frozen. */
    private NDArray featuresOf(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training) {
        synchronized (this) {
            if (tuning.freezesText()) {
                long version = getClip().getWeightsVersion() + ownWeightsVersion.get();
                NDArray cached = cache.get(ids, version, manager.getDevice());
                if (cached == null) {
                    cached = encodeInSlices(parameterStore, manager, ids, training).stopGradient();
                    cached.attach(cacheManager);
                    cache.put(ids, cached, version);
                }
                return cached;
            }
        }
        return encodeIds(parameterStore, manager, ids, training).transpose();
    }

    /**
     * Encodes frozen class text {@value #CLASSES_PER_PASS} classes at a time, each slice's
     * activations freed before the next; returns the features transposed, {@code [embedDim, C]}.
     */
    private NDArray encodeInSlices(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training) {
        if (ids.length <= CLASSES_PER_PASS) {
            return encodeIds(parameterStore, manager, ids, training).transpose();
        }
        NDList slices = new NDList();
        try {
            for (int start = 0; start < ids.length; start += CLASSES_PER_PASS) {
                int end = Math.min(ids.length, start + CLASSES_PER_PASS);
                try (NDManager pass = manager.newSubManager()) {
                    NDArray slice =
                            encodeIds(
                                    parameterStore,
                                    pass,
                                    Arrays.copyOfRange(ids, start, end),
                                    training);
                    slice.attach(manager);
                    slices.add(slice);
                }
            }
            return NDArrays.concat(slices, 0).transpose();
        } finally {
            slices.close();
        }
    }

    /**
     * Tells whether class text features are cached right now (for tests and diagnostics).
     *
     * @return {@code true} if the next forward pass may reuse cached text features
     */
    public synchronized boolean hasCachedClassFeatures() {
        return cache.contains(classIds);
    }

    /** Records that weights this block owns changed, and drops cached text features. */
    protected final synchronized void weightsChanged() {
        ownWeightsVersion.incrementAndGet();
        dropCachedClassFeatures();
    }

    private synchronized void dropCachedClassFeatures() {
        cache.clear();
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray video = encodeVideo(parameterStore, inputs.get(0), training);
        NDArray texts =
                inputs.size() > 1
                        ? classFeaturesTransposed(
                                parameterStore, video.getManager(), inputs.get(1), training)
                        : classFeaturesTransposed(parameterStore, video.getManager(), training);
        NDArray scale = parameterStore.getValue(getLogitScale(), video.getDevice(), training);
        return new NDList(ClipModel.logits(video, texts, scale));
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long classes = inputShapes.length > 1 ? inputShapes[1].get(0) : classNames.size();
        return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
    }

    /** The rows of a {@code [C, contextLength]} array of class prompt token ids. */
    private int[][] tokenIds(NDArray ids) {
        Shape shape = ids.getShape();
        int contextLength = getConfig().contextLength();
        if (shape.dimension() != 2 || shape.get(1) != contextLength || shape.get(0) < 1) {
            throw new IllegalArgumentException(
                    "Class prompt ids must be [classes, "
                            + contextLength
                            + "] (classTokenIds(...)), got "
                            + shape);
        }
        int[] flat = ids.toType(DataType.INT32, false).toIntArray();
        int[][] rows = new int[(int) shape.get(0)][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = Arrays.copyOfRange(flat, c * contextLength, (c + 1) * contextLength);
        }
        return rows;
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
        initializeBackbone(manager, dataType);
        ensureCacheManager(manager);
    }

    /** {@inheritDoc} */
    @Override
    public void loadParameters(NDManager manager, DataInputStream is)
            throws IOException, MalformedModelException {
        super.loadParameters(manager, is);
        ensureCacheManager(manager);
        setTuning(tuning); // the loaded arrays need their gradient flags again
        weightsChanged();
    }

    private synchronized void ensureCacheManager(NDManager manager) {
        if (cacheManager == null || !cacheManager.isOpen()) {
            cacheManager = manager.newSubManager();
        }
    }
}
