/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

/**
 * Puts DJL in offline mode before anything touches its engine, so that a command never downloads or
 * reports anything: {@code ai.djl.offline}, {@code OPT_OUT_TRACKING} (DJL reads it as an
 * environment variable or a system property) and PyTorch as the default engine. Values the user set
 * on the command line win.
 */
final class OfflineEngine {

    private OfflineEngine() {}

    /** Sets the offline defaults where the user has not set them. */
    static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
