/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The CLIP vocabulary: 49,408 symbol strings with their ids and the ranked merge table.
 *
 * <p>Ids 0-255 are the byte characters, 256-511 the same characters ending a word ({@code </w>}),
 * then one id per merge in rank order ({@code 512 + rank}), then the two special tokens. Merges are
 * kept as pairs of ids so that byte-pair encoding runs on integers.
 */
final class BpeVocabulary {

    static final String END_OF_WORD = "</w>";
    static final String START_OF_TEXT = "<|startoftext|>";
    static final String END_OF_TEXT = "<|endoftext|>";

    /** Merges used by CLIP: lines 1..48894 of the file (49152 - 256 - 2 of them). */
    static final int MERGE_COUNT = 49152 - 256 - 2;

    /** CLIP's longest line has 129 characters. */
    private static final int LONGEST_LINE = 1024;

    private final String[] symbols;
    private final Map<Long, Merge> merges;

    /** A ranked merge: lower rank merges first; {@code result} is the merged symbol's id. */
    record Merge(int rank, int result) {}

    private BpeVocabulary(String[] symbols, Map<Long, Merge> merges) {
        this.symbols = symbols;
        this.merges = merges;
    }

    /**
     * Reads a gzip-compressed merges file in OpenAI's format (a version header, then one {@code "a
     * b"} pair per line).
     *
     * @param gzipped the compressed file's bytes; the caller closes it
     * @param source a name for the file used in error messages
     * @return the vocabulary
     * @throws IOException if the stream cannot be read or does not hold enough merges
     */
    static BpeVocabulary read(InputStream gzipped, String source) throws IOException {
        List<String[]> pairs = new ArrayList<>(MERGE_COUNT);
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String line = line(reader, source, 1); // version header
            int lineNumber = 1;
            while (pairs.size() < MERGE_COUNT
                    && (line = line(reader, source, lineNumber + 1)) != null) {
                lineNumber++;
                String[] pair = line.trim().split("\\s+");
                if (pair.length != 2) {
                    throw new IOException(
                            source
                                    + " line "
                                    + lineNumber
                                    + ": expected a merge \"a b\", found \""
                                    + line
                                    + '"');
                }
                pairs.add(pair);
            }
        }
        if (pairs.size() < MERGE_COUNT) {
            throw new IOException(
                    source
                            + ": expected "
                            + MERGE_COUNT
                            + " merges after the header, found "
                            + pairs.size());
        }
        return build(pairs);
    }

    /**
     * Reads one line of at most {@value #LONGEST_LINE} characters, so that a file of one endless
     * line cannot exhaust the memory; {@code null} at the end of the file.
     */
    private static String line(Reader reader, String source, int lineNumber) throws IOException {
        StringBuilder out = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (out.length() == LONGEST_LINE) {
                throw new IOException(
                        source
                                + " line "
                                + lineNumber
                                + ": longer than "
                                + LONGEST_LINE
                                + " characters, so not a merges file");
            }
            out.append((char) c);
        }
        return c < 0 && out.length() == 0 ? null : out.toString();
    }

    private static BpeVocabulary build(List<String[]> pairs) {
        int size = 512 + pairs.size() + 2;
        String[] symbols = new String[size];
        for (int i = 0; i < 256; i++) {
            symbols[i] = String.valueOf(ByteAlphabet.charAt(i));
            symbols[256 + i] = symbols[i] + END_OF_WORD;
        }
        for (int rank = 0; rank < pairs.size(); rank++) {
            symbols[512 + rank] = pairs.get(rank)[0] + pairs.get(rank)[1];
        }
        symbols[size - 2] = START_OF_TEXT;
        symbols[size - 1] = END_OF_TEXT;

        // Like Python's dict(zip(vocab, range(n))): a repeated string keeps its last id.
        Map<String, Integer> ids = new HashMap<>(size * 2);
        for (int id = 0; id < size; id++) {
            ids.put(symbols[id], id);
        }
        Map<Long, Merge> merges = new HashMap<>(pairs.size() * 2);
        for (int rank = 0; rank < pairs.size(); rank++) {
            Integer first = ids.get(pairs.get(rank)[0]);
            Integer second = ids.get(pairs.get(rank)[1]);
            if (first == null || second == null) {
                continue; // a merge of symbols that can never occur
            }
            merges.put(pairKey(first, second), new Merge(rank, ids.get(symbols[512 + rank])));
        }
        return new BpeVocabulary(symbols, merges);
    }

    static long pairKey(int first, int second) {
        return ((long) first << 32) | (second & 0xFFFFFFFFL);
    }

    /** Returns the number of ids. */
    int size() {
        return symbols.length;
    }

    /** Returns the symbol string of an id. */
    String symbol(int id) {
        return symbols[id];
    }

    /** Returns the merge of two adjacent symbols, or {@code null} if they never merge. */
    Merge merge(int first, int second) {
        return merges.get(pairKey(first, second));
    }
}
