/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ClassStylesTest {

    @Test
    void drawsAColourNamedClassInItsColourAndShape() {
        List<ClassStyles.Style> styles =
                ClassStyles.of(List.of("red square sliding", "blue circle", "green triangle"));

        assertThat(dominant(styles.get(0).colour())).isEqualTo("red");
        assertThat(styles.get(0).marker()).isSameAs(SeriesMarkers.SQUARE);
        assertThat(dominant(styles.get(1).colour())).isEqualTo("blue");
        assertThat(styles.get(1).marker()).isSameAs(SeriesMarkers.CIRCLE);
        assertThat(dominant(styles.get(2).colour())).isEqualTo("green");
        assertThat(styles.get(2).marker()).isSameAs(SeriesMarkers.TRIANGLE_UP);
    }

    @Test
    void givesEveryClassOfTheDemoItsOwnLook() {
        List<String> names = new java.util.ArrayList<>();
        for (String colour : List.of("red", "green", "blue", "yellow")) {
            for (String shape : List.of("circle", "square", "triangle", "cross")) {
                for (String motion : List.of("sliding", "bouncing", "circling")) {
                    names.add(colour + " " + shape + " " + motion);
                }
            }
        }

        List<ClassStyles.Style> styles = ClassStyles.of(names);

        assertThat(new HashSet<>(styles)).hasSize(48);
        for (int c = 0; c < names.size(); c++) {
            assertThat(names.get(c)).startsWith(dominant(styles.get(c).colour()));
        }
    }

    @Test
    void separatesClassesWithoutColourWords() {
        List<ClassStyles.Style> styles =
                ClassStyles.of(List.of("archery", "bowling", "diving", "juggling"));

        assertThat(new HashSet<>(styles)).hasSize(4);
    }

    /** The colour word a person would use for a saturated colour (yellow: red and green high). */
    private static String dominant(Color colour) {
        int r = colour.getRed();
        int g = colour.getGreen();
        int b = colour.getBlue();
        if (r > 1.5 * b && g > 1.5 * b && Math.abs(r - g) < 0.35 * Math.max(r, g)) {
            return "yellow";
        }
        if (r > g && r > b) {
            return "red";
        }
        return g > b ? "green" : "blue";
    }
}
