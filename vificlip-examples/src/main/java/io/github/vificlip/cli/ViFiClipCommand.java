/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.benchmarks.BenchmarkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vificlip} command line: one subcommand per task (tokenize, inspect weights, embed,
 * search, probe videos, sample frames, split datasets, train, evaluate, classify, demo).
 *
 * <p>Run it from the build output with {@code java -jar vificlip-examples/target/vificlip.jar
 * <subcommand> ...}; {@code --help} on any subcommand lists its options.
 */
@Command(
        name = "vificlip",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Fine-tune CLIP on videos and classify videos against any class names.",
        subcommands = {
            TokenizeCommand.class,
            InspectWeightsCommand.class,
            ConvertWeightsCommand.class,
            ProbeCommand.class,
            SampleCommand.class,
            FramesCommand.class,
            SplitCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            EmbedCommand.class,
            ClassifyCommand.class,
            SearchCommand.class,
            ProtocolCommand.class,
            DemoCommand.class,
            BenchmarkCommand.class,
            CommandLine.HelpCommand.class
        })
public final class ViFiClipCommand implements Runnable {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = ErrorReporter.VERBOSE,
            scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace after the one-line error.")
    private boolean verbose;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns its exit status instead of exiting, for tests and for
     * programs that embed it.
     *
     * @param args the command-line arguments
     * @return 0 on success, 1 when the work failed, 2 for bad usage
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * Returns the configured command line, with DJL set to offline mode, for callers that want to
     * redirect its output.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        OfflineEngine.configure();
        return new CommandLine(new ViFiClipCommand())
                .setUsageHelpAutoWidth(true)
                .setOverwrittenOptionsAllowed(true)
                .setExecutionStrategy(ErrorReporter::strategy)
                .setExecutionExceptionHandler(new ErrorReporter());
    }

    @Override
    public void run() {
        throw Subcommands.missing(spec);
    }
}
