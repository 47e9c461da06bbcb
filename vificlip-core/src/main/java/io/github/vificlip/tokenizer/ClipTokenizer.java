/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI CLIP's byte-level BPE tokenizer, with the same ids as {@code clip.tokenize}.
 *
 * <p>A text is cleaned ({@code ftfy}-style fixes, HTML unescaped twice, whitespace collapsed,
 * lower-cased), split into words, digits and punctuation runs, and each piece is byte-pair encoded
 * with the 48,894 ranked merges of the vocabulary shipped with this library (MIT, OpenAI). {@link
 * #tokenize(String)} adds {@code <|startoftext|>} (49406) and {@code <|endoftext|>} (49407) and
 * pads with 0 to the context length (77 by default):
 *
 * <pre>{@code
 * ClipTokenizer tokenizer = ClipTokenizer.newInstance();
 * int[] ids = tokenizer.tokenize("a photo of a abseiling.");
 * // 49406, 320, 1125, 539, 320, 596, 567, 3299, 269, 49407, 0, 0, ...
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; encoded words are kept in a bounded cache shared by
 * all threads.
 */
public final class ClipTokenizer {

    /** Id of {@code <|startoftext|>}. */
    public static final int START_OF_TEXT = 49406;

    /** Id of {@code <|endoftext|>}; also the largest id, so its position is the argmax of a row. */
    public static final int END_OF_TEXT = 49407;

    /** The id that pads rows after the end token. */
    public static final int PADDING = 0;

    /** CLIP's context length. */
    public static final int DEFAULT_CONTEXT_LENGTH = 77;

    private static final String SHIPPED_VOCABULARY = "bpe_simple_vocab_16e6.txt.gz";

    /** The split rule of CLIP's {@code SimpleTokenizer}. */
    private static final Pattern PIECES =
            Pattern.compile(
                    "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d"
                            + "|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
                    Pattern.CASE_INSENSITIVE
                            | Pattern.UNICODE_CASE
                            | Pattern.UNICODE_CHARACTER_CLASS);

    /** Longer pieces are merged afresh each time, so that the cache's memory stays bounded. */
    private static final int LONGEST_CACHED_PIECE = 64;

    private static volatile BpeVocabulary shippedVocabulary;

    private final BpeVocabulary vocabulary;
    private final int contextLength;
    private final boolean truncate;
    private final BytePairMerger merger;
    private final Cache<String, int[]> cache;

    private ClipTokenizer(Builder builder) {
        this.vocabulary = builder.vocabulary;
        this.merger = new BytePairMerger(builder.vocabulary);
        this.contextLength = builder.contextLength;
        this.truncate = builder.truncate;
        this.cache = Caffeine.newBuilder().maximumSize(builder.cacheSize).build();
    }

    /**
     * Returns a tokenizer with CLIP's shipped vocabulary, context length 77 and no truncation.
     *
     * @return the tokenizer
     */
    public static ClipTokenizer newInstance() {
        return builder().build();
    }

    /**
     * Returns a builder for a tokenizer with other settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the context length every tokenized row has.
     *
     * @return the context length
     */
    public int getContextLength() {
        return contextLength;
    }

    /**
     * Tells whether over-long texts are cut (keeping the end token last) instead of rejected.
     *
     * @return {@code true} if texts are truncated
     */
    public boolean isTruncate() {
        return truncate;
    }

    /**
     * Returns the number of ids in the vocabulary (49,408 for CLIP).
     *
     * @return the vocabulary size
     */
    public int getVocabularySize() {
        return vocabulary.size();
    }

    /**
     * Returns the BPE ids of a text without start, end or padding tokens.
     *
     * @param text any text
     * @return the token ids
     * @throws IllegalArgumentException if a line nests HTML entities more than 63 deep ({@code
     *     &amp;amp;amp;...}), which the reference's clean-up undoes with one pass per level
     */
    public int[] encode(String text) {
        String cleaned = TextCleaner.clean(text);
        IntList ids = new IntList(cleaned.length() + 2);
        Matcher matcher = PIECES.matcher(cleaned);
        while (matcher.find()) {
            ids.addAll(encodePiece(matcher.group()));
        }
        return ids.toArray();
    }

    /**
     * Returns one row as {@code clip.tokenize} makes it: start token, BPE ids, end token, then
     * padding up to the context length.
     *
     * @param text any text
     * @return the row of {@link #getContextLength()} ids
     * @throws TextTooLongException if the text does not fit and truncation is off
     * @throws IllegalArgumentException if a line nests HTML entities too deep (see {@link #encode})
     */
    public int[] tokenize(String text) {
        int[] bpe = encode(text);
        int[] row = new int[contextLength];
        int needed = bpe.length + 2;
        if (needed > contextLength && !truncate) {
            throw new TextTooLongException(text, needed, contextLength);
        }
        row[0] = START_OF_TEXT;
        int kept = Math.min(bpe.length, contextLength - 2);
        System.arraycopy(bpe, 0, row, 1, kept);
        row[Math.min(needed, contextLength) - 1] = END_OF_TEXT;
        return row;
    }

    /**
     * Tokenizes several texts into rows of equal length.
     *
     * @param texts the texts
     * @return one row per text
     * @throws TextTooLongException for the first text that does not fit, when truncation is off;
     *     its message and {@link TextTooLongException#getIndex()} give the text's position
     */
    public int[][] tokenize(List<String> texts) {
        int[][] rows = new int[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            try {
                rows[i] = tokenize(texts.get(i));
            } catch (TextTooLongException e) {
                throw e.inList(i, rows.length);
            }
        }
        return rows;
    }

    /**
     * Tokenizes several texts into an int64 array of shape [N, context length], ready for the text
     * tower.
     *
     * @param manager the manager that owns the returned array
     * @param texts the texts
     * @return the token ids
     * @throws TextTooLongException for the first text that does not fit, when truncation is off
     */
    public NDArray tokenize(NDManager manager, List<String> texts) {
        long[] flat = new long[texts.size() * contextLength];
        int[][] rows = tokenize(texts);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < contextLength; j++) {
                flat[i * contextLength + j] = rows[i][j];
            }
        }
        return manager.create(flat, new Shape(texts.size(), contextLength));
    }

    /**
     * Turns ids back into text. A leading start token is skipped and decoding stops at the first
     * end token, so a padded row decodes to its text; words are separated by single spaces as in
     * CLIP's {@code decode}, and the result is trimmed.
     *
     * @param ids token ids, with or without start, end and padding tokens
     * @return the decoded text
     * @throws IllegalArgumentException if an id is outside the vocabulary
     */
    public String decode(int[] ids) {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id == END_OF_TEXT) {
                break;
            }
            if (i == 0 && id == START_OF_TEXT) {
                continue;
            }
            if (id < 0 || id >= vocabulary.size()) {
                throw new IllegalArgumentException(
                        "Token id "
                                + id
                                + " at position "
                                + i
                                + " is outside the vocabulary [0, "
                                + vocabulary.size()
                                + ")");
            }
            symbols.append(vocabulary.symbol(id));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(symbols.length());
        for (int i = 0; i < symbols.length(); i++) {
            int b = ByteAlphabet.byteOf(symbols.charAt(i));
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.replace(BpeVocabulary.END_OF_WORD, " ").strip();
    }

    /** Byte-encodes one piece and merges it, through the shared cache. */
    private int[] encodePiece(String piece) {
        if (piece.equals(BpeVocabulary.START_OF_TEXT)) {
            return new int[] {START_OF_TEXT};
        }
        if (piece.equals(BpeVocabulary.END_OF_TEXT)) {
            return new int[] {END_OF_TEXT};
        }
        return piece.length() > LONGEST_CACHED_PIECE
                ? bytePairEncode(piece)
                : cache.get(piece, this::bytePairEncode);
    }

    private int[] bytePairEncode(String piece) {
        byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
        int[] word = new int[utf8.length];
        for (int i = 0; i < utf8.length; i++) {
            word[i] = ByteAlphabet.positionOf(utf8[i]);
        }
        word[word.length - 1] += 256; // the same symbol ending a word
        return merger.merge(word);
    }

    private static BpeVocabulary shippedVocabulary() {
        BpeVocabulary result = shippedVocabulary;
        if (result == null) {
            synchronized (ClipTokenizer.class) {
                result = shippedVocabulary;
                if (result == null) {
                    try (InputStream in =
                            ClipTokenizer.class.getResourceAsStream(SHIPPED_VOCABULARY)) {
                        if (in == null) {
                            throw new IllegalStateException(
                                    "The CLIP vocabulary resource "
                                            + SHIPPED_VOCABULARY
                                            + " is missing from the vificlip-core jar");
                        }
                        result = BpeVocabulary.read(in, SHIPPED_VOCABULARY);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shippedVocabulary = result;
                }
            }
        }
        return result;
    }

    /** A growable int array, to avoid boxing on the hot path. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(capacity, 4)];
        }

        void addAll(int[] more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Configures a {@link ClipTokenizer}. */
    public static final class Builder {

        private BpeVocabulary vocabulary;
        private Path vocabularyFile;
        private int contextLength = DEFAULT_CONTEXT_LENGTH;
        private boolean truncate;
        private long cacheSize = 100_000;

        Builder() {}

        /**
         * Uses another merges file in OpenAI's gzip format instead of the shipped CLIP vocabulary.
         *
         * @param file a {@code bpe_simple_vocab_16e6.txt.gz}-style file
         * @return this builder
         */
        public Builder optVocabulary(Path file) {
            this.vocabularyFile = file;
            return this;
        }

        /**
         * Sets the length of tokenized rows (77 for CLIP; the model's positional embedding fixes
         * it).
         *
         * @param contextLength at least 2
         * @return this builder
         */
        public Builder optContextLength(int contextLength) {
            this.contextLength = contextLength;
            return this;
        }

        /**
         * Cuts over-long texts to the context length, keeping the end token last, instead of
         * throwing {@link TextTooLongException}.
         *
         * @param truncate whether to truncate
         * @return this builder
         */
        public Builder optTruncate(boolean truncate) {
            this.truncate = truncate;
            return this;
        }

        /**
         * Bounds the number of words whose merges are cached (100,000 by default); words over 64
         * characters are never cached.
         *
         * @param cacheSize the number of words; 0 disables the cache
         * @return this builder
         */
        public Builder optCacheSize(long cacheSize) {
            this.cacheSize = cacheSize;
            return this;
        }

        /**
         * Builds the tokenizer, reading the vocabulary once per JVM for the shipped one.
         *
         * @return the tokenizer
         * @throws IllegalArgumentException if the context length or cache size is invalid
         * @throws UncheckedIOException if a given vocabulary file cannot be read
         */
        public ClipTokenizer build() {
            if (contextLength < 2) {
                throw new IllegalArgumentException(
                        "Context length must be at least 2 (start and end tokens), got "
                                + contextLength);
            }
            if (cacheSize < 0) {
                throw new IllegalArgumentException(
                        "Cache size must be 0 or more, got " + cacheSize);
            }
            if (vocabularyFile == null) {
                vocabulary = shippedVocabulary();
            } else {
                try (InputStream in = Files.newInputStream(vocabularyFile)) {
                    vocabulary = BpeVocabulary.read(in, vocabularyFile.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "Cannot read the BPE vocabulary "
                                    + vocabularyFile
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
            return new ClipTokenizer(this);
        }
    }
}
