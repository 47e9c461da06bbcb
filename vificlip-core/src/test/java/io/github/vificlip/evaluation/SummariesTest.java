/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {

    @Test
    void harmonicMeanMatchesThePapersK400Row() {
        // SPEC.md §5.2: 2·76.4·61.1/(76.4+61.1) = 67.9.
        assertThat(Summaries.harmonicMean(76.4, 61.1)).isCloseTo(67.9, within(0.05));
        assertThat(Summaries.harmonicMean(0, 0)).isZero();
    }

    @Test
    void baseToNovelTakesTheHarmonicMeanOfTheSeedAverages() {
        Summaries.BaseNovel summary =
                Summaries.baseToNovel(List.of(0.8, 0.7, 0.9), List.of(0.5, 0.6, 0.4));

        assertThat(summary.base().mean()).isCloseTo(0.8, within(1e-12));
        assertThat(summary.novel().mean()).isCloseTo(0.5, within(1e-12));
        assertThat(summary.harmonicMean()).isCloseTo(2 * 0.8 * 0.5 / 1.3, within(1e-12));
        assertThat(summary.base().std()).isCloseTo(Math.sqrt(2 / 300.0), within(1e-12));
    }

    @Test
    void meanStdIsThePopulationStandardDeviation() {
        Summaries.MeanStd summary = Summaries.meanStd(List.of(51.0, 53.0, 55.0));

        assertThat(summary.mean()).isEqualTo(53.0);
        assertThat(summary.std()).isCloseTo(Math.sqrt(8 / 3.0), within(1e-12));
        assertThat(summary.runs()).isEqualTo(3);
    }
}
