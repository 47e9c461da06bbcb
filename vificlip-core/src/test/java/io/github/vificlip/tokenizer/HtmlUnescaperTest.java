/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlUnescaperTest {

    /** Every case was decoded by Python's html.unescape (src/test/python). */
    @Test
    void agreesWithPythonOnEveryHtml5ReferenceAndTheNumericEdges() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int count = 0;
        try (InputStream in =
                HtmlUnescaperTest.class.getResourceAsStream("html_unescape_reference.json")) {
            for (JsonNode pair : new ObjectMapper().readTree(in)) {
                String text = pair.get(0).asText();
                String expected = pair.get(1).asText();
                String actual = HtmlUnescaper.unescape(text);
                if (!actual.equals(expected)) {
                    mismatches.add(text + " -> " + actual + " (Python: " + expected + ")");
                }
                count++;
            }
        }

        assertThat(count).isGreaterThan(2231);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void leavesTextWithoutReferencesAlone() {
        String text = "no references here; just & and # signs";

        assertThat(HtmlUnescaper.unescape(text)).isEqualTo(text);
    }
}
