/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void restoredStateDrawsTheSameNumbers() {
        SeededRandom random = SeededRandom.of(1024);
        random.nextDouble();
        byte[] state = random.saveState();
        double[] expected = {random.nextDouble(), random.nextBeta(0.8), random.nextInt(17)};

        SeededRandom resumed = SeededRandom.of(5);
        resumed.restoreState(state);

        assertThat(new double[] {resumed.nextDouble(), resumed.nextBeta(0.8), resumed.nextInt(17)})
                .containsExactly(expected);
    }

    @Test
    void derivedStreamsDependOnlyOnSeedAndKey() {
        SeededRandom a = SeededRandom.of(7);
        a.nextDouble();
        SeededRandom b = SeededRandom.of(7);

        assertThat(a.derive(3).nextDouble()).isEqualTo(b.derive(3).nextDouble());
        assertThat(a.derive(3).nextDouble()).isNotEqualTo(a.derive(4).nextDouble());
    }

    @Test
    void permutationsArePermutations() {
        int[] order = SeededRandom.of(1).permutation(100);

        assertThat(order).hasSize(100);
        assertThat(java.util.Arrays.stream(order).sorted().toArray())
                .containsExactly(java.util.stream.IntStream.range(0, 100).toArray());
    }

    @Test
    void betaSamplesHaveTheRightMean() {
        SeededRandom random = SeededRandom.of(11);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += random.nextBeta(0.8);
        }
        assertThat(sum / 20_000).isCloseTo(0.5, within(0.01));
    }
}
