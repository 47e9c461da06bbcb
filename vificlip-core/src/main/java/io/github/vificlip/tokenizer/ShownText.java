/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

/**
 * A user's text as an error message shows it: cut to a length, with control, format and lone
 * surrogate characters written as {@code \}{@code uXXXX}, so that a hostile class name or prompt
 * cannot rewrite the terminal (escape sequences) or hide part of the message (bidi overrides).
 */
public final class ShownText {

    private ShownText() {}

    /**
     * Returns the text as a message shows it.
     *
     * @param text any text
     * @param length the most characters shown before "..." (at least 4)
     * @return the text, cut and with invisible characters escaped
     */
    public static String of(String text, int length) {
        String cut = text.length() <= length ? text : text.substring(0, length - 3) + "...";
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c)
                            && i + 1 < cut.length()
                            && Character.isLowSurrogate(cut.charAt(i + 1));
            if (pair) {
                out.append(c).append(cut.charAt(++i));
            } else if (Character.isISOControl(c)
                    || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
