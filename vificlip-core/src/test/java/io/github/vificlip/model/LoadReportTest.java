/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one mismatch report, compared against a shape table without building a model. */
class LoadReportTest {

    private static final Map<String, Shape> EXPECTED =
            ordered("a", new Shape(2, 3), "b", new Shape(4), "c", new Shape());

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void namesMissingUnexpectedAndMisshapedTensors() {
        LoadReport report =
                LoadReport.compareShapes(
                        EXPECTED,
                        tensors("a", new Shape(3, 2), "c", new Shape(), "z", new Shape(1)));

        assertThat(report.loaded()).containsExactly("c");
        assertThat(report.missing()).containsExactly(Map.entry("b", new Shape(4)));
        assertThat(report.unexpected()).containsExactly(Map.entry("z", new Shape(1)));
        assertThat(report.mismatched()).containsOnlyKeys("a");
        assertThat(report.mismatched().get("a").toString())
                .isEqualTo("expected (2, 3) float32, found (3, 2) float32");
        assertThat(report.isComplete()).isFalse();
        assertThat(report.describe())
                .isEqualTo(
                        "1 tensors fit; 1 missing, 1 unexpected, 1 mismatched:\n"
                                + "  missing    b: expected (4)\n"
                                + "  unexpected z: found (1)\n"
                                + "  mismatched a: expected (2, 3) float32, found (3, 2) float32");
        assertThat(report.describeShortfall())
                .isEqualTo(
                        "1 missing: b; 1 mismatched: a: expected (2, 3) float32, found (3, 2)"
                                + " float32");
        assertThat(new StateDictMismatchException(report))
                .hasMessageStartingWith("The weights do not match the CLIP model: 1 tensors fit")
                .hasMessageContaining("missing    b")
                .hasMessageContaining("unexpected z")
                .hasMessageContaining("mismatched a");
    }

    @Test
    void anyDifferenceMakesTheReportIncompleteAndOpenAiScalarsAreIgnored() {
        LoadReport extraAndMissing =
                LoadReport.compareShapes(EXPECTED, tensors("a", new Shape(2, 3), "z", new Shape()));
        LoadReport misshaped =
                LoadReport.compareShapes(
                        EXPECTED,
                        tensors("a", new Shape(2, 3), "b", new Shape(5), "c", new Shape()));
        Map<String, NDArray> exact =
                tensors("a", new Shape(2, 3), "b", new Shape(4), "c", new Shape());
        exact.put("input_resolution", manager.create(224L));
        LoadReport complete = LoadReport.compareShapes(EXPECTED, exact);

        assertThat(extraAndMissing.isComplete()).isFalse();
        assertThat(extraAndMissing.missing()).containsOnlyKeys("b", "c");
        assertThat(extraAndMissing.unexpected()).containsOnlyKeys("z");
        assertThat(misshaped.isComplete()).isFalse();
        assertThat(misshaped.mismatched().get("b").toString())
                .isEqualTo("expected (4) float32, found (5) float32");
        assertThat(complete.isComplete()).isTrue();
        assertThat(complete.ignored()).containsExactly("input_resolution");
        assertThat(complete.describe()).isEqualTo("all 3 tensors loaded");
        assertThat(complete.describeShortfall()).isEmpty();
        assertThat(extraAndMissing.describeShortfall()).isEqualTo("2 missing: b, c");
    }

    @Test
    void integerTensorsDoNotFit() {
        Map<String, NDArray> found =
                tensors("a", new Shape(2, 3), "b", new Shape(4), "c", new Shape());
        found.put("b", manager.zeros(new Shape(4), DataType.INT32));

        assertThat(LoadReport.compareShapes(EXPECTED, found).mismatched().get("b").toString())
                .isEqualTo("expected (4) float32, found (4) int32");
    }

    private Map<String, NDArray> tensors(Object... namesAndShapes) {
        Map<String, NDArray> map = new LinkedHashMap<>();
        ordered(namesAndShapes).forEach((name, shape) -> map.put(name, manager.zeros(shape)));
        return map;
    }

    private static Map<String, Shape> ordered(Object... namesAndShapes) {
        Map<String, Shape> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) {
            map.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
        }
        return map;
    }
}
