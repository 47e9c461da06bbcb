/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help texts and documents read as whole sentences and cite no private document. */
class HelpTextsTest {

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        List<CommandLine> pending = new ArrayList<>(List.of(VifiClipCommand.commandLine()));
        while (!pending.isEmpty()) {
            CommandLine command = pending.remove(0);
            all.add(command);
            pending.addAll(command.getSubcommands().values());
        }
        return all;
    }

    @Test
    void everySummaryAndParagraphIsAWholeSentence() {
        List<String> problems = new ArrayList<>();
        for (CommandLine command : allCommands()) {
            CommandSpec spec = command.getCommandSpec();
            for (String paragraph : spec.usageMessage().description()) {
                // indented lines are examples (JSON shapes); everything else ends a sentence
                if (!paragraph.startsWith("  ") && !endsASentence(paragraph)) {
                    problems.add(spec.qualifiedName() + ": \"" + paragraph + "\"");
                }
            }
            for (ArgSpec arg : spec.args()) {
                String[] description = arg.description();
                if (description.length != 1 || !endsASentence(description[0])) {
                    problems.add(
                            spec.qualifiedName()
                                    + " "
                                    + arg.paramLabel()
                                    + ": "
                                    + List.of(description));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCommandListShowsWholeSummaries() {
        CommandRun help = CommandRun.of("--help");
        CommandRun protocols = CommandRun.of("protocol", "--help");
        CommandRun benchmarks = CommandRun.of("benchmark", "--help");

        for (CommandRun run : List.of(help, protocols, benchmarks)) {
            String commands = run.out().substring(run.out().indexOf("Commands:"));
            // every summary (continuation lines included) ends with a full stop
            String[] entries = commands.split("\\R(?=  \\S)");
            for (String entry : entries) {
                if (!entry.startsWith("Commands:")) {
                    assertThat(entry.strip()).as(entry).endsWith(".");
                }
            }
        }
        assertThat(help.out()).contains("probe").contains("demo").contains("embed");
    }

    @Test
    void helpAndDocumentsCiteNoPrivateSpecification() throws IOException {
        for (CommandLine command : allCommands()) {
            assertThat(command.getUsageMessage()).doesNotContain("SPEC");
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> texts = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(Files::isRegularFile).forEach(texts::add);
        }
        for (String module :
                List.of(
                        "vificlip-core",
                        "vificlip-data",
                        "vificlip-prompts",
                        "vificlip-examples")) {
            Path main = root.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().matches(".*\\.(java|md|yaml|json|properties)$"))
                        .forEach(texts::add);
            }
        }
        assertThat(texts).hasSizeGreaterThan(50);
        for (Path text : texts) {
            assertThat(Files.readString(text)).as(text.toString()).doesNotContain("SPEC");
        }
    }

    private static boolean endsASentence(String text) {
        String end = text.replace("%n", "").strip();
        return end.endsWith(".") || end.endsWith(":") || end.endsWith(".)");
    }

    @Test
    void aCommandRunWithoutItsSubcommandSaysWhichToGive() {
        CommandRun top = CommandRun.of();
        CommandRun protocol = CommandRun.of("protocol");

        assertThat(top.exitCode()).isEqualTo(2);
        assertThat(top.err())
                .contains("Missing command: give one of tokenize, inspect-weights")
                .contains("benchmark (`vificlip COMMAND --help` describes one)");
        assertThat(protocol.err())
                .contains("give one of zero-shot, base-to-novel, few-shot")
                .contains("`vificlip protocol COMMAND --help`");
    }
}
