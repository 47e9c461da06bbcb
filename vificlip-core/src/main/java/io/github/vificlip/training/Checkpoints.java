/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.weights.SafetensorsChecksum;
import io.github.vificlip.weights.SafetensorsContent;
import io.github.vificlip.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training checkpoints of one output folder: {@code checkpoint-epoch-N.safetensors}, each a
 * single safetensors file written atomically (temporary file, fsync, rename), so that a crash never
 * leaves half a checkpoint, with the SHA-256 of its data ({@link SafetensorsChecksum}), verified on
 * resume: a damaged checkpoint is passed over for the newest intact one.
 *
 * <p>Tensors: {@code model/<name>} for every trained parameter, {@code optimizer/exp_avg/<name>}
 * and {@code optimizer/exp_avg_sq/<name>} for AdamW's moments. The {@code vificlip.checkpoint}
 * metadata entry is a JSON object with the epochs done, the next learning rate, the best metric,
 * AdamW's step per parameter, the recipe, the class names, the history and the provenance.
 */
final class Checkpoints {

    private static final Logger LOGGER = LoggerFactory.getLogger(Checkpoints.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-epoch-(\\d+)\\.safetensors");
    private static final String STATE_KEY = "vificlip.checkpoint";
    private static final int FORMAT_VERSION = 2;

    /** Format 1 counted epochs from 0 in its history and best epoch; format 2 counts from 1. */
    private static final int FIRST_ONE_BASED_FORMAT = 2;

    private static final String MODEL = "model/";
    private static final String EXP_AVG = "optimizer/exp_avg/";
    private static final String EXP_AVG_SQ = "optimizer/exp_avg_sq/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final int keep;

    Checkpoints(Path directory, int keep) {
        this.directory = directory;
        this.keep = keep;
    }

    /** The folder the checkpoints go to. */
    Path directory() {
        return directory;
    }

    /** Writes the checkpoint after {@code epochsDone} epochs and prunes older ones. */
    void write(
            int epochsDone,
            VideoClassificationBlock model,
            Map<String, Parameter> trainable,
            AdamW optimizer,
            RunState state,
            Recipe recipe,
            List<String> classNames,
            Map<String, String> provenance)
            throws IOException {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        trainable.forEach((name, parameter) -> tensors.put(MODEL + name, parameter.getArray()));
        ObjectNode steps = JSON.createObjectNode();
        optimizer
                .getStates()
                .forEach(
                        (name, moments) -> {
                            tensors.put(EXP_AVG + name, moments.expAvg());
                            tensors.put(EXP_AVG_SQ + name, moments.expAvgSq());
                            steps.put(name, moments.step());
                        });
        ObjectNode meta = JSON.createObjectNode();
        meta.put("formatVersion", FORMAT_VERSION);
        meta.put("epochsDone", state.epochsDone());
        meta.put("learningRate", state.learningRate());
        meta.put("bestTop1", state.bestTop1());
        meta.put("bestEpoch", state.bestEpoch());
        meta.set("optimizerSteps", steps);
        meta.set("recipe", Recipes.toJson(recipe));
        meta.set("classNames", JSON.valueToTree(classNames));
        meta.set("provenance", JSON.valueToTree(provenance));
        meta.set("history", historyJson(state.history()));
        Path file = directory.resolve(fileName(epochsDone));
        SafetensorsWriter.builder()
                .optMetadata(STATE_KEY, JSON.writeValueAsString(meta))
                .build()
                .write(file, tensors);
        LOGGER.info("Checkpoint written: {}", file);
        prune();
    }

    /**
     * Writes what the model exports (full weights under OpenAI names, or a prompted model's
     * prompts) with its export metadata and the run's provenance.
     */
    void writeModel(VideoClassificationBlock model, String name, Map<String, String> provenance)
            throws IOException {
        SafetensorsWriter.Builder writer = SafetensorsWriter.builder();
        provenance.forEach(writer::optMetadata);
        model.exportMetadata().forEach(writer::optMetadata);
        writer.build().write(directory.resolve(name), model.stateDict());
    }

    /**
     * Restores the newest intact checkpoint into the model and optimizer. Each checkpoint's
     * checksum is verified first; a damaged one (truncated, or data that differ from its checksum)
     * is skipped for the one before it, and the log says so.
     *
     * @return the run state, or empty when the folder has no checkpoint
     * @throws IOException if no checkpoint is intact, or the one found cannot be read or does not
     *     fit this run
     */
    Optional<RunState> resume(
            VideoClassificationBlock model, AdamW optimizer, Recipe recipe, List<String> classNames)
            throws IOException {
        List<Path> all = newestFirst();
        if (all.isEmpty()) {
            LOGGER.info("No checkpoint in {}: starting from epoch 1", directory);
            return Optional.empty();
        }
        List<String> damaged = new ArrayList<>();
        for (Path file : all) {
            SafetensorsChecksum.Check check = SafetensorsChecksum.verify(file);
            if (check.verdict() == SafetensorsChecksum.Verdict.DAMAGED) {
                LOGGER.warn(
                        "Checkpoint {} is damaged ({}): falling back to the one before it",
                        file,
                        check.detail());
                damaged.add(file.getFileName() + " (" + check.detail() + ")");
                continue;
            }
            if (check.verdict() == SafetensorsChecksum.Verdict.UNCHECKED) {
                LOGGER.warn("Checkpoint {} has no checksum: resuming from it unverified", file);
            }
            return Optional.of(load(file, model, optimizer, recipe, classNames));
        }
        throw new IOException(
                "No intact checkpoint in "
                        + directory
                        + ": "
                        + String.join("; ", damaged)
                        + ". Remove them to start afresh");
    }

    private RunState load(
            Path file,
            VideoClassificationBlock model,
            AdamW optimizer,
            Recipe recipe,
            List<String> classNames)
            throws IOException {
        NDArray any = model.getParameters().valueAt(0).getArray();
        try (NDManager scratch = any.getManager().newSubManager(any.getDevice())) {
            SafetensorsContent content = SafetensorsContent.read(file, scratch);
            JsonNode meta = checkedState(file, content, recipe, classNames);
            int epochShift = meta.path("formatVersion").asInt() < FIRST_ONE_BASED_FORMAT ? 1 : 0;
            restoreWeights(file, content, model);
            meta.get("optimizerSteps")
                    .fields()
                    .forEachRemaining(
                            entry -> {
                                String name = entry.getKey();
                                optimizer.restore(
                                        name,
                                        new AdamW.State(
                                                entry.getValue().asLong(),
                                                required(content, EXP_AVG + name),
                                                required(content, EXP_AVG_SQ + name)));
                            });
            RunState state =
                    new RunState(
                            meta.get("epochsDone").asInt(),
                            meta.get("learningRate").asDouble(),
                            meta.get("bestTop1").asDouble(),
                            meta.get("bestEpoch").asInt() + epochShift,
                            readHistory(meta.get("history"), epochShift));
            LOGGER.info("Resumed from {} after epoch {}", file, state.epochsDone());
            return state;
        }
    }

    /** Reads the checkpoint's state and checks that it fits this run (format, classes, recipe). */
    private static JsonNode checkedState(
            Path file, SafetensorsContent content, Recipe recipe, List<String> classNames)
            throws IOException {
        String stateJson = content.metadata().get(STATE_KEY);
        if (stateJson == null) {
            throw new IOException(file + " is not a training checkpoint (no " + STATE_KEY + ")");
        }
        JsonNode meta = JSON.readTree(stateJson);
        if (meta.path("formatVersion").asInt() > FORMAT_VERSION) {
            throw new IOException(
                    file
                            + " was written by a newer version (checkpoint format "
                            + meta.path("formatVersion").asInt()
                            + ")");
        }
        List<String> savedClasses =
                JSON.convertValue(meta.get("classNames"), new TypeReference<List<String>>() {});
        if (!savedClasses.equals(classNames)) {
            throw new IOException(
                    file
                            + " was trained on other classes ("
                            + savedClasses.size()
                            + " classes, starting "
                            + preview(savedClasses)
                            + "); this run has "
                            + classNames.size()
                            + " starting "
                            + preview(classNames));
        }
        warnAboutRecipeChanges(file, meta.get("recipe"), recipe);
        return meta;
    }

    /** Copies the saved trained parameters into the model, checking names and shapes. */
    private static void restoreWeights(
            Path file, SafetensorsContent content, VideoClassificationBlock model)
            throws IOException {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        content.tensors()
                .forEach(
                        (name, array) -> {
                            if (name.startsWith(MODEL)) {
                                weights.put(name.substring(MODEL.length()), array);
                            }
                        });
        Map<String, Parameter> trainable = model.trainableParameters();
        List<String> missing = new ArrayList<>(trainable.keySet());
        missing.removeAll(weights.keySet());
        if (!missing.isEmpty()) {
            throw new IOException(
                    file
                            + " lacks trained parameters of this model: "
                            + missing
                            + " (was it made with another tuning mode?)");
        }
        for (Map.Entry<String, Parameter> entry : trainable.entrySet()) {
            NDArray target = entry.getValue().getArray();
            NDArray saved = weights.get(entry.getKey());
            if (!saved.getShape().equals(target.getShape())) {
                throw new IOException(
                        file
                                + ": "
                                + entry.getKey()
                                + " has shape "
                                + saved.getShape()
                                + " but the model expects "
                                + target.getShape());
            }
            target.set(new NDIndex("..."), saved);
        }
    }

    private static NDArray required(SafetensorsContent content, String name) {
        NDArray array = content.tensors().get(name);
        if (array == null) {
            throw new IllegalStateException("The checkpoint lacks the tensor " + name);
        }
        return array;
    }

    private static void warnAboutRecipeChanges(Path file, JsonNode saved, Recipe recipe)
            throws IOException {
        // through text, as the saved side was: a long seed then reads back as the same int node
        JsonNode now = JSON.readTree(JSON.writeValueAsString(Recipes.toJson(recipe)));
        saved.fields()
                .forEachRemaining(
                        entry -> {
                            JsonNode current = now.get(entry.getKey());
                            if (current != null && !current.equals(entry.getValue())) {
                                LOGGER.warn(
                                        "Resuming {} with {} = {} (the checkpoint was made with"
                                                + " {}): the run will not match an uninterrupted"
                                                + " one",
                                        file.getFileName(),
                                        entry.getKey(),
                                        current,
                                        entry.getValue());
                            }
                        });
    }

    private static String preview(List<String> names) {
        return names.subList(0, Math.min(3, names.size())).toString();
    }

    /** The checkpoints, most epochs done first. */
    List<Path> newestFirst() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted((a, b) -> Integer.compare(epochOf(b), epochOf(a)))
                    .toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = newestFirst();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static int epochOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    static String fileName(int epochsDone) {
        return String.format(Locale.ROOT, "checkpoint-epoch-%d.safetensors", epochsDone);
    }

    private static JsonNode historyJson(TrainingHistory history) {
        ObjectNode node = JSON.createObjectNode();
        node.set("iterations", JSON.valueToTree(history.getIterations()));
        node.set("epochs", JSON.valueToTree(history.getEpochs()));
        node.set("unreadable", JSON.valueToTree(history.getUnreadable()));
        return node;
    }

    private static TrainingHistory readHistory(JsonNode node, int epochShift) {
        TrainingHistory history = new TrainingHistory();
        for (JsonNode iteration : node.get("iterations")) {
            TrainingHistory.Iteration read =
                    JSON.convertValue(iteration, TrainingHistory.Iteration.class);
            history.add(
                    new TrainingHistory.Iteration(
                            read.epoch() + epochShift,
                            read.iteration(),
                            read.loss(),
                            read.learningRate()));
        }
        for (JsonNode epoch : node.get("epochs")) {
            TrainingHistory.Epoch read = JSON.convertValue(epoch, TrainingHistory.Epoch.class);
            history.add(
                    new TrainingHistory.Epoch(
                            read.epoch() + epochShift,
                            read.meanLoss(),
                            read.learningRate(),
                            read.seconds(),
                            read.clipsPerSecond(),
                            read.top1(),
                            read.top5()));
        }
        for (JsonNode entry : node.path("unreadable")) {
            history.add(JSON.convertValue(entry, TrainingHistory.Unreadable.class));
        }
        return history;
    }
}
