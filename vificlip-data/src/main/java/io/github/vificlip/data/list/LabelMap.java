/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class names of a dataset in label order: class {@code i} is row {@code i} of the label CSV.
 * ViFi-CLIP's CSVs have a header {@code id,name} and one row per class; names are used verbatim
 * (UCF-101's "ApplyEyeMakeup" stays CamelCase) and may contain commas when quoted (SSv2).
 */
public final class LabelMap {

    private static final Logger LOG = LoggerFactory.getLogger(LabelMap.class);

    private final List<String> names;
    private final Map<String, Integer> indices;

    private LabelMap(List<String> names) {
        this.names = List.copyOf(names);
        this.indices = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (indices.putIfAbsent(this.names.get(i), i) != null) {
                throw new IllegalArgumentException(
                        "Class name \"" + this.names.get(i) + "\" appears twice");
            }
        }
    }

    /**
     * Creates a label map from names in label order.
     *
     * @param names the class names, distinct
     * @return the label map
     * @throws IllegalArgumentException if a name repeats or the list is empty
     */
    public static LabelMap of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("A label map needs at least one class");
        }
        return new LabelMap(names);
    }

    /**
     * Reads a label CSV: a header row with a {@code name} column (ViFi-CLIP's is {@code id,name}),
     * then one row per class, in label order. RFC 4180 quoting, CRLF line ends. Labels follow row
     * order; an {@code id} column that disagrees is reported as a warning.
     *
     * @param file the CSV file
     * @return the label map
     * @throws DataFormatException if the header, a row or a name is malformed (names the line)
     * @throws IOException if the file cannot be read
     */
    public static LabelMap readCsv(Path file) throws IOException {
        List<Csv.Row> rows = Csv.parse(file, Utf8Text.read(file));
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 0, "empty label file (expected a header id,name)");
        }
        List<String> header = rows.get(0).fields();
        int nameColumn = column(header, "name");
        int idColumn = column(header, "id");
        if (nameColumn < 0) {
            throw new DataFormatException(
                    file, rows.get(0).line(), "header must have a 'name' column, got " + header);
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean warnedAboutIds = false;
        for (int r = 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            String name = className(file, row, header.size(), nameColumn);
            if (idColumn >= 0 && !warnedAboutIds) {
                warnedAboutIds =
                        warnIfIdDiffers(file, row, row.fields().get(idColumn).strip(), r - 1);
            }
            Integer previous = seen.putIfAbsent(name, row.line());
            if (previous != null) {
                throw new DataFormatException(
                        file,
                        row.line(),
                        "class name \"" + name + "\" already on line " + previous);
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new DataFormatException(file, 0, "no classes after the header");
        }
        return new LabelMap(names);
    }

    /** The index of the header's last column of that name, or -1. */
    private static int column(List<String> header, String name) {
        int column = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(name)) {
                column = i;
            }
        }
        return column;
    }

    /** The class name of a row that has as many fields as the header. */
    private static String className(Path file, Csv.Row row, int width, int nameColumn)
            throws DataFormatException {
        if (row.fields().size() != width) {
            throw new DataFormatException(
                    file,
                    row.line(),
                    "expected " + width + " fields like the header, got " + row.fields().size());
        }
        String name = row.fields().get(nameColumn);
        if (name.isBlank()) {
            throw new DataFormatException(file, row.line(), "empty class name");
        }
        int control = Utf8Text.firstControl(name);
        if (control >= 0) {
            throw new DataFormatException(
                    file,
                    row.line(),
                    String.format(
                            Locale.ROOT,
                            "class name has control character U+%04X at character %d (a NUL, tab"
                                    + " or line break inside quotes); names are plain text",
                            (int) name.charAt(control),
                            control + 1));
        }
        return name;
    }

    /** Warns when a row's id is not its label index; returns whether it warned. */
    private static boolean warnIfIdDiffers(Path file, Csv.Row row, String id, int label) {
        if (id.equals(Integer.toString(label))) {
            return false;
        }
        LOG.warn(
                "{}:{}: id '{}' differs from the row's label index {}; labels follow"
                        + " row order, as in the reference",
                file,
                row.line(),
                id,
                label);
        return true;
    }

    /**
     * Writes the map as a label CSV ({@code id,name}, LF line ends, RFC 4180 quoting), atomically:
     * a failed or killed write leaves the previous file untouched.
     *
     * @param file the file to write
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder out = new StringBuilder("id,name\n");
        for (int i = 0; i < names.size(); i++) {
            out.append(i).append(',').append(Csv.quote(names.get(i))).append('\n');
        }
        TextFiles.writeAtomically(file, out);
    }

    /**
     * Returns the class names in label order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return names;
    }

    /**
     * Returns the number of classes.
     *
     * @return the class count
     */
    public int size() {
        return names.size();
    }

    /**
     * Returns the name of a class.
     *
     * @param label the label index
     * @return the name
     * @throws IndexOutOfBoundsException if the label is out of range
     */
    public String name(int label) {
        return names.get(label);
    }

    /**
     * Returns the label of a class name.
     *
     * @param name the exact name
     * @return the label, or empty if unknown
     */
    public Optional<Integer> labelOf(String name) {
        return Optional.ofNullable(indices.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "LabelMap[" + names.size() + " classes]";
    }
}
