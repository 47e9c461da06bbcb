/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.github.vificlip.io.OutputLock;
import io.github.vificlip.loading.ClipBatch;
import io.github.vificlip.loading.LoggingProgress;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.ViFiClipBlock;
import io.github.vificlip.model.VideoClassificationBlock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Trains a ViFi-CLIP model with a {@link Recipe} (the reference's {@code main.py}): AdamW (β
 * 0.9/0.98, ε 1e-8, decoupled decay on every trained parameter), the per-iteration cosine schedule
 * with linear warm-up, soft-target cross-entropy on Mixup/CutMix targets with label smoothing,
 * gradient accumulation, and evaluation with multi-view scoring. Frozen parameters are never
 * touched.
 *
 * <pre>{@code
 * ViFiClipTrainer trainer = ViFiClipTrainer.builder()
 *         .optRecipe(Recipes.get("few-shot-finetune").toBuilder().optEpochs(2).build())
 *         .optOutputDirectory(Path.of("runs/hmdb-16-shot"))
 *         .addListener(new TrainingCharts())
 *         .build();
 * TrainingResult result = trainer.fit(model.getBlock(), train, classNames, validation, classNames);
 * }</pre>
 *
 * <p>The trainer is a loop plus {@link TrainingListener}s. The loop reads records one by one in a
 * seeded order and batches them by the recipe, whole batches only (the reference drops the last
 * incomplete batch); every random draw derives from the seed and the epoch, so a run resumed from
 * its checkpoint computes exactly what an uninterrupted run would. Several devices split every
 * batch (data parallel: gradients summed on the first device, which updates and copies). Everything
 * else is a listener, in this order: the divergence check, validation ({@code eval-epoch-N.json},
 * {@code best.safetensors}), the epoch's log line, checkpoints ({@code
 * checkpoint-epoch-N.safetensors}, then {@code model.safetensors}), the history files ({@code
 * history.json}, {@code epochs.csv}), then those added to the builder, such as {@link
 * io.github.vificlip.report.TrainingCharts}. A fine-tuned {@link ViFiClipBlock}'s class names go
 * through the recipe's {@code template}; a prompted block's learner carries its own.
 */
public final class ViFiClipTrainer {

    static {
        DjlDefaults.apply();
    }

    private final Recipe recipe;
    private final Device[] devices;
    private final Path outputDirectory;
    private final int evaluationFrequency;
    private final boolean resume;
    private final int workers;
    private final Progress progress;
    private final Map<String, String> provenance;
    private final int keepCheckpoints;
    private final List<TrainingListener> listeners;

    private ViFiClipTrainer(Builder builder) {
        this.recipe = builder.recipe;
        this.devices = builder.devices;
        this.outputDirectory = builder.outputDirectory;
        this.evaluationFrequency =
                builder.evaluationFrequency > 0
                        ? builder.evaluationFrequency
                        : recipe.saveFrequency();
        this.resume = builder.resume;
        this.workers = builder.workers;
        this.progress = builder.progress;
        this.provenance = Map.copyOf(builder.provenance);
        this.keepCheckpoints = builder.keepCheckpoints;
        this.listeners = List.copyOf(builder.listeners);
    }

    /**
     * Returns a builder holding the reference's defaults (the few-shot fine-tuning recipe).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains without validation.
     *
     * @param model the model to train, on the first training device
     * @param train records {@code [video [T,3,H,W]], [label]}
     * @param classNames the training class names in label order
     * @return what the run measured
     * @throws IOException if a record, checkpoint or output file cannot be read or written
     */
    public TrainingResult fit(
            VideoClassificationBlock model, RandomAccessDataset train, List<String> classNames)
            throws IOException {
        return fit(model, train, classNames, null, null);
    }

    /**
     * Trains, evaluating every {@code evaluationFrequency} epochs and after the last one.
     *
     * @param model the model to train, on the first training device
     * @param train records {@code [video [T,3,H,W]], [label]}
     * @param classNames the training class names in label order
     * @param validation records {@code [video [V·T,3,H,W]], [label]}, or null
     * @param validationClassNames the validation class names, or null for the training ones
     * @return what the run measured
     * @throws IOException if a record, checkpoint or output file cannot be read or written, or
     *     another run holds the output folder ({@link OutputLock})
     * @throws IllegalArgumentException if the dataset holds fewer records than one batch, or a
     *     dataset does not fit the recipe (frames, batch size) or its class names; checked before
     *     the first step
     * @throws IllegalStateException if the loss stops being a finite number
     */
    public TrainingResult fit(
            VideoClassificationBlock model,
            RandomAccessDataset train,
            List<String> classNames,
            RandomAccessDataset validation,
            List<String> validationClassNames)
            throws IOException {
        List<String> validationNames =
                validationClassNames != null ? validationClassNames : classNames;
        try (OutputLock lock = OutputLock.acquire(outputDirectory, "training")) {
            int iterations = DatasetChecks.iterationsPerEpoch(train, recipe, devices.length);
            try (NDManager probe = managerOf(model)) {
                DatasetChecks.all(train, classNames, validation, validationNames, recipe, probe);
            }
            Map<String, Parameter> trainable = prepare(model, classNames);
            List<TrainingListener> all = new ArrayList<>(List.of(new DivergenceCheck()));
            if (validation != null) {
                all.add(
                        new ValidationListener(
                                validation,
                                validationNames,
                                evaluationFrequency,
                                ValidationListener.evaluator(recipe, workers, progress)));
            }
            all.addAll(List.of(new EpochLog(), new CheckpointListener(), new HistoryFiles()));
            all.addAll(listeners);
            return train(model, trainable, train, classNames, iterations, all);
        }
    }

    private TrainingResult train(
            VideoClassificationBlock model,
            Map<String, Parameter> trainable,
            RandomAccessDataset train,
            List<String> classNames,
            int iterations,
            List<TrainingListener> listeners)
            throws IOException {
        CosineWarmupSchedule schedule = TrainingLoop.schedule(recipe, iterations);
        NDManager root = managerOf(model);
        ExecutorService pool = Executors.newFixedThreadPool(workers, ClipBatch::loaderThread);
        try (root;
                AdamW optimizer =
                        AdamW.builder()
                                .optBetas(recipe.beta1(), recipe.beta2())
                                .optEpsilon(recipe.epsilon())
                                .optWeightDecay(recipe.weightDecay())
                                .build(root)) {
            Checkpoints checkpoints = new Checkpoints(outputDirectory, keepCheckpoints);
            RunState state = RunState.start(schedule.initialLearningRate());
            if (resume) {
                state = checkpoints.resume(model, optimizer, recipe, classNames).orElse(state);
            }
            TrainingContext run =
                    new TrainingContext(
                            model,
                            recipe,
                            classNames,
                            provenance,
                            trainable,
                            optimizer,
                            checkpoints,
                            state);
            DataParallelStep step =
                    new DataParallelStep(
                            model, trainable, optimizer, root, devices, recipe, classNames.size());
            new TrainingLoop(run, listeners, step, schedule, progress)
                    .run(train, iterations, devices.length, root, pool);
            return new TrainingResult(
                    run.getHistory(), run.getBestTop1(), run.getBestEpoch(), outputDirectory);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sets what trains and the class names (through the recipe's template). */
    private Map<String, Parameter> prepare(
            VideoClassificationBlock model, List<String> classNames) {
        model.setTuning(recipe.tune());
        model.setClassNames(classNames, recipe.template());
        Map<String, Parameter> trainable = model.trainableParameters();
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException(
                    "Tuning " + recipe.tune() + " leaves nothing to train");
        }
        return trainable;
    }

    private NDManager managerOf(VideoClassificationBlock model) {
        NDArray any = model.getParameters().valueAt(0).getArray();
        if (!any.getDevice().equals(devices[0])) {
            throw new IllegalArgumentException(
                    "The model's weights are on "
                            + any.getDevice()
                            + " but the first training device is "
                            + devices[0]
                            + ": build the model on the first device");
        }
        return any.getManager().newSubManager(devices[0]);
    }

    /** Builds a {@link ViFiClipTrainer}; every value starts at the reference's default. */
    public static final class Builder {

        private Recipe recipe = Recipes.get("few-shot-finetune");
        private Device[] devices = {Device.cpu()};
        private Path outputDirectory;
        private int evaluationFrequency;
        private boolean resume;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Progress progress = new LoggingProgress();
        private final Map<String, String> provenance = new LinkedHashMap<>();
        private int keepCheckpoints = 1;
        private final List<TrainingListener> listeners = new ArrayList<>();

        Builder() {}

        /**
         * Sets every hyper-parameter of the run (by default the few-shot fine-tuning recipe);
         * change single values with {@link Recipe#toBuilder()}.
         *
         * @param recipe the recipe
         * @return this builder
         */
        public Builder optRecipe(Recipe recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Sets the devices; each batch is split over them (data parallel). The model must be on the
         * first.
         *
         * @param devices one or more devices
         * @return this builder
         */
        public Builder optDevices(Device... devices) {
            this.devices = devices.clone();
            return this;
        }

        /**
         * Sets the folder for checkpoints, history, pictures and evaluations (required).
         *
         * @param directory the folder; created if missing
         * @return this builder
         */
        public Builder optOutputDirectory(Path directory) {
            this.outputDirectory = directory;
            return this;
        }

        /**
         * Sets the epochs between evaluations (by default the recipe's {@code saveFrequency}).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder optEvaluationFrequency(int epochs) {
            this.evaluationFrequency = epochs;
            return this;
        }

        /**
         * Continues from the latest checkpoint in the output folder, if there is one.
         *
         * @param resume whether to resume
         * @return this builder
         */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Sets how many checkpoints to keep (1 by default: the latest).
         *
         * @param keep at least 1
         * @return this builder
         */
        public Builder optKeepCheckpoints(int keep) {
            this.keepCheckpoints = keep;
            return this;
        }

        /**
         * Sets the threads that read and decode records.
         *
         * @param workers at least 1
         * @return this builder
         */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Sets where progress goes (SLF4J by default; pass a console bar in programs).
         *
         * @param progress the progress report
         * @return this builder
         */
        public Builder optProgress(Progress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Records where a run came from (weights file and hash, split files and hashes, library
         * version) in its checkpoints and model files.
         *
         * @param key a name
         * @param value its value
         * @return this builder
         */
        public Builder optProvenance(String key, String value) {
            this.provenance.put(key, value);
            return this;
        }

        /**
         * Adds a listener, called after the trainer's own (divergence check, validation, log,
         * checkpoints, history files) in the order added, e.g. {@link
         * io.github.vificlip.report.TrainingCharts}, {@link UnreadableRecords} or {@link
         * TrainingListener#atEpochBegin}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder addListener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return the trainer
         * @throws IllegalArgumentException if a value is invalid, naming it
         */
        public ViFiClipTrainer build() {
            if (outputDirectory == null) {
                throw new IllegalArgumentException(
                        "optOutputDirectory is required: checkpoints and history go there");
            }
            if (recipe == null) {
                throw new IllegalArgumentException("optRecipe must not be null");
            }
            if (devices.length == 0) {
                throw new IllegalArgumentException("At least one device is needed");
            }
            if (workers < 1 || keepCheckpoints < 1) {
                throw new IllegalArgumentException(
                        "Workers and kept checkpoints must be at least 1");
            }
            if (evaluationFrequency < 0) {
                throw new IllegalArgumentException(
                        "The evaluation frequency must be at least 1, got " + evaluationFrequency);
            }
            return new ViFiClipTrainer(this);
        }
    }
}
