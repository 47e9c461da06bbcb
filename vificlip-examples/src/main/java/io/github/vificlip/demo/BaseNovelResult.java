/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.evaluation.Summaries;

/**
 * The base-to-novel outcome of one run: base classes scored against the base class list, novel
 * classes against the novel class list, their harmonic mean, and the chance level of each.
 *
 * @param base the evaluation of the base classes' test videos
 * @param novel the evaluation of the novel classes' test videos
 */
public record BaseNovelResult(EvaluationResult base, EvaluationResult novel) {

    /**
     * Returns the harmonic mean of base and novel top-1 accuracy.
     *
     * @return 2·B·N/(B + N)
     */
    public double harmonicMean() {
        return Summaries.harmonicMean(base.top1(), novel.top1());
    }

    /**
     * Returns the top-1 accuracy of guessing among the base classes.
     *
     * @return 1 / number of base classes
     */
    public double baseChance() {
        return chance(base);
    }

    /**
     * Returns the top-1 accuracy of guessing among the novel classes.
     *
     * @return 1 / number of novel classes
     */
    public double novelChance() {
        return chance(novel);
    }

    /**
     * Returns the harmonic mean that guessing would reach.
     *
     * @return the harmonic mean of the two chance levels
     */
    public double chanceHarmonicMean() {
        return Summaries.harmonicMean(baseChance(), novelChance());
    }

    private static double chance(EvaluationResult result) {
        return 1.0 / result.classNames().size();
    }
}
