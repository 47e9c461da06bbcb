/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.util.Progress;
import io.github.vificlip.loading.ClipBatch;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of {@link ViFiClipTrainer}: epochs of seeded batches, each prefetched while the one
 * before trains, a step per batch, an update per accumulation window, and the listeners called at
 * each point. It knows no output.
 */
final class TrainingLoop {

    private static final Logger LOGGER = LoggerFactory.getLogger(ViFiClipTrainer.class);

    private final TrainingContext run;
    private final List<TrainingListener> listeners;
    private final DataParallelStep step;
    private final CosineWarmupSchedule schedule;
    private final Progress progress;
    private final Recipe recipe;

    TrainingLoop(
            TrainingContext run,
            List<TrainingListener> listeners,
            DataParallelStep step,
            CosineWarmupSchedule schedule,
            Progress progress) {
        this.run = run;
        this.listeners = listeners;
        this.step = step;
        this.schedule = schedule;
        this.progress = progress;
        this.recipe = run.getRecipe();
    }

    /** The pass's records, batches and the threads that read them. */
    private record Pass(
            RandomAccessDataset train,
            int iterations,
            int batchSize,
            NDManager manager,
            ExecutorService pool) {

        CompletableFuture<ClipBatch> load(int[] order, int batchIndex) {
            long[] indices = new long[batchSize];
            for (int i = 0; i < batchSize; i++) {
                indices[i] = order[batchIndex * batchSize + i];
            }
            return ClipBatch.load(train, indices, manager, pool, false);
        }
    }

    /** Runs the epochs left (all of them, or those after a resumed checkpoint). */
    void run(
            RandomAccessDataset train,
            int iterations,
            int devices,
            NDManager manager,
            ExecutorService pool)
            throws IOException {
        Pass pass = new Pass(train, iterations, recipe.batchSize() * devices, manager, pool);
        for (TrainingListener listener : listeners) {
            listener.onTrainingBegin(run);
        }
        for (int epoch = run.state().epochsDone(); epoch < recipe.epochs(); epoch++) {
            runEpoch(pass, epoch);
        }
        for (TrainingListener listener : listeners) {
            listener.onTrainingEnd(run);
        }
    }

    /** One pass over the training records, then the listeners' end of the epoch. */
    private void runEpoch(Pass pass, int epoch) throws IOException {
        for (TrainingListener listener : listeners) {
            listener.onEpochBegin(run, epoch);
        }
        SeededRandom epochRandom = SeededRandom.of(recipe.seed()).derive(epoch);
        int[] order = epochRandom.derive(0).permutation(Math.toIntExact(pass.train().size()));
        SeededRandom blendRandom = epochRandom.derive(1);
        int iterations = pass.iterations();
        progress.reset(
                String.format(Locale.ROOT, "Epoch %d/%d", epoch + 1, recipe.epochs()), iterations);
        long start = System.nanoTime();
        double lossSum = 0;
        CompletableFuture<ClipBatch> next = pass.load(order, 0);
        for (int index = 0; index < iterations; index++) {
            double loss;
            try (ClipBatch batch = ClipBatch.await(next)) {
                next = index + 1 < iterations ? pass.load(order, index + 1) : null;
                loss = step.run(batch, blendRandom);
            }
            lossSum += loss;
            afterIteration(epoch, (long) epoch * iterations + index, index, loss);
        }
        progress.end();
        step.dropGradients();
        double seconds = (System.nanoTime() - start) / 1e9;
        endEpoch(
                new EpochEnd(
                        epoch + 1,
                        epoch + 1 == recipe.epochs(),
                        lossSum / iterations,
                        seconds,
                        (double) iterations * pass.batchSize() / seconds));
    }

    /** Records the iteration, tells the listeners, and updates at the end of a window. */
    private void afterIteration(int epoch, long iteration, int index, double loss) {
        TrainingHistory.Iteration record =
                new TrainingHistory.Iteration(epoch + 1, iteration, loss, run.getLearningRate());
        run.getHistory().add(record);
        for (TrainingListener listener : listeners) {
            listener.onIteration(run, record);
        }
        if ((index + 1) % recipe.accumulation() == 0) {
            step.update(run.getLearningRate());
            run.setState(run.state().withLearningRate(schedule.learningRate(iteration)));
        }
        progress.update(
                index + 1,
                String.format(Locale.ROOT, "loss %.4f lr %.3g", loss, run.getLearningRate()));
    }

    /** Measures (listeners), records the epoch in the history, then writes (listeners). */
    private void endEpoch(EpochEnd epoch) throws IOException {
        for (TrainingListener listener : listeners) {
            listener.onEpochEnd(run, epoch);
        }
        RunState state = run.state();
        state.history().add(epoch.summary(state.learningRate()));
        run.setState(state.withEpochsDone(epoch.epoch()));
        for (TrainingListener listener : listeners) {
            listener.afterEpoch(run, epoch);
        }
    }

    /** The per-iteration cosine schedule with warm-up a recipe describes. */
    static CosineWarmupSchedule schedule(Recipe recipe, int iterationsPerEpoch) {
        if (recipe.warmupEpochs() >= recipe.epochs()) {
            LOGGER.warn(
                    "The warm-up ({} epochs) is not shorter than the run ({} epochs): the learning"
                            + " rate never reaches its peak {}",
                    recipe.warmupEpochs(),
                    recipe.epochs(),
                    recipe.learningRate());
        }
        return CosineWarmupSchedule.builder()
                .setBaseLearningRate(recipe.learningRate())
                .setTotalIterations((long) recipe.epochs() * iterationsPerEpoch)
                .optWarmupIterations(Math.round(recipe.warmupEpochs() * iterationsPerEpoch))
                .optMinLearningRateRatio(recipe.minLearningRateRatio())
                .build();
    }
}
