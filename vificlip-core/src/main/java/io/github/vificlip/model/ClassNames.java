/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import io.github.vificlip.tokenizer.ShownText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every list of class names passes: present, not blank, and distinct, both as strings
 * and as the token ids of their prompts (classes whose prompts tokenize alike always tie).
 */
final class ClassNames {

    private static final int SHOWN_CHARACTERS = 60;

    private ClassNames() {}

    /**
     * Throws unless the names are a non-empty list of distinct, non-blank strings.
     *
     * @param names the names to check
     * @throws IllegalArgumentException naming the first offending class and its position
     */
    static void check(List<String> names) {
        if (names == null || names.isEmpty() || names.stream().anyMatch(n -> n == null)) {
            throw new IllegalArgumentException(
                    "Class names must be a non-empty list without nulls, got "
                            + (names == null ? null : shown(names.toString())));
        }
        Map<String, Integer> seen = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (isBlank(name)) {
                throw new IllegalArgumentException(
                        "Class name "
                                + (i + 1)
                                + " of "
                                + names.size()
                                + " is empty or only spaces and control characters: \""
                                + shown(name)
                                + '"');
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new IllegalArgumentException(
                        "Class names "
                                + (first + 1)
                                + " and "
                                + (i + 1)
                                + " of "
                                + names.size()
                                + " are both \""
                                + shown(name)
                                + "\": each class needs its own name");
            }
        }
    }

    /**
     * Throws if two classes' prompts have the same token ids (the tokenizer lower-cases and cleans
     * text, so "Dog" and "dog" do), since their scores would always tie.
     *
     * @param names the names, already {@link #check checked}
     * @param ids their prompts' token ids, one row per name
     * @throws IllegalArgumentException naming both classes
     */
    static void checkDistinctPrompts(List<String> names, int[][] ids) {
        Map<Row, Integer> seen = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            Integer first = seen.putIfAbsent(new Row(ids[i]), i);
            if (first != null) {
                throw new IllegalArgumentException(
                        "Class names "
                                + (first + 1)
                                + " (\""
                                + shown(names.get(first))
                                + "\") and "
                                + (i + 1)
                                + " (\""
                                + shown(names.get(i))
                                + "\") of "
                                + names.size()
                                + " give the same prompt tokens (the tokenizer lower-cases and"
                                + " cleans text), so their scores would always tie");
            }
        }
    }

    private static boolean isBlank(String name) {
        return name.codePoints()
                .allMatch(
                        c ->
                                Character.isWhitespace(c)
                                        || Character.isSpaceChar(c)
                                        || Character.isISOControl(c));
    }

    private static String shown(String name) {
        return ShownText.of(name, SHOWN_CHARACTERS);
    }

    /** A row of ids with value equality. */
    private record Row(int[] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(ids, row.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }

        @Override
        public String toString() {
            return Arrays.toString(ids);
        }
    }
}
