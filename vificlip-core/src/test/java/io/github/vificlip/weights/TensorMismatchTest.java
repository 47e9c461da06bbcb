/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorMismatchTest {

    private static final Map<String, Shape> EXPECTED =
            ordered("a", new Shape(2, 3), "b", new Shape(4), "c", new Shape());

    @Test
    void namesMissingUnexpectedAndMisshapedTensors() {
        Map<String, Shape> actual =
                ordered("a", new Shape(3, 2), "c", new Shape(), "z", new Shape(1));

        TensorMismatch mismatch = TensorMismatch.between(EXPECTED, actual);

        assertThat(mismatch.missing()).containsExactly("b");
        assertThat(mismatch.unexpected()).containsExactly("z");
        assertThat(mismatch.misshaped()).containsExactly("a: expected (2, 3), found (3, 2)");
        assertThat(mismatch.isEmpty()).isFalse();
        assertThat(mismatch.describe())
                .isEqualTo(
                        "1 missing: b; 1 unexpected: z; 1 mis-shaped: a: expected (2, 3), found"
                                + " (3, 2)");
    }

    @Test
    void strictModeRefusesAnyDifferenceNonStrictOnlyWrongShapes() {
        TensorMismatch extraAndMissing =
                TensorMismatch.between(EXPECTED, ordered("a", new Shape(2, 3), "z", new Shape()));
        TensorMismatch misshaped =
                TensorMismatch.between(
                        EXPECTED,
                        ordered("a", new Shape(2, 3), "b", new Shape(5), "c", new Shape()));

        assertThat(extraAndMissing.check(false, "w.pt")).isSameAs(extraAndMissing);
        assertThatThrownBy(() -> extraAndMissing.check(true, "w.pt"))
                .isInstanceOf(WeightsMismatchException.class)
                .hasMessage(
                        "Weights from w.pt do not fit the model (strict loading): 2 missing: b,"
                                + " c; 1 unexpected: z");
        assertThatThrownBy(() -> misshaped.check(false, "w.pt"))
                .isInstanceOf(WeightsMismatchException.class)
                .hasMessageContaining("non-strict")
                .hasMessageContaining("b: expected (4), found (5)")
                .satisfies(
                        e ->
                                assertThat(((WeightsMismatchException) e).mismatch())
                                        .isEqualTo(misshaped));
        assertThat(TensorMismatch.between(EXPECTED, EXPECTED).check(true, "w.pt").isEmpty())
                .isTrue();
    }

    private static Map<String, Shape> ordered(Object... namesAndShapes) {
        Map<String, Shape> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            map.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return map;
    }
}
