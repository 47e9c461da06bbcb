/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import java.util.Locale;

/**
 * The shapes of the demo's objects, each described by a signed distance (negative inside) so that
 * edges can be drawn anti-aliased at any size. None is a rotation of another, so the shape of an
 * object is never ambiguous.
 */
public enum Shape {

    /** A filled disc. */
    CIRCLE {
        @Override
        double distance(double x, double y, double radius) {
            return Math.hypot(x, y) - radius;
        }
    },

    /** An axis-aligned filled square of about the disc's area. */
    SQUARE {
        @Override
        double distance(double x, double y, double radius) {
            return Math.max(Math.abs(x), Math.abs(y)) - 0.86 * radius;
        }
    },

    /** An equilateral triangle pointing up (screen y grows downwards). */
    TRIANGLE {
        @Override
        double distance(double x, double y, double radius) {
            double inradius = 0.58 * radius;
            double bottom = y;
            double right = 0.8660254 * x - 0.5 * y;
            double left = -0.8660254 * x - 0.5 * y;
            return Math.max(bottom, Math.max(right, left)) - inradius;
        }
    },

    /** A plus sign: two crossed bars. */
    CROSS {
        @Override
        double distance(double x, double y, double radius) {
            double arm = 1.05 * radius;
            double half = 0.34 * radius;
            double horizontal = Math.max(Math.abs(x) - arm, Math.abs(y) - half);
            double vertical = Math.max(Math.abs(x) - half, Math.abs(y) - arm);
            return Math.min(horizontal, vertical);
        }
    },

    /** A hollow ring. */
    RING {
        @Override
        double distance(double x, double y, double radius) {
            return Math.abs(Math.hypot(x, y) - 0.78 * radius) - 0.3 * radius;
        }
    };

    /**
     * Returns the word used in class names.
     *
     * @return the lower-case shape name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns how far a point is from the shape's edge, negative inside.
     *
     * @param x the point's horizontal offset from the shape's centre, in pixels
     * @param y the point's vertical offset (downwards), in pixels
     * @param radius the shape's nominal radius in pixels
     * @return the (approximate) signed distance in pixels
     */
    abstract double distance(double x, double y, double radius);

    /**
     * Returns how much of the pixel at an offset the shape covers: 1 inside, 0 outside, a ramp one
     * pixel wide across the edge.
     *
     * @param x the pixel centre's horizontal offset from the shape's centre
     * @param y the pixel centre's vertical offset
     * @param radius the shape's nominal radius
     * @return the coverage in [0, 1]
     */
    double coverage(double x, double y, double radius) {
        return Math.max(0, Math.min(1, 0.5 - distance(x, y, radius)));
    }
}
