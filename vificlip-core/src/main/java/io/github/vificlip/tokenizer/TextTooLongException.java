/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

/**
 * Thrown when a text needs more tokens than the tokenizer's context length and truncation is off.
 */
public class TextTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_CHARACTERS = 200;

    /** The text that did not fit. */
    private final String text;

    /** Tokens the text needs, start and end tokens included. */
    private final int tokenCount;

    /** The context length the text had to fit in. */
    private final int contextLength;

    /** The text's position in the list it came in, or -1. */
    private final int index;

    /**
     * Creates the exception for one text.
     *
     * @param text the text that did not fit
     * @param tokenCount the number of tokens it needs, start and end tokens included
     * @param contextLength the context length it had to fit in
     */
    public TextTooLongException(String text, int tokenCount, int contextLength) {
        this(text, tokenCount, contextLength, -1, "");
    }

    private TextTooLongException(
            String text, int tokenCount, int contextLength, int index, String position) {
        super(
                "Text is too long"
                        + position
                        + ": "
                        + tokenCount
                        + " tokens with the start and end tokens, but the context length is "
                        + contextLength
                        + " (shorten it; vificlip tokenize --truncate and"
                        + " ClipTokenizer.builder().optTruncate(true) cut it to fit): \""
                        + abbreviate(text)
                        + '"');
        this.text = text;
        this.tokenCount = tokenCount;
        this.contextLength = contextLength;
        this.index = index;
    }

    /** The same refusal for the text at {@code index} of a list of {@code count} texts. */
    TextTooLongException inList(int index, int count) {
        String position = " (text " + (index + 1) + " of " + count + ")";
        return new TextTooLongException(text, tokenCount, contextLength, index, position);
    }

    private static String abbreviate(String text) {
        return ShownText.of(text, SHOWN_CHARACTERS + 3);
    }

    /**
     * Returns the text that did not fit.
     *
     * @return the text
     */
    public String getText() {
        return text;
    }

    /**
     * Returns the text's position in the list it was tokenized with (a class name's label).
     *
     * @return the zero-based index, or -1 for a text tokenized on its own
     */
    public int getIndex() {
        return index;
    }

    /**
     * Returns the number of tokens the text needs, start and end tokens included.
     *
     * @return the token count
     */
    public int getTokenCount() {
        return tokenCount;
    }

    /**
     * Returns the context length the text had to fit in.
     *
     * @return the context length
     */
    public int getContextLength() {
        return contextLength;
    }
}
