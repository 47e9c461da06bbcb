/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import ai.djl.engine.Engine;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/** The conditions a model benchmark's figures were measured under, printed before they are. */
final class RunConditions {

    private RunConditions() {}

    /** Prints the engine and its version, the cores and the load average before the run. */
    static void print(PrintWriter out) {
        Engine engine = Engine.getInstance();
        out.printf(
                "%s %s on %d cores, load average %.2f before the run%n",
                engine.getEngineName(),
                engine.getVersion(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
