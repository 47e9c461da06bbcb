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

    private final Path file;
    private final String text;
    private int pos;
    private int line = 1;

    private Csv(Path file, String text) {
        this.file = file;
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    static List<Row> parse(Path file, String text) throws DataFormatException {
        return new Csv(file, text).rows();
    }

    /** Reads every row, leaving out blank lines. */
    private List<Row> rows() throws DataFormatException {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            int rowLine = line;
            List<String> fields = readRow(rowLine);
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                rows.add(new Row(rowLine, fields));
            }
        }
        return rows;
    }

    /** Reads the fields up to the end of the line (CRLF or LF) or of the text. */
    private List<String> readRow(int rowLine) throws DataFormatException {
        int n = text.length();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean fieldStarted = false;
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '"' && !fieldStarted) {
                pos++;
                readQuoted(field, rowLine);
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                pos++;
            } else if (c == '\r' || c == '\n') {
                pos += c == '\r' && pos + 1 < n && text.charAt(pos + 1) == '\n' ? 2 : 1;
                line++;
                break;
            } else {
                field.append(c);
                fieldStarted = true;
                pos++;
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * Reads a quoted field after its opening quote, through its closing quote, which must end the
     * field.
     */
    private void readQuoted(StringBuilder field, int rowLine) throws DataFormatException {
        int n = text.length();
        while (true) {
            if (pos >= n) {
                throw new DataFormatException(
                        file, rowLine, "unterminated quoted field (missing closing \")");
            }
            char c = text.charAt(pos);
            if (c != '"') {
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                pos++;
            } else if (pos + 1 < n && text.charAt(pos + 1) == '"') {
                field.append('"');
                pos += 2;
            } else {
                pos++;
                if (pos < n && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                    throw new DataFormatException(
                            file,
                            line,
                            "unexpected character '"
                                    + text.charAt(pos)
                                    + "' after a closing quote");
                }
                return;
            }
        }
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
