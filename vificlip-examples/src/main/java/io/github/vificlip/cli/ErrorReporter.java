/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Prints a failed command's error as one line naming the command and the cause, for any {@link
 * Throwable}, including the {@link Error}s that {@link #strategy} turns into execution exceptions
 * (a stack overflow, an exhausted heap). Stack traces only with {@code --verbose} (or {@code
 * -Dvificlip.stacktrace=true}).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    /** The option that asks for stack traces. */
    static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Throwable cause =
                ex instanceof CommandLine.ExecutionException && ex.getCause() != null
                        ? ex.getCause()
                        : ex;
        boolean trace = verbose(parseResult) || Boolean.getBoolean("vificlip.stacktrace");
        commandLine
                .getErr()
                .println(
                        commandLine.getCommandSpec().qualifiedName()
                                + ": error: "
                                + describe(cause, parseResult)
                                + (cause instanceof Error && !trace
                                        ? " (" + VERBOSE + " shows the stack trace)"
                                        : ""));
        if (trace) {
            cause.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * Runs the parsed command, turning an {@link Error} it throws into an execution exception, so
     * that it reaches {@link #handleExecutionException} instead of escaping as a stack trace.
     *
     * @param parseResult the parsed command line
     * @return the exit code
     */
    static int strategy(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error e) {
            throw new CommandLine.ExecutionException(leaf(parseResult), e.toString(), e);
        }
    }

    /**
     * Describes a failure in one line: the message where there is one, and for errors without one
     * what happened and what to do.
     *
     * @param cause the failure
     * @param parseResult the command line it came from
     * @return the description
     */
    static String describe(Throwable cause, CommandLine.ParseResult parseResult) {
        if (cause instanceof StackOverflowError) {
            return "an input is nested too deeply to process (stack overflow) while running: "
                    + arguments(parseResult);
        }
        if (cause instanceof OutOfMemoryError) {
            return String.format(
                    Locale.ROOT,
                    "out of memory (%s) with a Java heap of %d MB while running: %s; give the"
                            + " JVM more with java -Xmx<size> -jar vificlip.jar, or use smaller"
                            + " inputs",
                    cause.getMessage(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    arguments(parseResult));
        }
        if (cause instanceof NoSuchFileException && reasonless(cause)) {
            return ((FileSystemException) cause).getFile() + ": no such file or directory";
        }
        if (cause instanceof AccessDeniedException && reasonless(cause)) {
            return ((FileSystemException) cause).getFile() + ": permission denied";
        }
        if (cause instanceof FileSystemException && reasonless(cause)) {
            return ((FileSystemException) cause).getFile()
                    + ": "
                    + cause.getClass().getSimpleName();
        }
        if (cause.getMessage() == null) {
            return cause.getCause() != null
                    ? cause.getClass().getSimpleName()
                            + ": "
                            + describe(cause.getCause(), parseResult)
                    : cause.toString();
        }
        return cause.getMessage();
    }

    private static boolean reasonless(Throwable cause) {
        return ((FileSystemException) cause).getReason() == null;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static CommandLine leaf(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        return last.commandSpec().commandLine();
    }

    private static String arguments(CommandLine.ParseResult parseResult) {
        return "vificlip " + String.join(" ", parseResult.originalArgs());
    }
}
