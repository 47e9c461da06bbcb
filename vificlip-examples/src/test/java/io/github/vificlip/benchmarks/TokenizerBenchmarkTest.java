/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vificlip.cli.ViFiClipCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenizerBenchmarkTest {

    @Test
    void reportsThroughputAndLongWords() {
        StringWriter out = new StringWriter();
        CommandLine cli = ViFiClipCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));

        int code =
                cli.execute("benchmark", "tokenizer", "--rounds", "1", "--long-words", "200,20000");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("4200 prompts")
                .contains("ratio warm/no cache")
                .contains("word of 200 letters")
                .containsPattern("word of 20,000 letters: [0-9.]+ s, 11,1[0-9]{2} ids");
    }
}
