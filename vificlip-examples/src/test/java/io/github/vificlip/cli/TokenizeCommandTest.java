/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TokenizeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsOnePaddedJsonRowPerArgument() throws Exception {
        CommandRun run = CommandRun.of("tokenize", "a photo of a abseiling.", "X X X X");

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().strip().split("\\R");
        assertThat(lines).hasSize(2);
        int[] first = JSON.readValue(lines[0], int[].class);
        assertThat(first)
                .hasSize(77)
                .startsWith(49406, 320, 1125, 539, 320, 596, 567, 3299, 269, 49407, 0);
        assertThat(JSON.readValue(lines[1], int[].class))
                .startsWith(49406, 343, 343, 343, 343, 49407);
    }

    @Test
    void readsOneTextPerLineFromStandardInput() throws Exception {
        CommandRun run = CommandRun.withInput("abseiling\n\nX X\n", "tokenize", "--no-padding");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip().split("\\R"))
                .containsExactly(
                        "[49406,596,567,3299,49407]", "[49406,49407]", "[49406,343,343,49407]");
    }

    @Test
    void honoursContextLengthAndTruncation() throws Exception {
        String longText = String.join(" ", Collections.nCopies(20, "dog"));

        CommandRun run = CommandRun.of("tokenize", "--context-length", "8", "--truncate", longText);

        assertThat(run.exitCode()).isZero();
        int[] row = JSON.readValue(run.out().strip(), int[].class);
        assertThat(row).hasSize(8);
        assertThat(row[0]).isEqualTo(49406);
        assertThat(row[7]).isEqualTo(49407);
    }

    @Test
    void overLongTextWithoutTruncationFailsNamingTheText() {
        String longText = String.join(" ", Collections.nCopies(100, "surfing"));

        CommandRun run = CommandRun.of("tokenize", "fine text", longText);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err())
                .contains("vificlip tokenize: error: Text is too long")
                .contains("102 tokens")
                .contains("--truncate")
                .contains("surfing surfing")
                .doesNotContain("at io.github");
    }

    @Test
    void hostileTextsGiveIdsOrOneLineRefusals() throws Exception {
        CommandRun odd =
                CommandRun.of("tokenize", "\u0000\ud800 \ud83d\udc69\u200d\ud83d\udc68 &amp;");
        CommandRun nested = CommandRun.of("tokenize", "&" + "amp;".repeat(100));

        assertThat(odd.exitCode()).isZero();
        assertThat(JSON.readValue(odd.out().strip(), int[].class)).hasSize(77);
        assertThat(nested.exitCode()).isNotZero();
        assertThat(nested.err())
                .contains("vificlip tokenize: error: Text still changes after 64 rounds")
                .doesNotContain("at io.github");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command: give one of tokenize");
    }
}
