/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.demo;

/**
 * One class of the demo's benchmark: an object of one colour and shape moving one way, named by its
 * three words in a fixed order ("red circle sliding").
 *
 * @param colour the object's colour
 * @param shape the object's shape
 * @param motion how it moves
 */
public record CompositionalClass(Colour colour, Shape shape, Motion motion) {

    /**
     * Returns the class name: colour, shape and motion words separated by spaces.
     *
     * @return the name, e.g. {@code "red circle sliding"}
     */
    public String name() {
        return colour.word() + " " + shape.word() + " " + motion.word();
    }

    /**
     * Returns the three words of the name.
     *
     * @return colour, shape and motion words
     */
    public String[] words() {
        return new String[] {colour.word(), shape.word(), motion.word()};
    }
}
