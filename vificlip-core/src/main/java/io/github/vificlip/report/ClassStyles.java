/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How each class of a scatter plot is drawn: a colour and a marker. A class whose name contains a
 * colour word ("red square") is drawn in that colour and one whose name contains a shape word
 * ("circle", "square", "triangle", "diamond", "cross", "plus") with that marker, so the picture
 * never contradicts the legend; other classes take well-separated hues and free markers. Classes
 * that would still look alike get lighter or darker shades.
 */
final class ClassStyles {

    private static final Map<String, Color> COLOURS = new LinkedHashMap<>();
    private static final Map<String, Marker> SHAPES = new LinkedHashMap<>();
    private static final List<Marker> MARKERS =
            List.of(
                    SeriesMarkers.CIRCLE,
                    SeriesMarkers.SQUARE,
                    SeriesMarkers.TRIANGLE_UP,
                    SeriesMarkers.DIAMOND,
                    SeriesMarkers.TRIANGLE_DOWN,
                    SeriesMarkers.CROSS,
                    SeriesMarkers.PLUS,
                    SeriesMarkers.TRAPEZOID);
    private static final float[] SHADES = {1f, 0.62f, 1.35f, 0.4f, 1.7f};

    static {
        COLOURS.put("red", new Color(0xD6, 0x27, 0x28));
        COLOURS.put("orange", new Color(0xFF, 0x7F, 0x0E));
        COLOURS.put("yellow", new Color(0xD4, 0xB0, 0x00));
        COLOURS.put("green", new Color(0x2C, 0xA0, 0x2C));
        COLOURS.put("cyan", new Color(0x17, 0xBE, 0xCF));
        COLOURS.put("blue", new Color(0x1F, 0x57, 0xC8));
        COLOURS.put("purple", new Color(0x94, 0x3C, 0xC4));
        COLOURS.put("violet", new Color(0x94, 0x3C, 0xC4));
        COLOURS.put("magenta", new Color(0xD6, 0x2E, 0xB8));
        COLOURS.put("pink", new Color(0xF0, 0x82, 0xB4));
        COLOURS.put("brown", new Color(0x8C, 0x56, 0x4B));
        COLOURS.put("black", new Color(0x20, 0x20, 0x20));
        COLOURS.put("grey", new Color(0x8A, 0x8A, 0x8A));
        COLOURS.put("gray", new Color(0x8A, 0x8A, 0x8A));
        COLOURS.put("white", new Color(0xC8, 0xC8, 0xC8));
        SHAPES.put("circle", SeriesMarkers.CIRCLE);
        SHAPES.put("square", SeriesMarkers.SQUARE);
        SHAPES.put("triangle", SeriesMarkers.TRIANGLE_UP);
        SHAPES.put("diamond", SeriesMarkers.DIAMOND);
        SHAPES.put("cross", SeriesMarkers.CROSS);
        SHAPES.put("plus", SeriesMarkers.PLUS);
    }

    /**
     * A class's look.
     *
     * @param colour the fill colour
     * @param marker the marker
     */
    record Style(Color colour, Marker marker) {}

    private ClassStyles() {}

    /**
     * Chooses a style for every class.
     *
     * @param classNames the class names
     * @return one style per class, in the same order
     */
    static List<Style> of(List<String> classNames) {
        List<Color> colours = new ArrayList<>();
        int unnamed = 0;
        for (String name : classNames) {
            Color named = named(name, COLOURS);
            colours.add(named != null ? named : hue(unnamed++));
        }
        Map<Color, List<Marker>> usedMarkers = new HashMap<>();
        Map<Style, Integer> repeats = new HashMap<>();
        List<Style> styles = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            Color colour = colours.get(c);
            List<Marker> used = usedMarkers.computeIfAbsent(colour, k -> new ArrayList<>());
            Marker marker = named(classNames.get(c), SHAPES);
            if (marker == null) {
                marker = MARKERS.stream().filter(m -> !used.contains(m)).findFirst().orElse(null);
                marker = marker != null ? marker : MARKERS.get(used.size() % MARKERS.size());
            }
            used.add(marker);
            Style base = new Style(colour, marker);
            int repeat = repeats.merge(base, 1, Integer::sum) - 1;
            styles.add(new Style(shade(colour, SHADES[repeat % SHADES.length]), marker));
        }
        return styles;
    }

    /** The value of the first key that is a whole word of the name, or null. */
    private static <T> T named(String name, Map<String, T> words) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            T value = words.get(word);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Color hue(int index) {
        return Color.getHSBColor((index * 0.618034f) % 1f, 0.75f, 0.8f);
    }

    /** Scales the colour towards black (factor below 1) or towards white (above 1). */
    private static Color shade(Color colour, float factor) {
        if (factor <= 1) {
            return new Color(
                    Math.round(colour.getRed() * factor),
                    Math.round(colour.getGreen() * factor),
                    Math.round(colour.getBlue() * factor));
        }
        float towardsWhite = Math.min(1f, factor - 1);
        return new Color(
                Math.round(colour.getRed() + (255 - colour.getRed()) * towardsWhite * 0.7f),
                Math.round(colour.getGreen() + (255 - colour.getGreen()) * towardsWhite * 0.7f),
                Math.round(colour.getBlue() + (255 - colour.getBlue()) * towardsWhite * 0.7f));
    }
}
