/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Evaluations;
import io.github.vificlip.io.OutputLock;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.Scalars;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.VideoClassificationBlock;
import io.github.vificlip.report.Charts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a ViFi-CLIP model with the paper's recipe (the reference's {@code main.py}): AdamW (β
 * 0.9/0.98, ε 1e-8, decoupled decay on every trained parameter), the per-iteration cosine schedule
 * with linear warm-up, soft-target cross-entropy on Mixup/CutMix targets with label smoothing,
 * gradient accumulation, and evaluation with multi-view scoring. Frozen parameters are never
 * touched.
 *
 * <pre>{@code
 * ViFiClipTrainer trainer = ViFiClipTrainer.builder()
 *         .optRecipe(Recipes.get("few-shot-finetune"))
 *         .optEpochs(2)
 *         .optOutputDirectory(Path.of("runs/hmdb-16-shot"))
 *         .build();
 * TrainingResult result = trainer.fit(model.getBlock(), train, classNames, validation, classNames);
 * }</pre>
 *
 * <p>One pass is one epoch over the training records in a seeded order (whole batches only, as the
 * reference drops the last incomplete batch). Every random draw derives from the seed and the
 * epoch, so a run that stops and resumes from its checkpoint computes exactly what an uninterrupted
 * run would. Several devices split every batch (data parallel; gradients are summed on the first
 * device, which applies the update and copies it to the others).
 *
 * <p>Checkpoints ({@code checkpoint-epoch-N.safetensors}) hold the trained parameters, AdamW's
 * moments and steps, the schedule position, the epoch, the best metric, the history, the recipe and
 * the run's provenance; they are written atomically. The output folder also receives {@code
 * history.json}, {@code epochs.csv}, {@code training-curve.png}, the evaluations' JSON and {@code
 * model.safetensors} (the trained model) at the end.
 */
public final class ViFiClipTrainer {

    static {
        DjlDefaults.apply();
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(ViFiClipTrainer.class);

    private final Recipe recipe;
    private final TuningMode tuning;
    private final Device[] devices;
    private final Path outputDirectory;
    private final int evaluationFrequency;
    private final boolean resume;
    private final int workers;
    private final Progress progress;
    private final IntConsumer epochStart;
    private final IntSupplier unreadableCount;
    private final Map<String, String> provenance;
    private final int keepCheckpoints;

    private ViFiClipTrainer(Builder builder, Recipe recipe) {
        this.recipe = recipe;
        this.tuning = builder.tuning != null ? builder.tuning : tuningOf(recipe.tune());
        this.devices = builder.devices;
        this.outputDirectory = builder.outputDirectory;
        this.evaluationFrequency =
                builder.evaluationFrequency > 0
                        ? builder.evaluationFrequency
                        : recipe.saveFrequency();
        this.resume = builder.resume;
        this.workers = builder.workers;
        this.progress = builder.progress;
        this.epochStart = builder.epochStart;
        this.unreadableCount = builder.unreadableCount;
        this.provenance = Map.copyOf(builder.provenance);
        this.keepCheckpoints = builder.keepCheckpoints;
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
     * Returns the settings the trainer runs with.
     *
     * @return the effective recipe
     */
    public Recipe getRecipe() {
        return recipe;
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
        try (OutputLock lock = OutputLock.acquire(outputDirectory, "training")) {
            return train(model, train, classNames, validation, validationClassNames);
        }
    }

    private TrainingResult train(
            VideoClassificationBlock model,
            RandomAccessDataset train,
            List<String> classNames,
            RandomAccessDataset validation,
            List<String> validationClassNames)
            throws IOException {
        int globalBatch = recipe.batchSize() * devices.length;
        long records = train.size();
        int iterationsPerEpoch = (int) (records / globalBatch);
        if (iterationsPerEpoch == 0) {
            throw new IllegalArgumentException(
                    "The training set has "
                            + records
                            + " videos, fewer than one batch of "
                            + globalBatch
                            + " (batch size "
                            + recipe.batchSize()
                            + " × "
                            + devices.length
                            + " devices)");
        }
        try (NDManager probe = managerOf(model)) {
            DatasetChecks.training(train, classNames, recipe, probe);
            if (validation != null) {
                DatasetChecks.validation(
                        validation,
                        validationClassNames != null ? validationClassNames : classNames,
                        recipe,
                        probe);
            }
        }
        model.setTuning(tuning);
        model.setClassNames(classNames);
        Map<String, Parameter> trainable = model.trainableParameters();
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("Tuning " + tuning + " leaves nothing to train");
        }
        long totalIterations = (long) recipe.epochs() * iterationsPerEpoch;
        CosineWarmupSchedule schedule =
                CosineWarmupSchedule.builder()
                        .setBaseLearningRate(recipe.learningRate())
                        .setTotalIterations(totalIterations)
                        .optWarmupIterations(Math.round(recipe.warmupEpochs() * iterationsPerEpoch))
                        .optMinLearningRateRatio(recipe.minLearningRateRatio())
                        .build();
        if (recipe.warmupEpochs() >= recipe.epochs()) {
            LOGGER.warn(
                    "The warm-up ({} epochs) is not shorter than the run ({} epochs): the learning"
                            + " rate never reaches its peak {}",
                    recipe.warmupEpochs(),
                    recipe.epochs(),
                    recipe.learningRate());
        }
        MixupCutmix blending =
                MixupCutmix.builder()
                        .setNumClasses(classNames.size())
                        .optLabelSmoothing(recipe.labelSmoothing())
                        .optMixupAlpha(recipe.mixupAlpha())
                        .optCutmixAlpha(recipe.cutmixAlpha())
                        .optSwitchProbability(recipe.switchProbability())
                        .build();
        Checkpoints checkpoints = new Checkpoints(outputDirectory, keepCheckpoints);
        NDManager root = managerOf(model);
        ExecutorService pool = Executors.newFixedThreadPool(workers, ViFiClipTrainer::daemon);
        try (root;
                AdamW optimizer =
                        AdamW.builder()
                                .optBetas(recipe.beta1(), recipe.beta2())
                                .optEpsilon(recipe.epsilon())
                                .optWeightDecay(recipe.weightDecay())
                                .build(root)) {
            Map<String, String> namesById = new HashMap<>();
            trainable.forEach((name, parameter) -> namesById.put(parameter.getId(), name));
            DataParallelParameterServer server =
                    new DataParallelParameterServer(optimizer, namesById);
            ParameterStore store = new ParameterStore(root, false);
            store.setParameterServer(server, devices);

            RunState state = RunState.start(schedule.initialLearningRate());
            if (resume) {
                state = checkpoints.resume(model, optimizer, recipe, classNames).orElse(state);
            }
            TrainingHistory history = state.history();
            List<NDArray> gradientHolders = null;
            for (int epoch = state.epochsDone(); epoch < recipe.epochs(); epoch++) {
                if (epochStart != null) {
                    epochStart.accept(epoch);
                }
                SeededRandom epochRandom = SeededRandom.of(recipe.seed()).derive(epoch);
                int[] order = epochRandom.derive(0).permutation(Math.toIntExact(records));
                SeededRandom blendRandom = epochRandom.derive(1);
                double lossSum = 0;
                long start = System.nanoTime();
                progress.reset(
                        String.format(Locale.ROOT, "Epoch %d/%d", epoch + 1, recipe.epochs()),
                        iterationsPerEpoch);
                CompletableFuture<ClipBatch> next =
                        ClipBatch.load(train, indices(order, 0, globalBatch), root, pool, false);
                for (int index = 0; index < iterationsPerEpoch; index++) {
                    long iteration = (long) epoch * iterationsPerEpoch + index;
                    double loss;
                    try (ClipBatch batch = ClipBatch.await(next)) {
                        // Results of operations on weights belong to the step, not the model.
                        batch.manager().tempAttachAll(parameterArrays(model));
                        next =
                                index + 1 < iterationsPerEpoch
                                        ? ClipBatch.load(
                                                train,
                                                indices(order, index + 1, globalBatch),
                                                root,
                                                pool,
                                                false)
                                        : null;
                        loss = step(model, store, blending, blendRandom, batch);
                    }
                    if (!Double.isFinite(loss)) {
                        throw new IllegalStateException(
                                String.format(
                                        Locale.ROOT,
                                        "The loss became %s at epoch %d, iteration %d (learning"
                                                + " rate %.3g)",
                                        loss,
                                        epoch + 1,
                                        index + 1,
                                        state.learningRate()));
                    }
                    if (gradientHolders == null) {
                        gradientHolders = deviceCopies(store, trainable.values());
                    }
                    history.add(
                            new TrainingHistory.Iteration(
                                    epoch + 1, iteration, loss, state.learningRate()));
                    lossSum += loss;
                    if ((index + 1) % recipe.accumulation() == 0) {
                        server.setLearningRate(state.learningRate());
                        store.updateAllParameters();
                        state = state.withLearningRate(schedule.learningRate(iteration));
                    }
                    progress.update(
                            index + 1,
                            String.format(
                                    Locale.ROOT, "loss %.4f lr %.3g", loss, state.learningRate()));
                }
                progress.end();
                // Gradients of an unfinished accumulation window are dropped, as the reference
                // zeroes them at the start of each epoch.
                for (NDArray holder : gradientHolders) {
                    try (NDArray gradient = holder.getGradient()) {
                        DataParallelParameterServer.zero(gradient);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                boolean last = epoch + 1 == recipe.epochs();
                Double top1 = null;
                Double top5 = null;
                if (validation != null && ((epoch + 1) % evaluationFrequency == 0 || last)) {
                    EvaluationResult result =
                            evaluate(
                                    model,
                                    validation,
                                    validationClassNames != null
                                            ? validationClassNames
                                            : classNames,
                                    epoch);
                    model.setClassNames(classNames);
                    top1 = result.top1();
                    top5 = result.top5();
                    if (top1 > state.bestTop1()) {
                        state = state.withBest(top1, epoch + 1);
                        checkpoints.writeModel(model, "best.safetensors", provenance);
                    }
                }
                history.add(
                        new TrainingHistory.Epoch(
                                epoch + 1,
                                lossSum / iterationsPerEpoch,
                                state.learningRate(),
                                seconds,
                                iterationsPerEpoch * globalBatch / seconds,
                                top1,
                                top5));
                state = state.withEpochsDone(epoch + 1);
                int unreadable = unreadableCount == null ? 0 : unreadableCount.getAsInt();
                if (unreadable > 0) {
                    history.add(new TrainingHistory.Unreadable(epoch, unreadable));
                }
                LOGGER.info(
                        "Epoch {}/{}: mean loss {}, {} clips/s{}{}",
                        epoch + 1,
                        recipe.epochs(),
                        String.format(Locale.ROOT, "%.4f", lossSum / iterationsPerEpoch),
                        String.format(
                                Locale.ROOT, "%.2f", iterationsPerEpoch * globalBatch / seconds),
                        top1 == null
                                ? ""
                                : String.format(
                                        Locale.ROOT, ", validation top-1 %.2f%%", 100 * top1),
                        unreadable == 0 ? "" : ", " + unreadable + " unreadable videos replaced");
                if ((epoch + 1) % recipe.saveFrequency() == 0 || last) {
                    checkpoints.write(
                            epoch + 1,
                            model,
                            trainable,
                            optimizer,
                            state,
                            recipe,
                            classNames,
                            provenance);
                }
                writeHistory(history);
            }
            checkpoints.writeModel(model, "model.safetensors", provenance);
            return new TrainingResult(
                    history, state.bestTop1(), state.bestEpoch(), outputDirectory);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One iteration: blend, forward on every device, backward; returns the batch's loss. */
    private double step(
            VideoClassificationBlock model,
            ParameterStore store,
            MixupCutmix blending,
            SeededRandom blendRandom,
            ClipBatch batch) {
        NDArray videos = batch.videos();
        long[] labels = batch.labels();
        int perDevice = recipe.batchSize();
        int total = labels.length;
        double loss = 0;
        List<NDArray> deviceLosses = new ArrayList<>(devices.length);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (int d = 0; d < devices.length; d++) {
                NDArray slice = videos.get(d * perDevice + ":" + (d + 1) * perDevice);
                long[] sliceLabels =
                        java.util.Arrays.copyOfRange(labels, d * perDevice, (d + 1) * perDevice);
                NDArray onDevice = slice.toDevice(devices[d], false);
                // Blending is per device batch, as the reference blends per GPU.
                MixupCutmix.Blend blend = blending.blend(onDevice, sliceLabels, blendRandom);
                NDArray logits =
                        model.forward(store, new NDList(blend.videos()), true).singletonOrThrow();
                // Scalars allocated by libtorch, not mul(Number): see Scalars.
                NDArray deviceLoss =
                        SoftTargetCrossEntropy.compute(logits, blend.targets())
                                .mul(Scalars.like((float) perDevice / total, logits));
                collector.backward(
                        deviceLoss.div(Scalars.like((float) recipe.accumulation(), logits)));
                deviceLosses.add(deviceLoss);
            }
        }
        for (NDArray deviceLoss : deviceLosses) {
            loss += deviceLoss.getFloat();
        }
        return loss;
    }

    private EvaluationResult evaluate(
            VideoClassificationBlock model,
            RandomAccessDataset validation,
            List<String> classNames,
            int epoch)
            throws IOException {
        EvaluationResult result =
                VideoEvaluator.builder()
                        .setFramesPerView(recipe.frames())
                        .optWorkers(workers)
                        .optProgress(progress)
                        .build()
                        .evaluate(model, validation, classNames);
        Evaluations.writeJson(
                result,
                outputDirectory.resolve(
                        String.format(Locale.ROOT, "eval-epoch-%d.json", epoch + 1)));
        Charts.confusionMatrix(result, outputDirectory.resolve("confusion-matrix.png"));
        return result;
    }

    private void writeHistory(TrainingHistory history) throws IOException {
        history.writeJson(outputDirectory.resolve("history.json"));
        history.writeCsv(outputDirectory.resolve("epochs.csv"));
        history.writePng(outputDirectory.resolve("training-curve.png"));
    }

    private static long[] indices(int[] order, int batchIndex, int batchSize) {
        long[] out = new long[batchSize];
        for (int i = 0; i < batchSize; i++) {
            out[i] = order[batchIndex * batchSize + i];
        }
        return out;
    }

    /** Every weight array of the model, for a step to borrow. */
    static NDArray[] parameterArrays(VideoClassificationBlock model) {
        return model.getParameters().values().stream()
                .map(Parameter::getArray)
                .toArray(NDArray[]::new);
    }

    /** The arrays that hold gradients: every device's copy of every trained parameter. */
    private List<NDArray> deviceCopies(ParameterStore store, Iterable<Parameter> trainable) {
        List<NDArray> copies = new ArrayList<>();
        for (Parameter parameter : trainable) {
            for (Device device : devices) {
                copies.add(store.getValue(parameter, device, true));
            }
        }
        return copies;
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

    /** Daemon threads for reading records, so a failed run never keeps the JVM alive. */
    static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "vificlip-loader");
        thread.setDaemon(true);
        return thread;
    }

    static TuningMode tuningOf(String tune) {
        return switch (tune) {
            case "both" -> TuningMode.BOTH;
            case "image" -> TuningMode.IMAGE;
            case "text" -> TuningMode.TEXT;
            case "prompts" -> TuningMode.PROMPTS;
            default -> throw new IllegalArgumentException("Unknown tuning '" + tune + "'");
        };
    }

    /** Builds a {@link ViFiClipTrainer}; every value starts at the reference's default. */
    public static final class Builder {

        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Recipe recipe = Recipes.get("few-shot-finetune");
        private TuningMode tuning;
        private Device[] devices = {Device.cpu()};
        private Path outputDirectory;
        private int evaluationFrequency;
        private boolean resume;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Progress progress = new LoggingProgress();
        private IntConsumer epochStart;
        private IntSupplier unreadableCount;
        private final Map<String, String> provenance = new LinkedHashMap<>();
        private int keepCheckpoints = 1;

        Builder() {}

        /**
         * Starts from one of the paper's settings; the {@code opt} values set before or after still
         * apply.
         *
         * @param recipe the recipe
         * @return this builder
         */
        public Builder optRecipe(Recipe recipe) {
            this.recipe = recipe;
            return this;
        }

        /**
         * Sets what trains (by default the recipe's {@code tune}).
         *
         * @param tuning the mode
         * @return this builder
         */
        public Builder optTuning(TuningMode tuning) {
            this.tuning = tuning;
            return this;
        }

        /**
         * Sets the number of epochs.
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder optEpochs(int epochs) {
            return set("epochs", epochs);
        }

        /**
         * Sets the peak learning rate.
         *
         * @param learningRate a positive rate
         * @return this builder
         */
        public Builder optLearningRate(double learningRate) {
            return set("learningRate", learningRate);
        }

        /**
         * Sets the linear warm-up length in epochs (5 in the reference).
         *
         * @param epochs 0 or more
         * @return this builder
         */
        public Builder optWarmupEpochs(double epochs) {
            return set("warmupEpochs", epochs);
        }

        /**
         * Sets the cosine floor as a fraction of the peak (0.01 in the reference).
         *
         * @param ratio a fraction in [0, 1]
         * @return this builder
         */
        public Builder optMinLearningRateRatio(double ratio) {
            return set("minLearningRateRatio", ratio);
        }

        /**
         * Sets AdamW's decoupled weight decay.
         *
         * @param weightDecay 0 or more
         * @return this builder
         */
        public Builder optWeightDecay(double weightDecay) {
            return set("weightDecay", weightDecay);
        }

        /**
         * Sets AdamW's betas.
         *
         * @param beta1 the first moment's decay
         * @param beta2 the second moment's decay
         * @return this builder
         */
        public Builder optBetas(double beta1, double beta2) {
            set("beta1", beta1);
            return set("beta2", beta2);
        }

        /**
         * Sets AdamW's ε.
         *
         * @param epsilon a positive value
         * @return this builder
         */
        public Builder optEpsilon(double epsilon) {
            return set("epsilon", epsilon);
        }

        /**
         * Sets the clips per device per iteration.
         *
         * @param batchSize at least 1
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            return set("batchSize", batchSize);
        }

        /**
         * Sets the iterations whose gradients add up before each optimizer step.
         *
         * @param accumulation at least 1
         * @return this builder
         */
        public Builder optAccumulation(int accumulation) {
            return set("accumulation", accumulation);
        }

        /**
         * Sets the label smoothing folded into the targets.
         *
         * @param smoothing a value in [0, 1)
         * @return this builder
         */
        public Builder optLabelSmoothing(double smoothing) {
            return set("labelSmoothing", smoothing);
        }

        /**
         * Sets the Mixup and CutMix Beta shapes (0 turns one off) and the probability of CutMix.
         *
         * @param mixupAlpha Mixup's shape
         * @param cutmixAlpha CutMix's shape
         * @param switchProbability the probability of CutMix when both are on
         * @return this builder
         */
        public Builder optMixupCutmix(
                double mixupAlpha, double cutmixAlpha, double switchProbability) {
            set("mixupAlpha", mixupAlpha);
            set("cutmixAlpha", cutmixAlpha);
            return set("switchProbability", switchProbability);
        }

        /**
         * Sets the seed every random stream of the run derives from.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder optSeed(long seed) {
            return set("seed", seed);
        }

        /**
         * Sets the frames per clip, which evaluation uses to split records into views.
         *
         * @param frames at least 1
         * @return this builder
         */
        public Builder optFrames(int frames) {
            return set("frames", frames);
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
         * Sets the epochs between checkpoints (the last epoch always gets one).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder optCheckpointFrequency(int epochs) {
            return set("saveFrequency", epochs);
        }

        /**
         * Sets the epochs between evaluations (by default the checkpoint frequency).
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
         * Calls back at the start of every epoch with its pass index, before any record of it is
         * read: the index {@code VideoDataset.setPass} takes, from 0 (the epoch that logs, the
         * history and the CLI call 1 is pass 0). Datasets whose augmentation depends on the pass
         * use it, e.g. {@code videoDataset::setPass}, so that a resumed run draws what an
         * uninterrupted one would.
         *
         * @param epochStart the callback
         * @return this builder
         */
        public Builder optEpochStart(IntConsumer epochStart) {
            this.epochStart = epochStart;
            return this;
        }

        /**
         * Tells the trainer how many training records the dataset replaced in the current pass
         * because they could not be read (it cannot see replacements itself), e.g. {@code () ->
         * videoDataset.failures().currentPass().size()}. Read at the end of every epoch; epochs
         * with any are recorded in the history ({@link TrainingHistory#getUnreadable()}) and the
         * epoch's log line.
         *
         * @param count the count of the current pass
         * @return this builder
         */
        public Builder optUnreadableCount(IntSupplier count) {
            this.unreadableCount = count;
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

        private Builder set(String key, Object value) {
            overrides.put(key, String.valueOf(value));
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
            Recipe effective = Recipes.withOverrides(recipe, overrides);
            if (tuning != null && tuning != tuningOf(effective.tune())) {
                effective =
                        Recipes.withOverrides(
                                effective, Map.of("tune", tuning.name().toLowerCase(Locale.ROOT)));
            }
            return new ViFiClipTrainer(this, effective);
        }
    }
}
