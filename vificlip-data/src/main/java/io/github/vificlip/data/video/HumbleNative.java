/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import io.humble.ferry.Logger;
import io.humble.ferry.RefCounted;
import io.humble.video.Global;
import io.humble.video.KeyValueBag;

/**
 * What every use of Humble Video in this package shares: the one lock around FFmpeg's codec and
 * container opens and closes, the native library's start-up, and the options that keep FFmpeg from
 * leaking threads.
 *
 * <p>Humble's FFmpeg 2.8 has no lock manager, so two threads opening or closing codecs at once
 * abort the JVM; decoding itself is safe in parallel. Decoders run with {@code threads=1}: FFmpeg's
 * own worker threads get attached to the JVM as non-daemon threads when they log and are never
 * detached (the JVM then hangs at exit). Parallelism comes from decoding several files at once.
 */
final class HumbleNative {

    /** Held around every {@code open}, {@code close} and {@code delete} of a demuxer or coder. */
    static final Object LOCK = new Object();

    /**
     * FFmpeg's log level for Humble's native logging ({@code -8} quiet, {@code 16} errors, {@code
     * 24} warnings); quiet by default because every damaged file would print a page of errors that
     * the library reports itself, with the file's name. Set {@code -Dvificlip.ffmpeg.logLevel=16}
     * to see them (they go to the SLF4J loggers {@code org.ffmpeg} and {@code io.humble}).
     */
    static final String LOG_LEVEL_PROPERTY = "vificlip.ffmpeg.logLevel";

    private static volatile boolean initialised;

    private HumbleNative() {}

    /**
     * Loads the native library once and sets FFmpeg's log level.
     *
     * @throws IllegalStateException if the native library cannot be loaded, with the usual fixes
     */
    static void ensureLoaded() {
        if (initialised) {
            return;
        }
        synchronized (LOCK) {
            if (initialised) {
                return;
            }
            try {
                Global.init();
                int level = Integer.getInteger(LOG_LEVEL_PROPERTY, -8);
                Global.setFFmpegLoggingLevel(level);
                // Humble's own native logger repeats each decode error at ERROR level.
                Logger.setGlobalIsLogging(Logger.Level.LEVEL_ERROR, level >= 16);
                Logger.setGlobalIsLogging(Logger.Level.LEVEL_WARN, level >= 24);
            } catch (LinkageError | RuntimeException e) {
                throw new IllegalStateException(
                        "Humble Video's native library could not be loaded ("
                                + e
                                + "). It is unpacked to java.io.tmpdir ("
                                + System.getProperty("java.io.tmpdir")
                                + ") at start: that folder must exist, be writable and allow"
                                + " executing files (set -Djava.io.tmpdir=<dir>, or unzip"
                                + " libhumblevideo.so and pass -Djava.library.path=<dir>). A"
                                + " shaded jar needs Humble's Humble-Native-* manifest entries;"
                                + " see docs/data.md.",
                        e);
            }
            initialised = true;
        }
    }

    /**
     * Returns decoder or encoder options with FFmpeg's internal threading off.
     *
     * @return a new option bag; the caller deletes it
     */
    static KeyValueBag singleThreadOptions() {
        KeyValueBag options = KeyValueBag.make();
        options.setValue("threads", "1");
        return options;
    }

    /**
     * Releases native objects under the lock (codec contexts are closed when freed), skipping nulls
     * and never throwing.
     *
     * @param objects the objects to release
     */
    static void deleteAll(RefCounted... objects) {
        synchronized (LOCK) {
            for (RefCounted object : objects) {
                if (object != null) {
                    try {
                        object.delete();
                    } catch (RuntimeException ignored) {
                        // Nothing useful to do: the object is gone either way.
                    }
                }
            }
        }
    }
}
