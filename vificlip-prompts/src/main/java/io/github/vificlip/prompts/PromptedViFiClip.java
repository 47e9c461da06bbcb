/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.LoadReport;
import io.github.vificlip.model.ParameterValues;
import io.github.vificlip.model.StateDictMismatchException;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.model.ViFiClipBlock;
import io.github.vificlip.model.VideoClassifier;
import io.github.vificlip.tokenizer.ClipTokenizer;
import io.github.vificlip.tokenizer.ShownText;
import io.github.vificlip.tokenizer.TextTooLongException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ViFi-CLIP model with learned prompts: "bridge and prompt". The backbone (typically fine-tuned
 * on Kinetics-400, the bridge) stays frozen; only the prompts of a {@link PromptLearner} train.
 *
 * <pre>{@code
 * // learn prompts on a fine-tuned model
 * try (ViFiClip model = ViFiClip.builder().optWeights(openAiPt, fineTunedPth).build();
 *         PromptedViFiClip prompted = PromptLearner.fewShot().attach(model)) {
 *     ViFiClipTrainer.builder().optRecipe(Recipes.get("few-shot-prompt")).optOutputDirectory(out)
 *             .build().fit(prompted.getBlock(), train, classNames);
 *     prompted.savePrompts(out.resolve("prompts.safetensors"));
 * }
 *
 * // classify with learned prompts (a prompt-only file or a released prompting checkpoint)
 * try (ViFiClip model = ViFiClip.builder().optWeights(openAiPt, fineTunedPth).build();
 *         PromptedViFiClip prompted = PromptedViFiClip.load(model, promptsFile);
 *         VideoClassifier classifier = prompted.classifier(List.of("brush_hair", "cartwheel"))) {
 *     Classifications result = classifier.classify(clip);
 * }
 * }</pre>
 *
 * <p>The prompts live in a child of the backbone's memory, on its device; closing this object frees
 * them (closing the backbone frees them too) and leaves the backbone usable. Calls are thread-safe
 * as the backbone's are.
 */
public final class PromptedViFiClip implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptedViFiClip.class);

    private final ViFiClip backbone;
    private final PromptedViFiClipBlock block;
    private final NDManager manager;

    private PromptedViFiClip(ViFiClip backbone, PromptedViFiClipBlock block, NDManager manager) {
        this.backbone = backbone;
        this.block = block;
        this.manager = manager;
    }

    /** Builds, initialises and attaches fresh prompts (see {@link PromptLearner#attach}). */
    static PromptedViFiClip attach(PromptLearner learner, ViFiClip model) {
        ViFiClipBlock backbone = model.getBlock();
        learner.checkFits(model.getConfig());
        checkClassTextFits(learner, backbone.getTokenizer());
        int[] initIds = initWordIds(learner, backbone);
        NDManager manager = model.getModel().getNDManager().newSubManager();
        try {
            PromptedViFiClipBlock block = new PromptedViFiClipBlock(learner, backbone);
            block.initialize(manager, DataType.FLOAT32, backbone.initializationShape());
            if (initIds != null) {
                startContextFrom(block, initIds, manager);
            }
            block.setTuning(TuningMode.PROMPTS);
            LOG.debug(
                    "Attached prompts ({}) to {}: {} values",
                    learner,
                    model.getConfig().name(),
                    learner.parameterCount(model.getConfig()));
            return new PromptedViFiClip(model, block, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The token ids at positions 1..n of the tokenised init words, as the reference's {@code
     * VLPromptLearner} takes them ({@code embedding[0, 1:1 + n_ctx]}): the words' first n tokens,
     * then the end token and padding when the words make fewer.
     */
    private static int[] initWordIds(PromptLearner learner, ViFiClipBlock backbone) {
        if (learner.initWords().isEmpty()) {
            return null;
        }
        int[] ids;
        try {
            ids = backbone.getTokenizer().tokenize(learner.initWords().get());
        } catch (TextTooLongException e) {
            throw new IllegalArgumentException(
                    "The init words (CTX_INIT) need "
                            + e.getTokenCount()
                            + " tokens with the start and end tokens, but the context length is "
                            + e.getContextLength()
                            + ": \""
                            + ShownText.of(learner.initWords().get(), 60)
                            + '"',
                    e);
        }
        return Arrays.copyOfRange(ids, 1, 1 + learner.textContext());
    }

    /** Refuses a class text (context words, template) that leaves no token for a class name. */
    private static void checkClassTextFits(PromptLearner learner, ClipTokenizer tokenizer) {
        String text = learner.promptText("", learner.template());
        // start token, the text, at least one token of the name, end token
        int tokens = tokenizer.encode(text).length + 3;
        if (tokens > tokenizer.getContextLength()) {
            throw new IllegalArgumentException(
                    "The class text \""
                            + ShownText.of(text, 60)
                            + "\" leaves no room for class names in "
                            + tokenizer.getContextLength()
                            + " tokens");
        }
    }

    /** The reference's init: the context starts as the init words' token embeddings. */
    private static void startContextFrom(
            PromptedViFiClipBlock block, int[] ids, NDManager manager) {
        NDArray table = block.getBackbone().getClip().getText().getTokenEmbedding().getArray();
        long[] rows = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = ids[i];
        }
        try (NDManager scratch = manager.newSubManager();
                NDArray embeddings = table.get(scratch.create(rows))) {
            ParameterValues.assign(
                    embeddings,
                    block.promptParameters().get(PromptLearner.TEXT_CONTEXT).getArray());
        }
    }

    /**
     * Attaches the prompts of a file to a model: the learner's sizes come from the file (a
     * prompt-only file or a ViFi-CLIP prompting checkpoint, see {@link PromptCheckpoint}).
     *
     * @param model the backbone the prompts were learned on, or one with the same architecture
     * @param promptsFile the prompts
     * @return the prompted model; close it when done
     * @throws IOException if the file cannot be read or holds no consistent prompts
     * @throws StateDictMismatchException if the prompts do not fit the model (another width); the
     *     message names each tensor with its expected and found shape
     * @throws IllegalArgumentException if the prompts are deeper than the model's towers, or their
     *     init words or class text do not fit its context; the message names the file
     */
    public static PromptedViFiClip load(ViFiClip model, Path promptsFile) throws IOException {
        try (NDManager reading = model.getModel().getNDManager().newSubManager();
                PromptCheckpoint checkpoint = PromptCheckpoint.read(promptsFile, reading)) {
            PromptedViFiClip prompted;
            try {
                prompted = attach(checkpoint.learner(), model);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(promptsFile + ": " + e.getMessage(), e);
            }
            try {
                prompted.load(checkpoint);
                return prompted;
            } catch (RuntimeException e) {
                prompted.close();
                throw e;
            }
        }
    }

    /**
     * Returns the frozen backbone.
     *
     * @return the model the prompts are attached to
     */
    public ViFiClip getBackbone() {
        return backbone;
    }

    /**
     * Returns the prompt learner's sizes.
     *
     * @return the learner
     */
    public PromptLearner getLearner() {
        return block.getLearner();
    }

    /**
     * Returns the prompted block, for the trainer, the evaluator and training loops.
     *
     * @return the block
     */
    public PromptedViFiClipBlock getBlock() {
        return block;
    }

    /**
     * Returns the backbone's architecture.
     *
     * @return the CLIP configuration
     */
    public ClipConfig getConfig() {
        return backbone.getConfig();
    }

    /**
     * Returns a classifier for these classes with the learned prompts: "X X … X {name}." through
     * the text tower, the vision prompts in every frame. The class features are computed once.
     *
     * @param classNames the class names in label order; underscores become spaces
     * @return a classifier; close it to free its text features
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated
     */
    public VideoClassifier classifier(List<String> classNames) {
        return backbone.classifier(block, classNames, getLearner().template());
    }

    /**
     * Embeds videos with the vision prompts, L2-normalised.
     *
     * @param clips {@code [B, T, 3, H, W]}, or one clip {@code [T, 3, H, W]}
     * @return one unit-length row of {@code embedDim} values per clip
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] videoEmbeddings(NDArray clips) {
        return backbone.videoEmbeddings(block, clips);
    }

    /**
     * Embeds class names through the learned text context, L2-normalised: the features a classifier
     * compares videos with.
     *
     * @param classNames the class names; underscores become spaces
     * @return one unit-length row of {@code embedDim} values per class
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    public float[][] classEmbeddings(List<String> classNames) {
        return backbone.classEmbeddings(block, classNames, getLearner().template());
    }

    /**
     * Replaces the prompts with those of a file (a prompt-only file or a ViFi-CLIP prompting
     * checkpoint); the file's prompts must have this learner's sizes.
     *
     * @param file the prompts
     * @return what was loaded; the backbone tensors of a prompting checkpoint are listed as ignored
     * @throws IOException if the file cannot be read or holds no consistent prompts
     * @throws StateDictMismatchException if the file's prompts do not match these; nothing is
     *     changed then
     */
    public LoadReport loadPrompts(Path file) throws IOException {
        try (NDManager reading = manager.newSubManager();
                PromptCheckpoint checkpoint = PromptCheckpoint.read(file, reading)) {
            return load(checkpoint);
        }
    }

    private LoadReport load(PromptCheckpoint checkpoint) {
        PromptLearner mine = getLearner();
        PromptLearner theirs = checkpoint.learner();
        String example = "{name}";
        String theirText = theirs.promptText(example, theirs.template());
        String myText = mine.promptText(example, mine.template());
        LoadReport report = block.loadStateDict(checkpoint.tensors(), true);
        if (!theirText.equals(myText)) {
            LOG.warn(
                    "{} was learned with the class text \"{}\"; this model uses \"{}\"",
                    checkpoint.file(),
                    theirText,
                    myText);
        }
        if (checkpoint.backboneTensorCount() == 0) {
            LOG.info("Loaded {} prompt tensors from {}", report.loaded().size(), checkpoint.file());
        } else {
            LOG.info(
                    "Loaded {} prompt tensors from {}; its {} backbone tensors belong in the"
                            + " model's weights (PromptCheckpoint.backboneWeights)",
                    report.loaded().size(),
                    checkpoint.file(),
                    checkpoint.backboneTensorCount());
        }
        return report;
    }

    /**
     * Writes the prompts as a prompt-only safetensors file (see {@link PromptCheckpoint}),
     * atomically.
     *
     * @param file the target, replaced if it exists
     * @throws IOException if the file cannot be written; the target is then untouched
     */
    public void savePrompts(Path file) throws IOException {
        savePrompts(file, Map.of());
    }

    /**
     * Writes the prompts as a prompt-only safetensors file with further metadata (provenance).
     *
     * @param file the target, replaced if it exists
     * @param metadata metadata entries to record beside the prompts' description
     * @throws IOException if the file cannot be written; the target is then untouched
     */
    public void savePrompts(Path file, Map<String, String> metadata) throws IOException {
        PromptCheckpoint.write(file, block, metadata);
    }

    /** Frees the prompts; the backbone stays usable. */
    @Override
    public void close() {
        manager.close();
    }
}
