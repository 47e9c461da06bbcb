/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * What every use of bytedeco's FFmpeg presets in this package shares: loading the native libraries
 * once, FFmpeg's log level, and turning FFmpeg error codes into words.
 *
 * <p>FFmpeg 4 and later need no lock around opens (codec initialisation is thread-safe since the
 * lock manager was removed), so readers open, decode and close in parallel. Decoders still run with
 * {@code threads=1}: parallelism comes from decoding several files at once, and a reader then never
 * owns threads that outlive it.
 */
final class FfmpegNative {

    /**
     * FFmpeg's log level ({@code -8} quiet, {@code 16} errors, {@code 24} warnings); quiet by
     * default because every damaged file would print a page of errors that the library reports
     * itself, with the file's name. The same property as the Humble backend's.
     */
    static final String LOG_LEVEL_PROPERTY = HumbleNative.LOG_LEVEL_PROPERTY;

    private static final Object INIT_LOCK = new Object();
    private static volatile boolean initialised;

    private FfmpegNative() {}

    /**
     * Loads the native libraries once and sets FFmpeg's log level.
     *
     * @throws IllegalStateException if the natives cannot be loaded, with the usual fixes
     */
    static void ensureLoaded() {
        if (initialised) {
            return;
        }
        synchronized (INIT_LOCK) {
            if (initialised) {
                return;
            }
            try {
                Loader.load(avutil.class);
                Loader.load(avcodec.class);
                Loader.load(avformat.class);
                avutil.av_log_set_level(
                        Integer.getInteger(LOG_LEVEL_PROPERTY, avutil.AV_LOG_QUIET));
            } catch (LinkageError | RuntimeException e) {
                throw new IllegalStateException(
                        "The FFmpeg backend's native libraries could not be loaded ("
                                + e
                                + "). It needs org.bytedeco:ffmpeg and org.bytedeco:javacpp with"
                                + " their natives for this platform (classifier linux-x86_64) on"
                                + " the class path; JavaCPP unpacks them to ~/.javacpp/cache (set"
                                + " -Dorg.bytedeco.javacpp.cachedir=<dir> if that is not"
                                + " writable). See docs/data.md.",
                        e);
            }
            initialised = true;
        }
    }

    /**
     * Returns FFmpeg's text for an error code.
     *
     * @param code a negative FFmpeg return value
     * @return e.g. {@code "Invalid data found when processing input"}
     */
    static String errorText(int code) {
        try (BytePointer buffer = new BytePointer(256)) {
            if (avutil.av_strerror(code, buffer, buffer.capacity()) < 0) {
                return "FFmpeg error " + code;
            }
            // getString() would decode all 256 bytes, whatever follows the text's NUL included.
            byte[] bytes = new byte[(int) buffer.capacity()];
            buffer.get(bytes);
            int length = 0;
            while (length < bytes.length && bytes[length] != 0) {
                length++;
            }
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }

    /**
     * Returns the version of the loaded FFmpeg libraries.
     *
     * @return e.g. {@code "8.0.1"}
     */
    static String version() {
        ensureLoaded();
        return avutil.av_version_info().getString();
    }
}
