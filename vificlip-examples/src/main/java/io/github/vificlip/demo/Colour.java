/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import java.util.Locale;

/**
 * The colours of the demo's objects: saturated, far apart in RGB, and each a single CLIP token so
 * that a class name is one token per attribute.
 */
public enum Colour {

    /** A saturated red. */
    RED(225, 35, 35),

    /** A saturated green. */
    GREEN(40, 200, 55),

    /** A saturated blue. */
    BLUE(45, 95, 235),

    /** A saturated yellow. */
    YELLOW(235, 215, 35),

    /** A saturated purple. */
    PURPLE(165, 55, 210);

    private final int red;
    private final int green;
    private final int blue;

    Colour(int red, int green, int blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /**
     * Returns the word used in class names.
     *
     * @return the lower-case colour name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns one channel of the colour.
     *
     * @param channel 0 (red), 1 (green) or 2 (blue)
     * @return the channel's value, 0 to 255
     */
    public int channel(int channel) {
        return switch (channel) {
            case 0 -> red;
            case 1 -> green;
            case 2 -> blue;
            default -> throw new IllegalArgumentException("No RGB channel " + channel);
        };
    }
}
