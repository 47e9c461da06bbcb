/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.model.ClipTextTransformer;
import io.github.vificlip.model.DeepPrompts;
import io.github.vificlip.model.LoadReport;
import io.github.vificlip.model.ParameterValues;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.Scalars;
import io.github.vificlip.model.SeededInitializer;
import io.github.vificlip.model.StateDictMismatchException;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClipBlock;
import io.github.vificlip.model.VideoTextBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ViFi-CLIP model with learned vision and language prompts (bridge and prompt) as a DJL block:
 * input {@code [video [B,T,3,H,W]]}, output {@code [logits [B,C]]} for the class names set with
 * {@link #setClassNames}. The trainer and the evaluator work with it like with the fine-tuned
 * model.
 *
 * <pre>
 * video → frames + vision prompts (appended, deep ones replace the last n tokens) → image tower → mean over T
 * "X X … X {name}." → token embeddings, rows 1..n ← prompt_learner.ctx → text tower (deep prompts
 *     replace rows 1..n) → end-of-text token
 * logits = exp(logit_scale) · cos(video, class)
 * </pre>
 *
 * <p>Only the prompts can train: {@link TuningMode#PROMPTS} (the default) unfreezes them and keeps
 * every backbone weight frozen, {@code logit_scale} included; {@link TuningMode#NONE} freezes them
 * too and lets the class text features be computed once and reused. The parameters are named as in
 * the reference ({@code prompt_learner.ctx}, {@code visual.VPT}, {@code
 * visual.transformer.resblocks.N.VPT_shallow}, {@code transformer.resblocks.N.VPT_shallow}); {@link
 * #stateDict()} exports them and nothing else. Build one with {@link PromptLearner#attach}.
 */
public final class PromptedViFiClipBlock extends VideoTextBlock {

    private static final Logger LOG = LoggerFactory.getLogger(PromptedViFiClipBlock.class);
    private final PromptLearner learner;
    private final ViFiClipBlock backbone;
    private final Parameter textContext;
    private final List<Parameter> textDeep = new ArrayList<>();
    private final Parameter visionPrompts;
    private final List<Parameter> visionDeep = new ArrayList<>();
    private final Map<String, Parameter> prompts = new LinkedHashMap<>();

    PromptedViFiClipBlock(PromptLearner learner, ViFiClipBlock backbone) {
        this.learner = learner;
        this.backbone = backbone;
        ClipConfig config = backbone.getConfig();
        Map<String, Shape> shapes = learner.parameterShapes(config);
        shapes.forEach(
                (name, shape) -> {
                    Parameter parameter =
                            addParameter(
                                    Parameter.builder()
                                            .setName(name)
                                            .setType(Parameter.Type.WEIGHT)
                                            .optShape(shape)
                                            .optInitializer(
                                                    SeededInitializer.normal(
                                                            PromptLearner.INIT_STD,
                                                            seedOf(learner.seed(), name)))
                                            .build());
                    prompts.put(name, parameter);
                });
        textContext = prompts.get(PromptLearner.TEXT_CONTEXT);
        visionPrompts = prompts.get(PromptLearner.VISION_PROMPTS);
        for (int block = 1; block < learner.textDepth(); block++) {
            textDeep.add(prompts.get(PromptLearner.textDeepName(block)));
        }
        for (int block = 1; block < learner.visionDepth(); block++) {
            visionDeep.add(prompts.get(PromptLearner.visionDeepName(block)));
        }
        addChildBlock("backbone", backbone);
    }

    /** Mixes the learner's seed with the tensor's name, so each prompt has its own stream. */
    private static long seedOf(long seed, String name) {
        return seed * 0x9E3779B97F4A7C15L + name.hashCode();
    }

    /**
     * Returns the prompt learner's sizes.
     *
     * @return the learner this block was built from
     */
    public PromptLearner getLearner() {
        return learner;
    }

    /**
     * Returns the frozen model the prompts are attached to.
     *
     * @return the backbone block
     */
    public ViFiClipBlock getBackbone() {
        return backbone;
    }

    /**
     * Returns the CLIP model of the backbone.
     *
     * @return the backbone's towers and {@code logit_scale}
     */
    @Override
    public ClipModel getClip() {
        return backbone.getClip();
    }

    /**
     * Returns the prompt parameters under the reference's names, in the reference's order.
     *
     * @return an unmodifiable name → parameter map
     */
    public Map<String, Parameter> promptParameters() {
        return Collections.unmodifiableMap(prompts);
    }

    /**
     * Unfreezes the prompts ({@link TuningMode#PROMPTS}) or freezes them ({@link TuningMode#NONE});
     * the backbone stays frozen either way.
     *
     * @param tuning {@link TuningMode#PROMPTS} or {@link TuningMode#NONE}
     * @throws IllegalArgumentException for any other mode: bridge and prompt trains prompts only
     */
    @Override
    protected void applyTuning(TuningMode tuning) {
        if (tuning != TuningMode.PROMPTS && tuning != TuningMode.NONE) {
            throw new IllegalArgumentException(
                    "A prompted model trains its prompts only (PROMPTS) or nothing (NONE), not "
                            + tuning
                            + ": fine-tune the backbone without prompts instead");
        }
        backbone.setTuning(TuningMode.NONE);
        prompts.values().forEach(parameter -> parameter.freeze(tuning != TuningMode.PROMPTS));
    }

    /**
     * Returns the prompts while they train, under the reference's names.
     *
     * @return every prompt parameter in {@link TuningMode#PROMPTS}, none in {@link TuningMode#NONE}
     */
    @Override
    public Map<String, Parameter> trainableParameters() {
        return getTuning() == TuningMode.PROMPTS ? promptParameters() : Map.of();
    }

    /** The class prompts read "X X … X {name}.": the learner's template after the context. */
    @Override
    protected PromptTemplate classTemplate() {
        return learner.template();
    }

    /** The learner's template, whatever is asked: the learned context comes before it. */
    @Override
    protected PromptTemplate promptTemplate(PromptTemplate given) {
        return classTemplate();
    }

    /**
     * Sets the classes as {@link #setClassNames(List)} does, ignoring {@code template}: the class
     * prompts of a prompted model are the learned context followed by the learner's own template.
     *
     * @param classNames the names, in label order (class index = position)
     * @param template ignored
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    @Override
    public void setClassNames(List<String> classNames, PromptTemplate template) {
        setClassNames(classNames);
    }

    /** {@inheritDoc} */
    @Override
    protected int[][] tokenize(List<String> names, PromptTemplate template) {
        return backbone.getTokenizer().tokenize(learner.promptTexts(names, template));
    }

    /**
     * Embeds videos with the vision prompts: appended to every frame, deep ones replacing the last
     * tokens before blocks 1..depth−1; frame embeddings averaged over time, then L2-normalised.
     *
     * @param parameterStore the parameter store
     * @param video clips {@code [B, T, 3, imageSize, imageSize]}, already normalised
     * @param training whether this is a training pass
     * @return the video features {@code [B, embedDim]}, unit length
     * @throws IllegalArgumentException if {@code video} has the wrong shape
     */
    @Override
    public NDArray encodeVideo(ParameterStore parameterStore, NDArray video, boolean training) {
        Device device = video.getDevice();
        NDArray shallow =
                visionPrompts == null
                        ? null
                        : parameterStore.getValue(visionPrompts, device, training);
        DeepPrompts deep =
                DeepPrompts.replacingLast(values(parameterStore, visionDeep, device, training));
        return backbone.encodeVideo(parameterStore, video, shallow, deep, training);
    }

    /**
     * Embeds class prompts after the learned context: the context vectors in place of the X tokens,
     * deep text prompts replacing rows 1..n before blocks 1..depth−1.
     *
     * @param parameterStore the parameter store
     * @param manager the manager that owns the result (on the model's device)
     * @param ids the ids of "X X … X " then the template with the name
     * @param training whether this is a training pass
     * @return the class features {@code [classes, embedDim]}, unit length
     */
    @Override
    protected NDArray encodeIds(
            ParameterStore parameterStore, NDManager manager, int[][] ids, boolean training) {
        Device device = manager.getDevice();
        ClipTextTransformer text = backbone.getClip().getText();
        NDArray idArray = manager.create(ids);
        NDArray embeddings = text.embedTokens(parameterStore, idArray, training);
        if (textContext != null) {
            embeddings =
                    withContext(embeddings, parameterStore.getValue(textContext, device, training));
        }
        DeepPrompts deep =
                DeepPrompts.replacingAfterStart(values(parameterStore, textDeep, device, training));
        return ClipModel.normalize(
                text.encode(parameterStore, embeddings, idArray, deep, training));
    }

    /**
     * Puts the context vectors at positions 1..n of every prompt, as {@code VLPromptLearner} does.
     */
    private static NDArray withContext(NDArray embeddings, NDArray context) {
        Shape shape = embeddings.getShape();
        long classes = shape.get(0);
        long n = context.getShape().get(0);
        NDArray rows =
                Scalars.lift(context, embeddings).expandDims(0).broadcast(classes, n, shape.get(2));
        return NDArrays.concat(
                new NDList(embeddings.get(":, :1"), rows, embeddings.get(":, {}:", 1 + n)), 1);
    }

    private static List<NDArray> values(
            ParameterStore parameterStore,
            List<Parameter> parameters,
            Device device,
            boolean training) {
        List<NDArray> values = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            values.add(parameterStore.getValue(parameter, device, training));
        }
        return values;
    }

    /** {@inheritDoc} */
    @Override
    protected void initializeBackbone(NDManager manager, DataType dataType) {
        if (!backbone.isInitialized()) {
            backbone.initialize(manager, dataType, backbone.initializationShape());
        }
    }

    /**
     * Returns the live prompt arrays under the reference's names: what a prompted model exports (a
     * prompt-only file; the backbone's weights are the fine-tuned model's own).
     *
     * @return an unmodifiable name → array map in the reference's order
     * @throws IllegalStateException if the prompts are not initialised
     */
    @Override
    public Map<String, NDArray> stateDict() {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        prompts.forEach(
                (name, parameter) -> {
                    if (!parameter.isInitialized()) {
                        throw new IllegalStateException("The prompts are not initialised");
                    }
                    arrays.put(name, parameter.getArray());
                });
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * Returns the prompt file's description of these prompts (sizes, template, backbone) under
     * {@value PromptCheckpoint#METADATA_KEY}.
     *
     * @return one metadata entry
     */
    @Override
    public Map<String, String> exportMetadata() {
        return Map.of(
                PromptCheckpoint.METADATA_KEY,
                PromptCheckpoint.describe(learner, backbone.getConfig()));
    }

    /**
     * Copies prompt tensors into the prompts. Tensors that are not prompts (a prompting
     * checkpoint's backbone weights) are skipped and listed as ignored: the backbone loads them
     * through {@link io.github.vificlip.model.ViFiClip}. Drops cached text features.
     *
     * @param tensors tensors by name, e.g. a whole ViFi-CLIP prompting checkpoint read by {@link
     *     io.github.vificlip.weights.StateDicts}; the caller keeps ownership
     * @param strict whether a missing, unexpected or mis-shaped prompt tensor is an error
     * @return what was loaded and what was not
     * @throws StateDictMismatchException if {@code strict} and the prompt tensors do not match;
     *     nothing is changed then
     */
    @Override
    public synchronized LoadReport loadStateDict(Map<String, NDArray> tensors, boolean strict) {
        Map<String, NDArray> promptTensors = new LinkedHashMap<>();
        List<String> backboneTensors = new ArrayList<>();
        tensors.forEach(
                (name, array) -> {
                    if (TuningMode.isPromptParameter(name)) {
                        promptTensors.put(name, array);
                    } else {
                        backboneTensors.add(name);
                    }
                });
        LoadReport compared = LoadReport.compare(prompts, promptTensors);
        List<String> ignored = new ArrayList<>(compared.ignored());
        ignored.addAll(backboneTensors);
        LoadReport report =
                new LoadReport(
                        compared.loaded(),
                        compared.missing(),
                        compared.unexpected(),
                        compared.mismatched(),
                        ignored);
        if (!report.isComplete()) {
            if (strict) {
                throw new StateDictMismatchException("prompt learner (" + learner + ")", report);
            }
            LOG.warn("Loading prompts non-strictly: {}", report.describe());
        }
        for (String name : report.loaded()) {
            ParameterValues.assign(promptTensors.get(name), prompts.get(name).getArray());
        }
        weightsChanged();
        return report;
    }
}
