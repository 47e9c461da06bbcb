/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vificlip.tokenizer.TextTooLongException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Class names as users pass them: blank, repeated, huge, many, and in every script. */
class HostileClassNamesTest {

    private static final List<String> BEFORE = List.of("abseiling", "surfing");

    private ViFiClipBlock block;

    @BeforeEach
    void setUp() {
        block = ViFiClipBlock.builder().setConfig(TinyClip.CONFIG).build();
        block.setClassNames(BEFORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u0000", "\u00a0\u3000\u2007", "\u001b\u007f"})
    void blankNamesAreRefusedByPosition(String blank) {
        assertThatThrownBy(() -> block.setClassNames(List.of("dog", blank, "cat")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Class name 2 of 3 is empty or only spaces and control")
                .hasMessageNotContaining("\u0000");
        assertThat(block.getClassNames()).isEqualTo(BEFORE);
    }

    @Test
    void repeatedNamesAreRefused() {
        assertThatThrownBy(() -> block.setClassNames(List.of("dog", "cat", "dog")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Class names 1 and 3 of 3 are both \"dog\": each class needs its own name");
        assertThatThrownBy(
                        () ->
                                block.setClassNames(
                                        List.of("dog", "cat", "dog"), PromptTemplate.BARE))
                .hasMessageContaining("are both \"dog\"");
        assertThat(block.getClassNames()).isEqualTo(BEFORE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dog", "DOG", "&#100;og", "dog\u0000", "  dog  ", "d\u0007og"})
    void namesThatTokenizeAlikeAreRefused(String twin) {
        assertThatThrownBy(() -> block.setClassNames(List.of("dog", twin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Class names 1 (\"dog\") and 2 (")
                .hasMessageContaining("give the same prompt tokens");
        assertThat(block.getClassNames()).isEqualTo(BEFORE);
    }

    @Test
    void aHugeNameIsRefusedWithAShortMessageNamingItsPosition() {
        String huge = "very".repeat(250_000);

        assertThatThrownBy(() -> block.setClassNames(List.of("dog", huge)))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageStartingWith("Text is too long (text 2 of 2): ")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600));
        assertThat(block.getClassNames()).isEqualTo(BEFORE);
    }

    @Test
    void aRepeatedHugeNameIsShownAbbreviated() {
        String huge = "x".repeat(1_000_000);

        assertThatThrownBy(() -> block.setClassNames(List.of(huge, huge)))
                .hasMessageContaining("are both \"xxx")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void messagesShowControlAndBidiCharactersAsEscapes() {
        String escape = "\u001b[2J\u202edog";

        assertThatThrownBy(() -> block.setClassNames(List.of(escape, escape)))
                .hasMessageContaining("are both \"\\u001b[2J\\u202edog\"")
                .hasMessageNotContaining("\u001b")
                .hasMessageNotContaining("\u202e");
        assertThatThrownBy(() -> block.setClassNames(List.of("\u001b[2J" + "dog ".repeat(100))))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageContaining("a photo of a \\u001b[2Jdog dog")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void aHundredThousandClassesAreAccepted() {
        List<String> names = IntStream.range(0, 100_000).mapToObj(i -> "class " + i).toList();

        block.setClassNames(names);

        assertThat(block.getClassNames()).hasSize(100_000).endsWith("class 99999");
    }

    @Test
    void namesInAnyScriptAreAccepted() {
        List<String> names =
                List.of(
                        "\u05e2\u05d1\u05e8\u05d9\u05ea",
                        "\ud83d\udc69\u200d\u2764\ufe0f\u200d\ud83d\udc68",
                        "e\u0301\u0301\u0301",
                        "lone \ud800 surrogate",
                        "&lt;b&gt;");

        block.setClassNames(names);

        assertThat(block.getClassNames()).isEqualTo(names);
    }
}
