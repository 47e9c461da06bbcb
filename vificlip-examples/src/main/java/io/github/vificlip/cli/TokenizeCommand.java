/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.tokenizer.ClipTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vificlip tokenize}: prints the CLIP token ids of each text as one JSON array per line. */
@Command(
        name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Print the CLIP token ids of each TEXT as a JSON array, one line per text.",
            "Without TEXT arguments, reads one text per line from standard input."
        })
public final class TokenizeCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--context-length",
            paramLabel = "N",
            description = "Length of each row, start and end tokens included (default: 77).")
    private int contextLength = ClipTokenizer.DEFAULT_CONTEXT_LENGTH;

    @Option(
            names = "--truncate",
            description = "Cut texts longer than the context length instead of failing.")
    private boolean truncate;

    @Option(
            names = "--no-padding",
            description = "Leave out the padding zeros after the end token.")
    private boolean noPadding;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to tokenize.")
    private List<String> texts;

    @Override
    public Integer call() throws IOException {
        ClipTokenizer tokenizer =
                ClipTokenizer.builder()
                        .optContextLength(contextLength)
                        .optTruncate(truncate)
                        .build();
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        if (texts != null && !texts.isEmpty()) {
            for (String text : texts) {
                out.println(json.writeValueAsString(row(tokenizer, text)));
            }
        } else {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(json.writeValueAsString(row(tokenizer, line)));
                out.flush();
            }
        }
        out.flush();
        return 0;
    }

    private int[] row(ClipTokenizer tokenizer, String text) {
        int[] ids = tokenizer.tokenize(text);
        if (!noPadding) {
            return ids;
        }
        int end = 0;
        while (end < ids.length && ids[end] != ClipTokenizer.END_OF_TEXT) {
            end++;
        }
        return Arrays.copyOf(ids, Math.min(end + 1, ids.length));
    }
}
