/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClipTokenizerTest {

    private static final ClipTokenizer TOKENIZER = ClipTokenizer.newInstance();

    static Stream<Arguments> specVectors() {
        return Stream.of(
                Arguments.of(
                        "a photo of a abseiling.",
                        new int[] {49406, 320, 1125, 539, 320, 596, 567, 3299, 269, 49407}),
                Arguments.of("abseiling", new int[] {49406, 596, 567, 3299, 49407}),
                Arguments.of(
                        "a photo of a ApplyEyeMakeup.",
                        new int[] {
                            49406, 320, 1125, 539, 320, 882, 75, 693, 693, 5853, 269, 49407
                        }),
                Arguments.of(
                        "a photo of a brush hair.",
                        new int[] {49406, 320, 1125, 539, 320, 8594, 2225, 269, 49407}),
                Arguments.of("X X X X", new int[] {49406, 343, 343, 343, 343, 49407}),
                Arguments.of(
                        "a photo of a backflip (human).",
                        new int[] {
                            49406, 320, 1125, 539, 320, 1663, 11035, 263, 2751, 1818, 49407
                        }),
                Arguments.of(
                        "Putting something that can't roll onto a slanted surface, so it slides"
                                + " down",
                        new int[] {
                            49406, 5154, 2006, 682, 753, 713, 3341, 3141, 320, 44663, 775, 7744,
                            267, 706, 585, 15939, 1136, 49407
                        }));
    }

    @ParameterizedTest
    @MethodSource("specVectors")
    void matchesSpecTestVectors(String text, int[] expected) {
        int[] row = TOKENIZER.tokenize(text);

        assertThat(row).hasSize(77);
        assertThat(Arrays.copyOf(row, expected.length)).containsExactly(expected);
        assertThat(Arrays.copyOfRange(row, expected.length, 77)).containsOnly(0);
    }

    static Stream<Arguments> referenceVectors() throws IOException {
        try (InputStream in =
                ClipTokenizerTest.class.getResourceAsStream("reference_vectors.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                cases.add(
                        Arguments.of(
                                node.get("text").asText(),
                                ids(node),
                                node.get("decoded").isNull()
                                        ? null
                                        : node.get("decoded").asText()));
            }
            return cases.stream();
        }
    }

    /** The {@code ids} array of a golden case. */
    static int[] ids(JsonNode node) {
        int[] ids = new int[node.get("ids").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = node.get("ids").get(i).asInt();
        }
        return ids;
    }

    /** Golden ids from the independent Python reference in src/test/python. */
    @ParameterizedTest
    @MethodSource("referenceVectors")
    void matchesIndependentReference(String text, int[] ids, String decoded) {
        assertThat(TOKENIZER.encode(text)).containsExactly(ids);
        if (decoded != null) {
            assertThat(TOKENIZER.decode(TOKENIZER.tokenize(text))).isEqualTo(decoded);
        }
    }

    @Test
    void emptyTextIsStartThenEnd() {
        int[] row = TOKENIZER.tokenize("");

        assertThat(row[0]).isEqualTo(ClipTokenizer.START_OF_TEXT);
        assertThat(row[1]).isEqualTo(ClipTokenizer.END_OF_TEXT);
        assertThat(Arrays.copyOfRange(row, 2, 77)).containsOnly(0);
    }

    @Test
    void eachDigitIsItsOwnToken() {
        assertThat(TOKENIZER.encode("2024")).hasSize(4);
        assertThat(TOKENIZER.encode("2024"))
                .containsExactly(
                        TOKENIZER.encode("2")[0],
                        TOKENIZER.encode("0")[0],
                        TOKENIZER.encode("2")[0],
                        TOKENIZER.encode("4")[0]);
    }

    @Test
    void repairsTextTheWayFtfyDoes() {
        assertThat(TOKENIZER.encode("caf\u00c3\u00a9")).isEqualTo(TOKENIZER.encode("café"));
        assertThat(TOKENIZER.encode("\u00e2\u20ac\u0153hi\u00e2\u20ac\u009d"))
                .isEqualTo(TOKENIZER.encode("\"hi\""));
        assertThat(TOKENIZER.encode("\ufb01sh \ufb02ow")).isEqualTo(TOKENIZER.encode("fish flow"));
        assertThat(TOKENIZER.encode("\uff21\uff22\uff23\u3000\uff11\uff12"))
                .isEqualTo(TOKENIZER.encode("ABC 12"));
        assertThat(TOKENIZER.encode("\u001b[31mred\u001b[0m")).isEqualTo(TOKENIZER.encode("red"));
        assertThat(TOKENIZER.encode("zero\u200b\ufeffwidth\u0007"))
                .isEqualTo(TOKENIZER.encode("zero\u200bwidth"));
        assertThat(TOKENIZER.encode("lone \ud800 surrogate"))
                .isEqualTo(TOKENIZER.encode("lone \ufffd surrogate"));
        // Plain accented text is not mistaken for mojibake.
        assertThat(TOKENIZER.decode(TOKENIZER.tokenize("naïve café"))).isEqualTo("naïve café");
    }

    @Test
    void overLongTextIsRejectedWithItsLength() {
        String text = String.join(" ", java.util.Collections.nCopies(80, "dog"));

        assertThatThrownBy(() -> TOKENIZER.tokenize(text))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageContaining("82 tokens")
                .hasMessageContaining("context length is 77")
                .hasMessageContaining("dog dog dog")
                .satisfies(
                        e -> {
                            TextTooLongException tooLong = (TextTooLongException) e;
                            assertThat(tooLong.getText()).isEqualTo(text);
                            assertThat(tooLong.getTokenCount()).isEqualTo(82);
                            assertThat(tooLong.getContextLength()).isEqualTo(77);
                        });
    }

    @Test
    void textThatExactlyFillsTheContextFits() {
        String text = String.join(" ", java.util.Collections.nCopies(75, "dog"));

        int[] row = TOKENIZER.tokenize(text);

        assertThat(row[0]).isEqualTo(ClipTokenizer.START_OF_TEXT);
        assertThat(row[76]).isEqualTo(ClipTokenizer.END_OF_TEXT);
        assertThat(row[75]).isEqualTo(TOKENIZER.encode("dog")[0]);
    }

    @Test
    void truncationKeepsTheEndTokenLast() {
        ClipTokenizer truncating = ClipTokenizer.builder().optTruncate(true).build();
        String text = String.join(" ", java.util.Collections.nCopies(80, "dog"));

        int[] row = truncating.tokenize(text);

        assertThat(row).hasSize(77);
        assertThat(row[0]).isEqualTo(ClipTokenizer.START_OF_TEXT);
        assertThat(row[76]).isEqualTo(ClipTokenizer.END_OF_TEXT);
        assertThat(Arrays.copyOfRange(row, 1, 76)).containsOnly(TOKENIZER.encode("dog")[0]);
    }

    @Test
    void otherContextLengthsPadAndCheckAgainstTheirLength() {
        ClipTokenizer short16 = ClipTokenizer.builder().optContextLength(16).build();

        assertThat(short16.tokenize("a dog")).hasSize(16);
        assertThatThrownBy(
                        () ->
                                short16.tokenize(
                                        "one two three four five six seven eight nine ten"
                                                + " eleven twelve thirteen fourteen fifteen"))
                .isInstanceOf(TextTooLongException.class)
                .hasMessageContaining("context length is 16");
        assertThatThrownBy(() -> ClipTokenizer.builder().optContextLength(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
    }

    @Test
    void batchEncodingMakesAnInt64Matrix() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray ids = TOKENIZER.tokenize(manager, List.of("a photo of a dog.", "X X X X", ""));

            assertThat(ids.getShape()).isEqualTo(new Shape(3, 77));
            assertThat(ids.getDataType()).isEqualTo(DataType.INT64);
            long[] flat = ids.toLongArray();
            assertThat(flat[77]).isEqualTo(49406);
            assertThat(Arrays.copyOfRange(flat, 78, 83)).containsExactly(343, 343, 343, 343, 49407);
            // The end token is the largest id, so argmax finds it (the text tower relies on this).
            assertThat(ids.argMax(1).toLongArray()).containsExactly(7, 5, 1);
        }
    }

    @ParameterizedTest
    @MethodSource("plainTexts")
    void decodeInvertsEncodeForPlainText(String text) {
        assertThat(TOKENIZER.decode(TOKENIZER.encode(text))).isEqualTo(text);
        assertThat(TOKENIZER.decode(TOKENIZER.tokenize(text))).isEqualTo(text);
    }

    static Stream<String> plainTexts() {
        return Stream.of(
                "a photo of a dog",
                "riding a bike",
                "playing the guitar on a sunny day",
                "straße über große öfen",
                "человек играет на гитаре",
                "一个人在弹吉他",
                "zzzzqqqq xylophonist",
                "");
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        assertThatThrownBy(() -> TOKENIZER.decode(new int[] {320, 50000}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("50000")
                .hasMessageContaining("position 1");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ClipTokenizer shared = ClipTokenizer.builder().optCacheSize(64).build();
        List<String> texts =
                IntStream.range(0, 400)
                        .mapToObj(i -> "a photo of a class number " + i + " doing thing" + i % 37)
                        .toList();
        List<int[]> expected = texts.stream().map(TOKENIZER::tokenize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < texts.size(); i++) {
                                        if (!Arrays.equals(
                                                shared.tokenize(texts.get(i)), expected.get(i))) {
                                            return false;
                                        }
                                    }
                                    return true;
                                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void readsAnotherVocabularyFile(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("vocab.txt.gz");
        try (InputStream in =
                ClipTokenizer.class.getResourceAsStream("bpe_simple_vocab_16e6.txt.gz")) {
            Files.copy(in, copy);
        }

        ClipTokenizer fromFile = ClipTokenizer.builder().optVocabulary(copy).build();

        assertThat(fromFile.tokenize("a photo of a abseiling."))
                .isEqualTo(TOKENIZER.tokenize("a photo of a abseiling."));
        assertThat(fromFile.getVocabularySize()).isEqualTo(49408);
    }

    @Test
    void namesTheFileAndLineOfABrokenVocabulary(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
            out.write("#version: 0.2\ni n\nt h e x\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> ClipTokenizer.builder().optVocabulary(broken).build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("broken.txt.gz line 3");
        assertThatThrownBy(
                        () ->
                                ClipTokenizer.builder()
                                        .optVocabulary(dir.resolve("missing.gz"))
                                        .build())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.gz");
    }
}
