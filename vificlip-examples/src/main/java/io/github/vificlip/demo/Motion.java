/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the demo's objects move. ViFi-CLIP averages its frame embeddings, which forgets their order,
 * so every motion here is told apart by the <em>set</em> of frames it produces, never by their
 * order: a horizontal path, a vertical path, a circle, a disc of fixed place and changing size, and
 * a small cloud of positions. (Left against right, or growing against shrinking, would be the same
 * set of frames played in another order: no mean of frame embeddings could tell them apart.)
 *
 * <p>Every motion is periodic over the clip, so the segment sampler's evenly spread frames cover
 * the whole path whatever the speed and phase.
 */
public enum Motion {

    /** Back and forth along a horizontal line: frames show one row of positions. */
    SLIDING {
        @Override
        Placement place(double angle, double amplitude, long jitterSeed) {
            return new Placement(amplitude * Math.sin(angle), 0, 1);
        }
    },

    /** Up and down along a vertical line: frames show one column of positions. */
    BOUNCING {
        @Override
        Placement place(double angle, double amplitude, long jitterSeed) {
            return new Placement(0, amplitude * Math.sin(angle), 1);
        }
    },

    /** Round a circle: frames show positions on a ring, diagonals included. */
    CIRCLING {
        @Override
        Placement place(double angle, double amplitude, long jitterSeed) {
            return new Placement(amplitude * Math.cos(angle), amplitude * Math.sin(angle), 1);
        }
    },

    /** In place, growing and shrinking: frames show one position at many sizes. */
    BREATHING {
        @Override
        Placement place(double angle, double amplitude, long jitterSeed) {
            return new Placement(0, 0, 1 + 0.5 * Math.sin(angle));
        }
    },

    /** Trembling round one place: frames show a tight cloud of positions at one size. */
    SHAKING {
        @Override
        Placement place(double angle, double amplitude, long jitterSeed) {
            SplittableRandom random = new SplittableRandom(jitterSeed);
            double spread = 0.3 * amplitude;
            return new Placement(
                    spread * (2 * random.nextDouble() - 1),
                    spread * (2 * random.nextDouble() - 1),
                    1);
        }
    };

    /**
     * Where the object is in one frame, relative to its path's centre.
     *
     * @param dx horizontal offset in pixels
     * @param dy vertical offset in pixels (downwards)
     * @param scale the object's size as a multiple of its nominal radius
     */
    record Placement(double dx, double dy, double scale) {}

    /**
     * Returns the word used in class names.
     *
     * @return the lower-case motion name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Places the object in one frame.
     *
     * @param angle the position along the periodic motion, in radians
     * @param amplitude the path's half-length (or radius) in pixels
     * @param jitterSeed a seed of the frame, for motions with random offsets
     * @return the placement
     */
    abstract Placement place(double angle, double amplitude, long jitterSeed);
}
