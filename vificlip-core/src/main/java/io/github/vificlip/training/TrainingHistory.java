/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.vificlip.io.AtomicFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a training run measured: the loss and learning rate of every iteration and a summary per
 * epoch with its validation accuracy. It is saved in checkpoints (so a resumed run continues the
 * same curve) and written as JSON and CSV ({@link io.github.vificlip.report.TrainingCharts} draws
 * it as a PNG curve).
 */
public final class TrainingHistory {

    private final List<Iteration> iterations = new ArrayList<>();
    private final List<Epoch> epochs = new ArrayList<>();
    private final List<Unreadable> unreadable = new ArrayList<>();

    /**
     * One loader iteration.
     *
     * @param epoch the epoch, from 1
     * @param iteration the global iteration, from 0
     * @param loss the iteration's loss (before division by the accumulation)
     * @param learningRate the learning rate in effect
     */
    public record Iteration(int epoch, long iteration, double loss, double learningRate) {}

    /**
     * One epoch's summary.
     *
     * @param epoch the epoch, from 1
     * @param meanLoss the mean iteration loss
     * @param learningRate the learning rate at the end of the epoch
     * @param seconds the wall time of the training pass
     * @param clipsPerSecond training clips per second
     * @param top1 validation top-1 accuracy, or null when not evaluated
     * @param top5 validation top-5 accuracy, or null when not evaluated
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Epoch(
            int epoch,
            double meanLoss,
            double learningRate,
            double seconds,
            double clipsPerSecond,
            Double top1,
            Double top5) {}

    /**
     * Training videos of one epoch that could not be read and were replaced by others (as the
     * reference's loader does); recorded only for epochs that had any.
     *
     * @param epoch the epoch, from 1
     * @param videos how many records were replaced
     */
    public record Unreadable(int epoch, int videos) {}

    /**
     * Records an iteration.
     *
     * @param iteration the iteration
     */
    public void add(Iteration iteration) {
        iterations.add(iteration);
    }

    /**
     * Records an epoch summary.
     *
     * @param epoch the summary
     */
    public void add(Epoch epoch) {
        epochs.add(epoch);
    }

    /**
     * Records the unreadable training videos of an epoch.
     *
     * @param entry the epoch and its count
     */
    public void add(Unreadable entry) {
        unreadable.add(entry);
    }

    /**
     * Returns the epochs whose training pass replaced unreadable videos, with their counts.
     *
     * @return an unmodifiable view, in order
     */
    public List<Unreadable> getUnreadable() {
        return Collections.unmodifiableList(unreadable);
    }

    /**
     * Returns the recorded iterations.
     *
     * @return an unmodifiable view, in order
     */
    public List<Iteration> getIterations() {
        return Collections.unmodifiableList(iterations);
    }

    /**
     * Returns the epoch summaries.
     *
     * @return an unmodifiable view, in order
     */
    public List<Epoch> getEpochs() {
        return Collections.unmodifiableList(epochs);
    }

    /**
     * Summarises the history on one line.
     *
     * @return e.g. {@code TrainingHistory[10 epochs, 40 iterations, last mean loss 0.4120]}
     */
    @Override
    public String toString() {
        String last =
                epochs.isEmpty()
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", last mean loss %.4f",
                                epochs.get(epochs.size() - 1).meanLoss());
        return "TrainingHistory["
                + epochs.size()
                + (epochs.size() == 1 ? " epoch, " : " epochs, ")
                + iterations.size()
                + (iterations.size() == 1 ? " iteration" : " iterations")
                + last
                + "]";
    }

    /**
     * Writes the whole history as JSON ({@code {"epochs": [...], "iterations": [...]}}).
     *
     * <p>Also {@code "unreadable": [...]}, the epochs with replaced videos; written atomically.
     *
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public void writeJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFile.write(
                file,
                out ->
                        json.writeValue(
                                out,
                                java.util.Map.of(
                                        "epochs",
                                        epochs,
                                        "iterations",
                                        iterations,
                                        "unreadable",
                                        unreadable)));
    }

    /**
     * Writes one CSV row per epoch (empty cells where there was no evaluation), atomically.
     *
     * @param file the file to write
     * @throws IOException if it cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        try (AtomicFile csv = AtomicFile.create(file)) {
            Writer out = csv.writer();
            out.write("epoch,mean_loss,learning_rate,seconds,clips_per_second,top1,top5\n");
            for (Epoch e : epochs) {
                out.write(
                        String.format(
                                Locale.ROOT,
                                "%d,%.6f,%.6g,%.2f,%.3f,%s,%s%n",
                                e.epoch(),
                                e.meanLoss(),
                                e.learningRate(),
                                e.seconds(),
                                e.clipsPerSecond(),
                                e.top1() == null
                                        ? ""
                                        : String.format(Locale.ROOT, "%.6f", e.top1()),
                                e.top5() == null
                                        ? ""
                                        : String.format(Locale.ROOT, "%.6f", e.top5())));
            }
            csv.commit();
        }
    }
}
