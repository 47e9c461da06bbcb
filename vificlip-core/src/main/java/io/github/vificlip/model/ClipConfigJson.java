/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How {@link ClipConfig#fromJson} reads JSON strictly: one object of the record's fields, each
 * once, numbers as numbers (no {@code "32"}, no {@code 32.5} cut to 32), nothing after the object,
 * at most {@value #MAX_BYTES} bytes; failures described in one line.
 */
final class ClipConfigJson {

    /** The largest configuration file read (a preset is about 300 bytes). */
    static final int MAX_BYTES = 1 << 16;

    /** The strict reader. */
    static final ObjectMapper MAPPER = mapper();

    private static final List<String> FIELDS =
            Stream.of(ClipConfig.class.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();

    private ClipConfigJson() {}

    private static ObjectMapper mapper() {
        JsonMapper mapper =
                JsonMapper.builder()
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .build();
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).build());
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Returns what makes {@code tree} other than an object of the record's fields (the name
     * optional, the numbers required, none null), or null.
     */
    static String fieldProblem(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return "a JSON object is expected";
        }
        List<String> unknown = new ArrayList<>();
        tree.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            return "unknown field(s) " + unknown + "; the fields are " + String.join(", ", FIELDS);
        }
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            JsonNode value = tree.get(field);
            if (!"name".equals(field) && (value == null || value.isNull())) {
                missing.add(field);
            }
        }
        return missing.isEmpty() ? null : "missing or null field(s) " + missing;
    }

    /**
     * Describes a parse or mapping failure in one line: what is wrong, with the field or the line
     * and column where known.
     */
    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        String what =
                e.getOriginalMessage()
                        .lines()
                        .findFirst()
                        .orElse("")
                        .replaceFirst(" \\(but (might|could) .*", "")
                        .strip();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            if (field != null) {
                return "field '" + field + "': " + what;
            }
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? what
                : String.format(
                        Locale.ROOT,
                        "%s (line %d, column %d)",
                        what,
                        at.getLineNr(),
                        at.getColumnNr());
    }
}
