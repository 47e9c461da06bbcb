/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatinSquareSplitTest {

    @Test
    void everyNovelWordAndWordPairIsSeenInABaseClass() {
        for (int size = 2; size <= LatinSquareSplit.MAX_SIZE; size++) {
            for (int novelSquares = 1; novelSquares < size; novelSquares++) {
                LatinSquareSplit split = LatinSquareSplit.of(size, novelSquares);
                List<CompositionalClass> base = split.base();
                List<CompositionalClass> novel = split.novel();
                assertThat(base).hasSize((size - novelSquares) * size * size);
                assertThat(novel).hasSize(novelSquares * size * size);
                assertThat(base).doesNotContainAnyElementsOf(novel);
                Set<String> basePairs = new HashSet<>();
                for (CompositionalClass c : base) {
                    String[] w = c.words();
                    basePairs.addAll(
                            List.of(w[0] + "|" + w[1], w[0] + "||" + w[2], w[1] + "|||" + w[2]));
                }
                for (CompositionalClass c : novel) {
                    String[] w = c.words();
                    assertThat(basePairs)
                            .as(c.name())
                            .contains(w[0] + "|" + w[1], w[0] + "||" + w[2], w[1] + "|||" + w[2]);
                }
            }
        }
    }

    @Test
    void namesAreColourShapeMotion() {
        CompositionalClass first = LatinSquareSplit.of(3, 1).all().get(0);

        assertThat(first.name()).isEqualTo("red circle sliding");
    }
}
