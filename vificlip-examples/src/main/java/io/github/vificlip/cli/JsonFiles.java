/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.vificlip.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the commands' JSON reports ({@code metrics.json}): indented, replaced atomically. */
final class JsonFiles {

    private static final ObjectMapper INDENTED =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {}

    /**
     * Writes a JSON tree, indented, through a temporary file renamed into place.
     *
     * @param file the file
     * @param json the tree
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, JsonNode json) throws IOException {
        AtomicFile.write(file, out -> INDENTED.writeValue(out, json));
    }
}
