/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * HTML character-reference decoding with the rules of Python's {@code html.unescape}, which the
 * CLIP tokenizer applies twice to every text.
 *
 * <p>Named references come from the HTML5 table (read from jsoup); the 106 legacy names may appear
 * without a semicolon and match as the longest prefix ({@code "&notit;"} becomes {@code "¬it;"}).
 * Numeric references follow HTML5's repairs: Windows-1252 for 0x80-0x9F, U+FFFD for surrogates,
 * zero and out-of-range values, and nothing for non-characters and most controls.
 */
final class HtmlUnescaper {

    /** Python's {@code html._charref}. */
    private static final Pattern CHARACTER_REFERENCE =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    /** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252 and stay as is. */
    private static final String C1_AS_WINDOWS_1252 =
            "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d"
                    + "\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
                    + "\u203a\u0153\u009d\u017e\u0178";

    private HtmlUnescaper() {}

    /**
     * Replaces every character reference in {@code text} as Python's {@code html.unescape} does.
     *
     * @param text the text to decode
     * @return the decoded text
     */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = CHARACTER_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replace(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replace(String reference) {
        if (reference.charAt(0) == '#') {
            boolean hex = reference.length() > 1 && (reference.charAt(1) | 0x20) == 'x';
            String digits = stripSemicolon(reference.substring(hex ? 2 : 1));
            return numeric(digits, hex ? 16 : 10);
        }
        if (reference.endsWith(";")) {
            String name = stripSemicolon(reference);
            if (Entities.isNamedEntity(name)) {
                return Entities.getByName(name);
            }
        } else if (Entities.isBaseNamedEntity(reference)) {
            return Entities.getByName(reference);
        }
        // The longest legacy name (those need no semicolon) that starts the reference.
        for (int end = reference.length() - 1; end > 1; end--) {
            String prefix = reference.substring(0, end);
            if (Entities.isBaseNamedEntity(prefix)) {
                return Entities.getByName(prefix) + reference.substring(end);
            }
        }
        return "&" + reference;
    }

    private static String stripSemicolon(String s) {
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static String numeric(String digits, int radix) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 8) {
            return "\ufffd"; // far beyond U+10FFFF
        }
        int code = Integer.parseInt(significant, radix);
        if (code == 0) {
            return "\ufffd";
        }
        if (code == 0x0D) {
            return "\r";
        }
        if (code >= 0x80 && code <= 0x9F) {
            return String.valueOf(C1_AS_WINDOWS_1252.charAt(code - 0x80));
        }
        if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return "\ufffd";
        }
        if (isInvalidCodePoint(code)) {
            return "";
        }
        return new String(Character.toChars(code));
    }

    /** Python's {@code html._invalid_codepoints}: controls and non-characters, dropped. */
    private static boolean isInvalidCodePoint(int code) {
        return (code >= 0x01 && code <= 0x08)
                || code == 0x0B
                || (code >= 0x0E && code <= 0x1F)
                || (code >= 0x7F && code <= 0x9F)
                || (code >= 0xFDD0 && code <= 0xFDEF)
                || (code & 0xFFFE) == 0xFFFE;
    }
}
