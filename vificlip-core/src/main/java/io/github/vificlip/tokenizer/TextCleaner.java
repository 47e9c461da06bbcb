/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * The text clean-up the CLIP tokenizer runs before splitting: {@code ftfy.fix_text}, HTML
 * unescaping twice, whitespace collapsing and lower-casing.
 *
 * <p>There is no Java port of ftfy. This class implements the fixes that change real text, in
 * ftfy's order, line by line, and repeated until nothing changes: HTML entities (only up to the
 * first line that holds a {@code <}), UTF-8 read as Windows-1252 ("mojibake", fixed when the whole
 * line re-decodes as valid UTF-8), C1 controls as Windows-1252, Latin ligatures, full-width
 * characters, curly quotes, line breaks, lone surrogates, terminal escapes, control characters, and
 * NFC. ftfy's statistical mojibake detector for partly broken text is not reproduced. A line that
 * still changes after {@value #MAX_ROUNDS} rounds (entities nested that deep) is refused rather
 * than given ftfy's quadratic time.
 */
final class TextCleaner {

    /** Characters for which Python's {@code str.isspace()} holds; {@code \s} in Python's re. */
    private static final Pattern WHITESPACE =
            Pattern.compile(
                    "[\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029"
                            + "\\u202F\\u205F\\u3000]+");

    private static final Pattern FTFY_ENTITY = Pattern.compile("&#?[0-9A-Za-z]{1,24};");
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\\x1B\\[[0-9;]*[A-Za-z]");

    /** Lead bytes of multi-byte UTF-8 sequences, read as Windows-1252. */
    private static final Pattern MOJIBAKE_HINT = Pattern.compile("[\\u00C2-\\u00F4]");

    /** ftfy's {@code max_decode_length}: the longest segment fixed at once. */
    static final int MAX_SEGMENT = 1_000_000;

    /** Rounds of fixes a segment may take; each level of nested entities takes one. */
    static final int MAX_ROUNDS = 64;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final String[][] LIGATURES = {
        {"\u0132", "IJ"}, {"\u0133", "ij"}, {"\u0149", "\u02BCn"}, {"\u01F1", "DZ"},
        {"\u01F2", "Dz"}, {"\u01F3", "dz"}, {"\u01C4", "D\u017D"}, {"\u01C5", "D\u017E"},
        {"\u01C6", "d\u017E"}, {"\u01C7", "LJ"}, {"\u01C8", "Lj"}, {"\u01C9", "lj"},
        {"\u01CA", "NJ"}, {"\u01CB", "Nj"}, {"\u01CC", "nj"}, {"\uFB00", "ff"},
        {"\uFB01", "fi"}, {"\uFB02", "fl"}, {"\uFB03", "ffi"}, {"\uFB04", "ffl"},
        {"\uFB05", "\u017Ft"}, {"\uFB06", "st"}
    };

    private TextCleaner() {}

    /**
     * Returns the text exactly as the CLIP tokenizer splits it: fixed, unescaped, with runs of
     * whitespace as single spaces, trimmed and lower-cased.
     *
     * @param text raw text
     * @return the cleaned text
     */
    static String clean(String text) {
        String fixed = fixText(text);
        String unescaped = HtmlUnescaper.unescape(HtmlUnescaper.unescape(fixed));
        return WHITESPACE.matcher(unescaped).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The subset of {@code ftfy.fix_text} described in the class comment, applied as ftfy does to
     * each line (at most {@value #MAX_SEGMENT} code points) on its own; entities are fixed only up
     * to the first line that holds a {@code <}.
     *
     * @param text raw text
     * @return the fixed text
     */
    static String fixText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean unescapeHtml = true;
        int start = 0;
        while (start < text.length()) {
            int end = segmentEnd(text, start);
            String segment = text.substring(start, end);
            unescapeHtml &= segment.indexOf('<') < 0;
            out.append(fixSegment(segment, unescapeHtml));
            start = end;
        }
        return out.toString();
    }

    /** The end of ftfy's segment starting at {@code start}: after the next newline, or capped. */
    private static int segmentEnd(String text, int start) {
        int end = text.indexOf('\n', start) + 1;
        if (end == 0) {
            end = text.length();
        }
        return text.codePointCount(start, end) > MAX_SEGMENT
                ? text.offsetByCodePoints(start, MAX_SEGMENT)
                : end;
    }

    /** ftfy's {@code fix_and_explain}: every fix, repeated until nothing changes. */
    private static String fixSegment(String text, boolean unescapeHtml) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String previous = current;
            if (unescapeHtml) {
                current = unescapeEntities(current);
            }
            current = fixMojibake(current);
            current = fixC1Controls(current);
            current = fixLigatures(current);
            current = fixCharacterWidth(current);
            current = uncurlQuotes(current);
            current = fixLineBreaks(current);
            current = fixSurrogates(current);
            current = TERMINAL_ESCAPE.matcher(current).replaceAll("");
            current = removeControlCharacters(current);
            current = Normalizer.normalize(current, Normalizer.Form.NFC);
            if (current.equals(previous)) {
                return current;
            }
        }
        throw new IllegalArgumentException(
                "Text still changes after "
                        + MAX_ROUNDS
                        + " rounds of ftfy's clean-up (HTML entities nested that deep, like"
                        + " &amp;amp;amp;...?); each round is one pass over the text, so it is"
                        + " refused: \""
                        + (text.length() <= 60 ? text : text.substring(0, 57) + "...")
                        + '"');
    }

    /** ftfy's entity step: only complete {@code &name;} and {@code &#n;} references. */
    private static String unescapeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = FTFY_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(unescapeEntity(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * ftfy's {@code _unescape_fixup}: an HTML5 name, an all-caps HTML5 name, or a numeric reference
     * that {@code html.unescape} reads whole; anything else stays.
     */
    private static String unescapeEntity(String entity) {
        String name = entity.substring(1, entity.length() - 1);
        if (Entities.isNamedEntity(name)) {
            return Entities.getByName(name);
        }
        if (name.charAt(0) == '#') {
            String decoded = HtmlUnescaper.unescape(entity);
            return decoded.indexOf(';') < 0 ? decoded : entity;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean allCaps = !name.equals(lower) && name.equals(lower.toUpperCase(Locale.ROOT));
        if (allCaps
                && Entities.isNamedEntity(lower)
                && HtmlUnescaper.unescape(entity).equals(entity)) {
            return Entities.getByName(lower).toUpperCase(Locale.ROOT);
        }
        return entity;
    }

    /** Re-decodes text whose UTF-8 bytes were read as Windows-1252 (or Latin-1). */
    private static String fixMojibake(String text) {
        if (!MOJIBAKE_HINT.matcher(text).find()) {
            return text;
        }
        byte[] bytes = encodeSloppyWindows1252(text);
        if (bytes == null) {
            return text;
        }
        try {
            String decoded =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
            return decoded.length() < text.length() ? decoded : text;
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    /**
     * Windows-1252 where its five undefined bytes stand for themselves; {@code null} if a character
     * has no byte.
     */
    private static byte[] encodeSloppyWindows1252(String text) {
        CharsetEncoder encoder =
                WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] out = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
                out[i] = (byte) c;
            } else if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                out[i] = (byte) c;
            } else {
                try {
                    ByteBuffer b = encoder.encode(CharBuffer.wrap(new char[] {c}));
                    out[i] = b.get(0);
                } catch (CharacterCodingException e) {
                    return null;
                }
            }
        }
        return out;
    }

    /** C1 control characters are almost always Windows-1252 bytes decoded as Latin-1. */
    private static String fixC1Controls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                byte[] b = {(byte) c};
                String decoded = new String(b, WINDOWS_1252);
                out.append(decoded.charAt(0) == '\uFFFD' ? c : decoded.charAt(0));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String fixLigatures(String text) {
        String out = text;
        for (String[] ligature : LIGATURES) {
            if (out.contains(ligature[0])) {
                out = out.replace(ligature[0], ligature[1]);
            }
        }
        return out;
    }

    /** Full-width forms (U+FF01-U+FFEF) to their NFKC equivalents; ideographic space to space. */
    private static String fixCharacterWidth(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c == '\u3000') {
                replacement = " ";
            } else if (c >= '\uFF01' && c <= '\uFFEF') {
                String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                if (!nfkc.equals(String.valueOf(c))) {
                    replacement = nfkc;
                }
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String uncurlQuotes(String text) {
        return text.replaceAll("[\\u02BC\\u2018-\\u201B]", "'")
                .replaceAll("[\\u201C-\\u201F]", "\"");
    }

    private static String fixLineBreaks(String text) {
        return text.replace("\r\n", "\n").replaceAll("[\\r\\u2028\\u2029\\u0085]", "\n");
    }

    /** Lone UTF-16 surrogates (which UTF-8 cannot encode) become U+FFFD. */
    private static String fixSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
                changed = true;
            } else {
                out.append(c);
            }
        }
        return changed ? out.toString() : text;
    }

    /** ftfy's control characters: C0 except tab and line breaks, DEL, bidi controls, BOM. */
    private static String removeControlCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control =
                    c <= 0x08
                            || c == 0x0B
                            || (c >= 0x0E && c <= 0x1F)
                            || c == 0x7F
                            || (c >= 0x206A && c <= 0x206F)
                            || c == 0xFEFF
                            || (c >= 0xFFF9 && c <= 0xFFFC);
            if (control && out == null) {
                out = new StringBuilder(text.substring(0, i));
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
