/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.weights.DroppedTensor;
import io.github.vificlip.weights.SafetensorsContent;
import io.github.vificlip.weights.SafetensorsWriter;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import io.github.vificlip.weights.TensorInfo;
import io.github.vificlip.weights.WeightsFormat;
import io.github.vificlip.weights.WeightsIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learned prompts read from a file, with the prompt learner they fit.
 *
 * <p>Two kinds of files hold prompts:
 *
 * <ul>
 *   <li><b>Prompt-only files</b> that this library writes ({@link #write}; a prompted training
 *       run's {@code model.safetensors}): safetensors with only the prompt tensors, fp32, under the
 *       reference's names ({@code prompt_learner.ctx}, {@code visual.VPT}, {@code
 *       visual.transformer.resblocks.N.VPT_shallow}, {@code transformer.resblocks.N.VPT_shallow}),
 *       and a {@value #METADATA_KEY} metadata entry: a JSON object with the sizes, the template,
 *       the init words, the seed and the backbone's architecture. A few hundred kilobytes for
 *       ViT-B/16; they load onto any model with the same backbone.
 *   <li><b>ViFi-CLIP prompting checkpoints</b> ({@code .pth}, written by the reference's {@code
 *       utils/tools.py epoch_saving}): {@code module.}-prefixed names with {@code
 *       prompt_learner.ctx}, {@code image_encoder.VPT} and the {@code VPT_shallow} tensors beside
 *       the frozen backbone, and the run's yacs {@code config}. Only the prompt tensors are read;
 *       the class-specific buffers {@code token_prefix} and {@code token_suffix} are dropped (they
 *       are rebuilt for the current class names), the backbone's weights are left to {@link
 *       io.github.vificlip.model.ViFiClip}. The config's {@code TRAINER.ViFi_CLIP} settings give
 *       the class text: with {@code CTX_INIT} set and {@code N_CTX_TEXT} ≤ 4 it is {@code CTX_INIT}
 *       then the name, else "X X … X" then the name. {@code VPT} and every {@code VPT_shallow}
 *       (both towers) are rounded to fp16, as the reference's forward pass rounds them ({@code
 *       .half()} in its {@code clip/model.py}); {@code prompt_learner.ctx} is kept as stored.
 * </ul>
 *
 * <p>Sizes come from the tensors' shapes (context rows, deep prompts for blocks 1..d−1) and must
 * agree with a checkpoint's config; the template and init words come from the metadata or the
 * config when there is one, the reference's defaults otherwise. Close the checkpoint to free its
 * arrays.
 */
public final class PromptCheckpoint implements AutoCloseable {

    /** The safetensors metadata entry that describes the prompts of a prompt-only file. */
    public static final String METADATA_KEY = "vificlip.prompts";

    private static final Logger LOG = LoggerFactory.getLogger(PromptCheckpoint.class);
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DEEP =
            Pattern.compile("(visual\\.)?transformer\\.resblocks\\.(\\d{1,9})\\.VPT_shallow");

    private final Path file;
    private final PromptLearner learner;
    private final StateDict weights;
    private final Map<String, NDArray> tensors;
    private final int backboneTensors;

    private PromptCheckpoint(
            Path file,
            PromptLearner learner,
            StateDict weights,
            Map<String, NDArray> tensors,
            int backboneTensors) {
        this.file = file;
        this.learner = learner;
        this.weights = weights;
        this.tensors = tensors;
        this.backboneTensors = backboneTensors;
    }

    /**
     * Reads the prompts of a file in any supported weights format; the data of other tensors is
     * never read.
     *
     * @param file a prompt-only file or a ViFi-CLIP prompting checkpoint
     * @param manager the manager under which the arrays are created (it sets the device)
     * @return the prompts and their learner; close it when done
     * @throws IOException if the file cannot be read, holds no prompts, or its prompts are not
     *     consistent (a deep prompt without its shallow one, a gap in the blocks, mixed shapes,
     *     sizes that its config contradicts); the message names the file and the tensors
     */
    public static PromptCheckpoint read(Path file, NDManager manager) throws IOException {
        WeightsIndex index = StateDicts.inspect(file);
        checkFloating(file, index);
        Map<String, Shape> shapes = new LinkedHashMap<>();
        int backbone = 0;
        for (TensorInfo tensor : index.tensors()) {
            if (TuningMode.isPromptParameter(tensor.name())) {
                shapes.put(tensor.name(), tensor.shape());
            } else {
                backbone++;
            }
        }
        if (shapes.isEmpty()) {
            throw new IOException(
                    file
                            + " holds no prompt tensors (prompt_learner.ctx, visual.VPT,"
                            + " ...VPT_shallow): it is not a prompt file or a prompting"
                            + " checkpoint");
        }
        JsonNode description = null;
        Optional<ReferencePromptConfig> config = Optional.empty();
        boolean reference = index.format() != WeightsFormat.SAFETENSORS;
        if (reference) {
            config = ReferencePromptConfig.read(file);
        } else {
            String text = SafetensorsContent.metadata(file).get(METADATA_KEY);
            if (text != null) {
                description = parse(file, text);
            }
        }
        PromptLearner learner = learnerOf(file, shapes, description, config);
        if (reference && config.isEmpty() && learner.textContext() > 0) {
            LOG.warn(
                    "{} has no ViFi-CLIP config entry: its class text is taken to be \"{}\"",
                    file,
                    learner.promptText("{name}", learner.template()));
        }
        StateDict weights = StateDicts.read(List.of(file), manager, TuningMode::isPromptParameter);
        try {
            Map<String, NDArray> tensors = new LinkedHashMap<>(weights.tensors());
            if (reference) {
                tensors.replaceAll(
                        (name, array) -> isHalvedPrompt(name) ? halfRounded(array) : array);
            }
            checkFinite(file, tensors, reference);
            return new PromptCheckpoint(
                    file, learner, weights, Collections.unmodifiableMap(tensors), backbone);
        } catch (IOException | RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** Refuses prompts stored as integers or booleans: prompts are learned floating values. */
    private static void checkFloating(Path file, WeightsIndex index) throws IOException {
        List<String> problems = new ArrayList<>();
        for (TensorInfo tensor : index.tensors()) {
            if (TuningMode.isPromptParameter(tensor.name()) && !tensor.storedType().isFloating()) {
                problems.add(tensor.name() + " is " + tensor.storedType());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(
                    file + ": prompts must be floating point, but " + String.join(", ", problems));
        }
    }

    /** Refuses NaN and infinite prompts, which would make every score NaN. */
    private static void checkFinite(Path file, Map<String, NDArray> tensors, boolean halved)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : tensors.entrySet()) {
            NDArray array = entry.getValue();
            try (NDArray nan = array.isNaN();
                    NDArray infinite = array.isInfinite();
                    NDArray bad = nan.logicalOr(infinite);
                    NDArray count = bad.countNonzero()) {
                long n = count.toType(DataType.INT64, false).getLong();
                if (n > 0) {
                    problems.add(entry.getKey() + " has " + n + " NaN or infinite values");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(
                    file
                            + ": "
                            + String.join(", ", problems)
                            + (halved
                                    ? " (as fp16, which the reference's forward pass casts VPT"
                                            + " prompts to)"
                                    : ""));
        }
    }

    /**
     * {@code VPT} and {@code VPT_shallow}: the tensors clip/model.py casts with {@code .half()}.
     */
    private static boolean isHalvedPrompt(String name) {
        return name.contains("VPT");
    }

    /** The values fp16 holds nearest to the array's (round to nearest even), as fp32. */
    private static NDArray halfRounded(NDArray array) {
        return array.toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false);
    }

    /**
     * Tells whether a weights file holds prompt tensors and nothing else (a prompt-only file), so
     * that it cannot serve as a model's weights.
     *
     * @param file a weights file in any supported format
     * @return {@code true} if every tensor is a prompt tensor
     * @throws IOException if the file cannot be read as weights
     */
    public static boolean holdsOnlyPrompts(Path file) throws IOException {
        List<TensorInfo> tensors = StateDicts.inspect(file).tensors();
        return !tensors.isEmpty()
                && tensors.stream().allMatch(t -> TuningMode.isPromptParameter(t.name()));
    }

    /**
     * Returns the weights files of the model that a file's prompts belong on, loaded the way the
     * reference's resume ({@code utils/tools.py load_checkpoint}) loads a prompting checkpoint: the
     * given files, then the prompts file itself when it holds a backbone besides its prompts (a
     * ViFi-CLIP prompting checkpoint holds the frozen model they were learned on) and is not among
     * them already. A prompt-only file adds nothing.
     *
     * @param weights the model's weights files, in load order (CLIP's weights first: ViFi-CLIP
     *     checkpoints lack the token embedding)
     * @param promptsFile the prompts file
     * @return the files to load the model from
     * @throws IOException if the prompts file cannot be read as weights
     * @throws IllegalArgumentException if the prompts file holds a backbone but no weights are
     *     given to complete it
     */
    public static List<Path> backboneWeights(List<Path> weights, Path promptsFile)
            throws IOException {
        if (holdsOnlyPrompts(promptsFile)) {
            return List.copyOf(weights);
        }
        Path prompts = promptsFile.toAbsolutePath().normalize();
        for (Path file : weights) {
            if (file.toAbsolutePath().normalize().equals(prompts)) {
                return List.copyOf(weights);
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException(
                    promptsFile
                            + " holds the backbone its prompts were learned on, without the token"
                            + " embedding (ViFi-CLIP checkpoints do not save it): give CLIP's"
                            + " weights (e.g. OpenAI's ViT-B-16.pt) as the model's weights, and"
                            + " this file's backbone is loaded over them");
        }
        List<Path> files = new ArrayList<>(weights);
        files.add(promptsFile);
        return List.copyOf(files);
    }

    /**
     * Writes a prompted model's prompts as a prompt-only file, atomically.
     *
     * @param file the target, replaced if it exists
     * @param block the prompted model
     * @param metadata further metadata entries (provenance), may be empty
     * @throws IOException if the file cannot be written; the target is then untouched
     */
    public static void write(Path file, PromptedViFiClipBlock block, Map<String, String> metadata)
            throws IOException {
        SafetensorsWriter.Builder writer = SafetensorsWriter.builder();
        metadata.forEach(writer::optMetadata);
        block.exportMetadata().forEach(writer::optMetadata);
        writer.build().write(file, block.stateDict());
    }

    /**
     * Returns the file read.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the learner whose prompts these are: sizes from the shapes, template and init words
     * from the file's description (the reference's defaults without one).
     *
     * @return the learner
     */
    public PromptLearner learner() {
        return learner;
    }

    /**
     * Returns the prompt tensors under the reference's names; those of a ViFi-CLIP checkpoint that
     * its forward pass casts to fp16 ({@code VPT}, {@code VPT_shallow}) come rounded to fp16.
     *
     * @return fp32 arrays owned by this checkpoint
     */
    public Map<String, NDArray> tensors() {
        return tensors;
    }

    /**
     * Returns how many tensors of the file are not prompts (a prompting checkpoint's backbone),
     * which were left unread.
     *
     * @return the count; 0 for a prompt-only file
     */
    public int backboneTensorCount() {
        return backboneTensors;
    }

    /**
     * Returns the tensors deliberately dropped from the file, such as a ViFi-CLIP checkpoint's
     * {@code token_prefix} and {@code token_suffix} buffers.
     *
     * @return the dropped tensors with their reasons
     */
    public List<DroppedTensor> dropped() {
        return weights.dropped();
    }

    /** Frees the arrays. */
    @Override
    public void close() {
        weights.close();
    }

    /** The JSON description of a learner's prompts on a backbone. */
    static String describe(PromptLearner learner, ClipConfig backbone) {
        ObjectNode node = JSON.createObjectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("textContext", learner.textContext());
        node.put("visionContext", learner.visionContext());
        node.put("textDepth", learner.textDepth());
        node.put("visionDepth", learner.visionDepth());
        node.put("template", learner.template().pattern());
        learner.initWords().ifPresent(words -> node.put("initWords", words));
        node.put("seed", learner.seed());
        node.set("backbone", JSON.valueToTree(backbone));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(Path file, String text) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": the " + METADATA_KEY + " metadata is not JSON", e);
        }
        if (!node.isObject()) {
            throw new IOException(
                    file
                            + ": the "
                            + METADATA_KEY
                            + " metadata must be a JSON object, found "
                            + node.getNodeType());
        }
        if (node.has("formatVersion") && !node.get("formatVersion").isIntegralNumber()) {
            throw new IOException(
                    file
                            + ": the "
                            + METADATA_KEY
                            + " formatVersion must be an integer, found "
                            + node.get("formatVersion"));
        }
        if (node.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new IOException(
                    file
                            + " was written by a newer version (prompt format "
                            + node.path("formatVersion").asInt()
                            + ")");
        }
        return node;
    }

    /** The learner the prompt shapes describe, with the class text of the description or config. */
    private static PromptLearner learnerOf(
            Path file,
            Map<String, Shape> shapes,
            JsonNode description,
            Optional<ReferencePromptConfig> config)
            throws IOException {
        Shape context = shapes.get(PromptLearner.TEXT_CONTEXT);
        Shape vision = shapes.get(PromptLearner.VISION_PROMPTS);
        TreeSet<Integer> textBlocks = new TreeSet<>();
        TreeSet<Integer> visionBlocks = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        collectDeepBlocks(shapes, context, vision, textBlocks, visionBlocks, problems);
        int textDepth = depth("text", context, PromptLearner.TEXT_CONTEXT, textBlocks, problems);
        int visionDepth =
                depth("vision", vision, PromptLearner.VISION_PROMPTS, visionBlocks, problems);
        for (Shape shape : new Shape[] {context, vision}) {
            if (shape != null && (shape.dimension() != 2 || shape.get(0) < 1)) {
                problems.add(
                        "prompts must be [tokens, width] with 1 or more tokens, found " + shape);
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(
                    file
                            + ": the prompt tensors are not consistent: "
                            + String.join("; ", problems));
        }
        PromptLearner.Builder builder =
                PromptLearner.builder()
                        .setTextContext(context == null ? 0 : Math.toIntExact(context.get(0)))
                        .setVisionContext(vision == null ? 0 : Math.toIntExact(vision.get(0)))
                        .optTextDepth(textDepth)
                        .optVisionDepth(visionDepth);
        return agreeingWithConfig(file, builder, description, config);
    }

    /**
     * Sorts the deep prompts' block numbers into their tower's set, noting each whose shape differs
     * from its tower's shallow prompt and each tensor that is no known prompt.
     */
    private static void collectDeepBlocks(
            Map<String, Shape> shapes,
            Shape context,
            Shape vision,
            TreeSet<Integer> textBlocks,
            TreeSet<Integer> visionBlocks,
            List<String> problems) {
        for (Map.Entry<String, Shape> entry : shapes.entrySet()) {
            String name = entry.getKey();
            Matcher deep = DEEP.matcher(name);
            if (deep.matches()) {
                boolean isVision = deep.group(1) != null;
                (isVision ? visionBlocks : textBlocks).add(Integer.parseInt(deep.group(2)));
                Shape shallow = isVision ? vision : context;
                if (shallow != null && !entry.getValue().equals(shallow)) {
                    problems.add(
                            name
                                    + " has shape "
                                    + entry.getValue()
                                    + " but "
                                    + (isVision
                                            ? PromptLearner.VISION_PROMPTS
                                            : PromptLearner.TEXT_CONTEXT)
                                    + " has "
                                    + shallow);
                }
            } else if (!name.equals(PromptLearner.TEXT_CONTEXT)
                    && !name.equals(PromptLearner.VISION_PROMPTS)) {
                problems.add("unknown prompt tensor " + name);
            }
        }
    }

    /**
     * Sets the template, init words and seed of a prompt-only file's description, if any.
     *
     * @throws IllegalArgumentException if an entry has the wrong type or the template no {@code {}}
     */
    private static void applyDescription(PromptLearner.Builder builder, JsonNode description) {
        if (description == null) {
            return;
        }
        if (description.hasNonNull("template")) {
            builder.optTemplate(PromptTemplate.of(text(description, "template")));
        }
        if (description.hasNonNull("initWords")) {
            builder.optInitWords(text(description, "initWords"));
        }
        if (description.hasNonNull("seed")) {
            JsonNode seed = description.get("seed");
            if (!seed.canConvertToExactIntegral() || !seed.canConvertToLong()) {
                throw new IllegalArgumentException(
                        "the " + METADATA_KEY + " seed must be an integer, found " + seed);
            }
            builder.optSeed(seed.asLong());
        }
    }

    private static String text(JsonNode description, String key) {
        JsonNode value = description.get(key);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(
                    "the " + METADATA_KEY + " " + key + " must be a string, found " + value);
        }
        return value.asText();
    }

    /** Lists how the sizes a description states disagree with those of the tensors. */
    private static List<String> descriptionDisagreements(
            JsonNode description, PromptLearner learner) {
        List<String> problems = new ArrayList<>();
        if (description == null) {
            return problems;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("textContext", learner.textContext());
        sizes.put("visionContext", learner.visionContext());
        sizes.put("textDepth", learner.textDepth());
        sizes.put("visionDepth", learner.visionDepth());
        sizes.forEach(
                (key, tensors) -> {
                    JsonNode stated = description.get(key);
                    if (stated != null
                            && !(stated.isIntegralNumber() && stated.asLong() == tensors)) {
                        problems.add(
                                "metadata "
                                        + key
                                        + " is "
                                        + stated
                                        + " but the tensors give "
                                        + tensors);
                    }
                });
        return problems;
    }

    /**
     * Builds the learner, refusing sizes that a checkpoint's config contradicts and taking the
     * config's init words when there is one.
     */
    private static PromptLearner agreeingWithConfig(
            Path file,
            PromptLearner.Builder builder,
            JsonNode description,
            Optional<ReferencePromptConfig> config)
            throws IOException {
        try {
            applyDescription(builder, description);
            PromptLearner learner = builder.build();
            List<String> stated = descriptionDisagreements(description, learner);
            if (!stated.isEmpty()) {
                throw new IOException(
                        file
                                + ": the prompt tensors do not match the "
                                + METADATA_KEY
                                + " metadata: "
                                + String.join("; ", stated));
            }
            if (config.isEmpty()) {
                return learner;
            }
            List<String> disagreements = config.get().disagreements(learner);
            if (!disagreements.isEmpty()) {
                throw new IOException(
                        file
                                + ": the prompt tensors do not match the checkpoint's config: "
                                + String.join("; ", disagreements));
            }
            return builder.optInitWords(config.get().initWords().orElse(null)).build();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Depth 1 + number of deep prompts, which must be blocks 1..d−1 with a shallow prompt. */
    private static int depth(
            String tower,
            Shape shallow,
            String shallowName,
            TreeSet<Integer> blocks,
            List<String> problems) {
        if (blocks.isEmpty()) {
            return 1;
        }
        if (shallow == null) {
            problems.add(tower + " deep prompts " + blocks + " without " + shallowName);
        }
        if (blocks.first() != 1 || blocks.last() != blocks.size()) {
            problems.add(
                    tower
                            + " deep prompts must cover blocks 1.."
                            + blocks.last()
                            + " without gaps, found blocks "
                            + blocks);
        }
        return blocks.last() + 1;
    }
}
