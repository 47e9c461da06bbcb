/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.model.DjlDefaults;

/**
 * Puts DJL in offline mode before anything touches its engine, so that a command never downloads or
 * reports anything: the library's {@link DjlDefaults} ({@code ai.djl.offline}, {@code
 * OPT_OUT_TRACKING}) and PyTorch as the default engine. Values the user set on the command line
 * win.
 */
final class OfflineEngine {

    private OfflineEngine() {}

    /** Sets the offline defaults where the user has not set them. */
    static void configure() {
        DjlDefaults.apply();
        if (System.getProperty("ai.djl.default_engine") == null) {
            System.setProperty("ai.djl.default_engine", "PyTorch");
        }
    }
}
