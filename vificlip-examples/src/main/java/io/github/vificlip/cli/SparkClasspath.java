/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

/**
 * Tells a command that needs Spark whether Spark is missing, and what to say then. It references no
 * Spark class, so it works on a command line built without Spark.
 */
public final class SparkClasspath {

    /** What to tell a user whose command line has no Spark. */
    public static final String HOW_TO_GET_SPARK =
            "this command needs Apache Spark 4.0 on the class path: build the command line with"
                    + " `mvn -pl vificlip-examples -am package -DskipTests -Pspark` (see"
                    + " docs/spark.md)";

    private SparkClasspath() {}

    /**
     * Tells whether an error means that Spark (or Scala) is not on the class path.
     *
     * @param error what a call into {@link LocalSpark} threw
     * @return {@code true} for a missing Spark or Scala class
     */
    public static boolean missing(NoClassDefFoundError error) {
        String message = String.valueOf(error.getMessage());
        return message.startsWith("org/apache/spark") || message.startsWith("scala/");
    }
}
