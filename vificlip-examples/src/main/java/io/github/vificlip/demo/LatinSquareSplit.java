/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's classes and their base/novel division. The first {@code n} colours, shapes and motions
 * give n³ classes; class (c, s, m) belongs to Latin square {@code (c + s + m) mod n}, and each
 * square holds every (colour, shape) pair exactly once (likewise every (colour, motion) and (shape,
 * motion) pair). The first {@code novelSquares} squares are novel, the rest base.
 *
 * <p>So whenever fewer than n squares are novel, every word of a novel class name, and even every
 * pair of its words, appears in some base class; only the triple is new. Base classes also vary
 * each attribute independently of the others, which is what lets a model learn the words one by one
 * rather than the combinations whole.
 */
public final class LatinSquareSplit {

    /** The most attribute values of each kind there are. */
    public static final int MAX_SIZE =
            Math.min(
                    Colour.values().length,
                    Math.min(Shape.values().length, Motion.values().length));

    private final int size;
    private final int novelSquares;

    private LatinSquareSplit(int size, int novelSquares) {
        this.size = size;
        this.novelSquares = novelSquares;
    }

    /**
     * Creates the split of {@code size}³ classes.
     *
     * @param size colours, shapes and motions used (2 to {@link #MAX_SIZE})
     * @param novelSquares Latin squares held out as novel classes (1 to {@code size − 1})
     * @return the split
     * @throws IllegalArgumentException if a value is out of range
     */
    public static LatinSquareSplit of(int size, int novelSquares) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "The number of colours, shapes and motions must be 2 to "
                            + MAX_SIZE
                            + ", got "
                            + size);
        }
        if (novelSquares < 1 || novelSquares >= size) {
            throw new IllegalArgumentException(
                    "The novel Latin squares must be 1 to "
                            + (size - 1)
                            + " (some must stay base so that every novel word is seen), got "
                            + novelSquares);
        }
        return new LatinSquareSplit(size, novelSquares);
    }

    /**
     * Returns the number of colours, shapes and motions.
     *
     * @return n
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of Latin squares held out.
     *
     * @return the novel squares
     */
    public int novelSquares() {
        return novelSquares;
    }

    /**
     * Returns every class, colour-major (then shape, then motion).
     *
     * @return n³ classes
     */
    public List<CompositionalClass> all() {
        List<CompositionalClass> classes = new ArrayList<>();
        for (int c = 0; c < size; c++) {
            for (int s = 0; s < size; s++) {
                for (int m = 0; m < size; m++) {
                    classes.add(
                            new CompositionalClass(
                                    Colour.values()[c], Shape.values()[s], Motion.values()[m]));
                }
            }
        }
        return classes;
    }

    /**
     * Returns the base classes, in the order of {@link #all()}.
     *
     * @return (n − novelSquares)·n² classes
     */
    public List<CompositionalClass> base() {
        return all().stream().filter(c -> !isNovel(c)).toList();
    }

    /**
     * Returns the novel classes, in the order of {@link #all()}.
     *
     * @return novelSquares·n² classes
     */
    public List<CompositionalClass> novel() {
        return all().stream().filter(this::isNovel).toList();
    }

    /**
     * Tells whether a class is held out.
     *
     * @param composition a class of this split
     * @return whether its Latin square is a novel one
     */
    public boolean isNovel(CompositionalClass composition) {
        return square(composition) < novelSquares;
    }

    /**
     * Returns the Latin square of a class.
     *
     * @param composition a class
     * @return {@code (colour + shape + motion) mod n}, by the attributes' ordinals
     */
    public int square(CompositionalClass composition) {
        return (composition.colour().ordinal()
                        + composition.shape().ordinal()
                        + composition.motion().ordinal())
                % size;
    }
}
