/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Class names given to the zoo are checked before any weights load. */
class ZooClassNamesTest {

    @Test
    void repeatedNamesAreRefusedNamingTheArgument() {
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        null, Map.of("classes", "archery, surfing,archery")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'classes' of the model: Class names 1 and 3 of 3 are both \"archery\":"
                                + " each class needs its own name");
    }

    @Test
    void aNullInACollectionIsNotReadAsTheNameNull() {
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        null, Map.of("classes", Arrays.asList("archery", null))))
                .hasMessage("'classes' of the model: Class names must not hold a null");
    }

    @Test
    void blankNamesInACollectionAreRefused() {
        assertThatThrownBy(
                        () ->
                                ZooArguments.checkSettings(
                                        null, Map.of("classes", List.of("archery", " \t"))))
                .hasMessageContaining("Class name 2 of 2 is empty or only spaces");
    }

    @Test
    void distinctNamesPass() {
        assertThat(ZooArguments.classNames(null, Map.of("classes", "archery, surfing water")))
                .containsExactly("archery", "surfing water");
    }
}
