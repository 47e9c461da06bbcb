/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.loading;

import ai.djl.util.Progress;

/**
 * A progress report that reports nothing: for programs that print their own figures (benchmarks) or
 * jobs whose logs should hold only results. Pass it wherever the library takes a DJL {@link
 * Progress}.
 */
public final class SilentProgress implements Progress {

    @Override
    public void reset(String message, long max, String trailingMessage) {}

    @Override
    public void start(long initialProgress) {}

    @Override
    public void end() {}

    @Override
    public void increment(long increment) {}

    @Override
    public void update(long progress, String message) {}
}
