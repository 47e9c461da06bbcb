/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import picocli.CommandLine;

/**
 * Prints a failed command's error as one line naming the command and the cause, instead of a stack
 * trace; set {@code -Dvificlip.stacktrace=true} to see the trace as well.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() != null ? ex.getMessage() : ex.toString();
        commandLine
                .getErr()
                .println(commandLine.getCommandSpec().qualifiedName() + ": error: " + message);
        if (Boolean.getBoolean("vificlip.stacktrace")) {
            ex.printStackTrace(commandLine.getErr());
        }
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }
}
