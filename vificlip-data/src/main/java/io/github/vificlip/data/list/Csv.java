/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated fields, fields in double quotes may hold commas, line breaks and
 * doubled quotes; CRLF or LF line ends; a UTF-8 byte-order mark is ignored.
 */
final class Csv {

    /** One parsed row and the line it starts on. */
    record Row(int line, List<String> fields) {}

    private Csv() {}

    static List<Row> parse(Path file, String text) throws DataFormatException {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRow = false;
            boolean quoted = false;
            boolean fieldStarted = false;
            while (!endOfRow) {
                if (i >= n) {
                    if (quoted) {
                        throw new DataFormatException(
                                file, rowLine, "unterminated quoted field (missing closing \")");
                    }
                    break;
                }
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            quoted = false;
                            i++;
                            if (i < n && ",\r\n".indexOf(text.charAt(i)) < 0) {
                                throw new DataFormatException(
                                        file,
                                        line,
                                        "unexpected character '"
                                                + text.charAt(i)
                                                + "' after a closing quote");
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                } else if (c == '"' && !fieldStarted) {
                    quoted = true;
                    fieldStarted = true;
                    i++;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    i++;
                } else if (c == '\r' || c == '\n') {
                    i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    endOfRow = true;
                } else {
                    field.append(c);
                    fieldStarted = true;
                    i++;
                }
            }
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                rows.add(new Row(rowLine, fields));
            }
        }
        return rows;
    }

    /** Quotes a field when it holds a comma, a quote or a line break. */
    static String quote(String field) {
        if (field.indexOf(',') < 0
                && field.indexOf('"') < 0
                && field.indexOf('\n') < 0
                && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
