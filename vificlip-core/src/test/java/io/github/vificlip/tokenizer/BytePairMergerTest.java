/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heap merger against the reference's algorithm (rescan for the lowest-ranked pair, merge all
 * its occurrences left to right, repeat), written out here as the oracle.
 */
class BytePairMergerTest {

    private static BpeVocabulary vocabulary;

    @BeforeAll
    static void readVocabulary() throws IOException {
        try (InputStream in =
                ClipTokenizer.class.getResourceAsStream("bpe_simple_vocab_16e6.txt.gz")) {
            vocabulary = BpeVocabulary.read(in, "shipped");
        }
    }

    @Test
    void mergesRandomWordsAsTheReference() {
        BytePairMerger merger = new BytePairMerger(vocabulary);
        Random random = new Random(7);
        String[] alphabets = {"ab", "aeiou", "abcdefghijklmnopqrstuvwxyz", "sst.!", "é漢字a"};
        for (int i = 0; i < 3000; i++) {
            String alphabet = alphabets[i % alphabets.length];
            int length = 1 + random.nextInt(i < 2900 ? 24 : 400);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int[] word = symbols(text.toString());
            assertThat(merger.merge(word)).as(text.toString()).isEqualTo(reference(word));
        }
    }

    @Test
    void mergesRepeatedSymbolsLeftToRight() {
        BytePairMerger merger = new BytePairMerger(vocabulary);
        for (String text : new String[] {"aaaa", "aaaaa", "xxxxxxxxxxxxxxxxxxxxxxx", "lll", "a"}) {
            int[] word = symbols(text);
            assertThat(merger.merge(word)).as(text).isEqualTo(reference(word));
        }
    }

    @Test
    void longWordsStayExact() {
        BytePairMerger merger = new BytePairMerger(vocabulary);
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < 20_000; j++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        int[] word = symbols(text.toString());
        assertThat(merger.merge(word)).isEqualTo(reference(word));
    }

    private static int[] symbols(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] word = new int[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            word[i] = ByteAlphabet.positionOf(utf8[i]);
        }
        word[word.length - 1] += 256;
        return word;
    }

    /** The reference's loop, quadratic. */
    private static int[] reference(int[] input) {
        int[] word = input.clone();
        int length = word.length;
        while (length > 1) {
            BpeVocabulary.Merge best = null;
            int first = -1;
            int second = -1;
            for (int i = 0; i + 1 < length; i++) {
                BpeVocabulary.Merge merge = vocabulary.merge(word[i], word[i + 1]);
                if (merge != null && (best == null || merge.rank() < best.rank())) {
                    best = merge;
                    first = word[i];
                    second = word[i + 1];
                }
            }
            if (best == null) {
                break;
            }
            int out = 0;
            for (int i = 0; i < length; i++) {
                if (i + 1 < length && word[i] == first && word[i + 1] == second) {
                    word[out++] = best.result();
                    i++;
                } else {
                    word[out++] = word[i];
                }
            }
            length = out;
        }
        return Arrays.copyOf(word, length);
    }
}
