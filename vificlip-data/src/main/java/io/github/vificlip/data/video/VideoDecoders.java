/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The decoder backends by name: {@value #HUMBLE} (Humble Video, FFmpeg 2.8, the default) and
 * {@value #FFMPEG} (FFmpeg 8 through bytedeco's presets, an optional dependency that is used when
 * its classes are on the class path). An application that excludes Humble Video (AGPL-3.0) and adds
 * bytedeco's FFmpeg (LGPL-3.0-or-later) gets {@value #FFMPEG} as its default.
 *
 * <pre>{@code
 * VideoDecoder decoder = VideoDecoders.byName("ffmpeg", ReadStrategy.AUTO);
 * }</pre>
 */
public final class VideoDecoders {

    /** The name of the Humble Video backend ({@link HumbleVideoDecoder}), the default. */
    public static final String HUMBLE = "humble";

    /** The name of the FFmpeg 8 backend ({@link FfmpegVideoDecoder}). */
    public static final String FFMPEG = "ffmpeg";

    /** The Maven coordinates that add the FFmpeg backend, for error messages. */
    static final String FFMPEG_ARTIFACTS =
            "org.bytedeco:ffmpeg:8.0.1-1.5.13 and org.bytedeco:javacpp:1.5.13, each also with"
                    + " classifier linux-x86_64";

    /** The Maven coordinates of the Humble Video backend, for error messages. */
    static final String HUMBLE_ARTIFACTS =
            "io.humble:humble-video-noarch:0.3.0 and"
                    + " io.humble:humble-video-arch-x86_64-pc-linux-gnu6:0.3.0";

    private static final List<String> NAMES = List.of(HUMBLE, FFMPEG);

    private VideoDecoders() {}

    /**
     * Returns every backend name this library knows, available or not.
     *
     * @return {@code ["humble", "ffmpeg"]}
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the name of the default backend: {@value #HUMBLE} when its classes are on the class
     * path, else {@value #FFMPEG} when those are, else {@value #HUMBLE} (whose use then fails
     * naming the artifacts to add).
     *
     * @return the default backend's name
     */
    public static String defaultName() {
        return !isAvailable(HUMBLE) && isAvailable(FFMPEG) ? FFMPEG : HUMBLE;
    }

    /**
     * Returns a decoder of the default backend ({@link #defaultName()}) with the default read
     * strategy: what datasets and translators use when given no decoder.
     *
     * @return the decoder
     * @throws IllegalStateException if no backend is on the class path
     */
    public static VideoDecoder byDefault() {
        return byName(defaultName());
    }

    /**
     * Returns whether a backend's classes are on the class path (its natives are loaded only when
     * it first opens a file).
     *
     * @param name a backend name, any case
     * @return true if it can be used
     * @throws IllegalArgumentException if the name is not a known backend
     */
    public static boolean isAvailable(String name) {
        String backend = normalise(name);
        if (backend.equals(HUMBLE)) {
            return classPresent("io.humble.video.Demuxer");
        }
        return classPresent("org.bytedeco.ffmpeg.global.avcodec")
                && classPresent("org.bytedeco.javacpp.Loader");
    }

    /**
     * Returns the backends that can be used here.
     *
     * @return the available names, the default first
     */
    public static List<String> available() {
        return NAMES.stream().filter(VideoDecoders::isAvailable).toList();
    }

    /**
     * Returns a decoder of the named backend with the default read strategy.
     *
     * @param name {@value #HUMBLE} or {@value #FFMPEG}, any case
     * @return the decoder
     * @throws IllegalArgumentException if the name is unknown
     * @throws IllegalStateException if the backend is not on the class path
     */
    public static VideoDecoder byName(String name) {
        return byName(name, ReadStrategy.AUTO);
    }

    /**
     * Returns a decoder of the named backend.
     *
     * @param name {@value #HUMBLE} or {@value #FFMPEG}, any case
     * @param strategy how its readers reach frames
     * @return the decoder
     * @throws IllegalArgumentException if the name is unknown or the strategy null
     * @throws IllegalStateException if the backend is not on the class path
     */
    public static VideoDecoder byName(String name, ReadStrategy strategy) {
        String backend = normalise(name);
        requireAvailable(backend);
        if (backend.equals(HUMBLE)) {
            return HumbleVideoDecoder.builder().optStrategy(strategy).build();
        }
        return FfmpegVideoDecoder.builder().optStrategy(strategy).build();
    }

    /**
     * Fails unless the named backend's classes are on the class path.
     *
     * @param name a backend name
     * @throws IllegalStateException naming the missing artifacts
     */
    static void requireAvailable(String name) {
        if (isAvailable(name)) {
            return;
        }
        if (normalise(name).equals(FFMPEG)) {
            throw new IllegalStateException(
                    "The ffmpeg video decoder needs bytedeco's FFmpeg on the class path: add "
                            + FFMPEG_ARTIFACTS
                            + " (see docs/data.md), or use the humble decoder");
        }
        throw new IllegalStateException(
                "The humble video decoder needs Humble Video on the class path: add "
                        + HUMBLE_ARTIFACTS
                        + ", or add "
                        + FFMPEG_ARTIFACTS
                        + ", and use the ffmpeg decoder (see docs/data.md)");
    }

    /**
     * Explains a file the Humble backend could not open: when the ffmpeg backend reads it, the file
     * is a valid video in a codec FFmpeg 2.8 lacks (AV1, for one), and the message says so and how
     * to choose that backend. Files neither backend opens keep their original message, with the
     * advice appended when the ffmpeg backend is not on the class path to check.
     *
     * @param failure the Humble backend's exception
     * @return the exception to throw
     */
    static VideoDecodeException explainHumbleFailure(VideoDecodeException failure) {
        Path path = failure.path();
        if (path == null || !Files.isRegularFile(path)) {
            return failure; // missing, a directory: nothing a newer FFmpeg could change
        }
        if (!isAvailable(FFMPEG)) {
            return new VideoDecodeException(
                    path,
                    failure.reason()
                            + "; if it is a video in a codec newer than FFmpeg 2.8 (such as AV1),"
                            + " the ffmpeg decoder backend (FFmpeg 8) reads it: add "
                            + FFMPEG_ARTIFACTS
                            + " and choose it with --decoder ffmpeg or"
                            + " VideoDecoders.byName(\"ffmpeg\")",
                    failure);
        }
        VideoInfo info;
        try {
            info = FfmpegVideoDecoder.builder().build().probe(path);
        } catch (IOException | RuntimeException e) {
            return failure;
        }
        return new VideoDecodeException(
                path,
                "Humble Video's FFmpeg 2.8 cannot decode its "
                        + info.codec()
                        + " video ("
                        + failure.reason()
                        + "); the ffmpeg decoder backend (FFmpeg 8) can: choose it with"
                        + " --decoder ffmpeg on the command line or VideoDecoders.byName(\"ffmpeg\")"
                        + " / FfmpegVideoDecoder in code",
                failure);
    }

    private static String normalise(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The decoder name must not be null");
        }
        String backend = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(backend)) {
            throw new IllegalArgumentException(
                    "Unknown video decoder '" + name + "': expected one of " + NAMES);
        }
        return backend;
    }

    private static boolean classPresent(String className) {
        try {
            Class.forName(className, false, VideoDecoders.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
