/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
                int[] ids = new int[node.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = node.get("ids").get(i).asInt();
                }
                cases.add(Arguments.of(node.get("text").asText(), ids));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("hostileVectors")
    void matchesTheReferenceWithFtfy(String text, int[] ids) {
        assertThat(TOKENIZER.encode(text)).as(escaped(text)).containsExactly(ids);
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
