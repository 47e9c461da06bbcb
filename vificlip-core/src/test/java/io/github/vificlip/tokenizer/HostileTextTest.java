/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile texts (controls, NUL, lone surrogates, joiner sequences, right-to-left text, combining
 * marks, HTML entities of every shape, multi-line text, mojibake, special tokens, long runs) give
 * the ids of OpenAI's tokenizer with the real ftfy, made once by
 * src/test/python/clip_tokenizer_hostile_reference.py.
 */
class HostileTextTest {

    private static final ClipTokenizer TOKENIZER = ClipTokenizer.newInstance();

    static Stream<Arguments> hostileVectors() throws IOException {
        try (InputStream in = HostileTextTest.class.getResourceAsStream("hostile_vectors.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                cases.add(Arguments.of(node.get("text").asText(), ClipTokenizerTest.ids(node)));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("hostileVectors")
    void matchesTheReferenceWithFtfy(String text, int[] ids) {
        assertThat(TOKENIZER.encode(text)).as(escaped(text)).containsExactly(ids);
    }

    @Test
    void nestedEntitiesAreUnescapedUpToTheRoundLimit() {
        String nested = "&" + "amp;".repeat(TextCleaner.MAX_ROUNDS - 1);

        assertThat(TOKENIZER.encode(nested)).containsExactly(TOKENIZER.encode("&"));
    }

    @Test
    void entitiesNestedDeeperThanTheRoundLimitAreRefused() {
        // The reference makes one pass over the text per level: 100 KB of this took a minute.
        String nested = "&" + "amp;".repeat(25_000);

        assertThatThrownBy(() -> TOKENIZER.encode(nested))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("still changes after " + TextCleaner.MAX_ROUNDS + " rounds")
                .hasMessageContaining("\"&amp;amp;");
    }

    @Test
    void aLongWordWithoutSpacesEncodesAndDecodes() {
        Random random = new Random(7);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }

        int[] ids = TOKENIZER.encode(word.toString());

        assertThat(ids.length).isBetween(10_000, 100_000);
        assertThat(TOKENIZER.decode(ids)).isEqualTo(word.toString());
    }

    @Test
    void anOverLongTextInAListIsNamedByItsPosition() {
        List<String> texts = List.of("dog", "dog ".repeat(100), "cat");

        assertThatThrownBy(() -> TOKENIZER.tokenize(texts))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageStartingWith("Text is too long (text 2 of 3): 102 tokens")
                .satisfies(e -> assertThat(((TextTooLongException) e).getIndex()).isEqualTo(1));
    }

    @Test
    void aTextOnItsOwnHasNoIndex() {
        assertThatThrownBy(() -> TOKENIZER.tokenize("dog ".repeat(100)))
                .satisfies(e -> assertThat(((TextTooLongException) e).getIndex()).isEqualTo(-1));
    }

    @Test
    void aVocabularyOfOneEndlessLineIsRefused(@TempDir Path dir) throws IOException {
        Path endless = dir.resolve("endless.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(endless))) {
            out.write("#version: 0.2\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 256; i++) { // 16 MB in one line
                out.write(chunk);
            }
        }

        assertThatThrownBy(() -> ClipTokenizer.builder().optVocabulary(endless).build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageEndingWith(
                        "endless.txt.gz line 2: longer than 1024 characters, so not a merges file");
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c ->
                                out.append(
                                        c < 0x20 || c > 0x7E
                                                ? String.format("\\u%04x", c)
                                                : String.valueOf((char) c)));
        return out.toString();
    }
}
