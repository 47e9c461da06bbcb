/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.nio.file.Path;

/**
 * What a decoder learned about a video when it opened it.
 *
 * @param path the file
 * @param container the container format as the backend names it, e.g. {@code "avi"} or {@code
 *     "mov,mp4,m4a,3gp,3g2,mj2"}
 * @param codec the video codec, e.g. {@code "h264"}, {@code "mpeg4"}, {@code "vp9"}
 * @param width the frame width in pixels
 * @param height the frame height in pixels
 * @param frameRate frames per second (the stream's nominal rate)
 * @param frameCount the number of frames: exact when {@code frameCountExact}, otherwise the
 *     duration times the frame rate (WebM and Matroska store no frame count)
 * @param frameCountExact whether {@code frameCount} comes from the container's own count
 * @param durationSeconds the duration in seconds
 */
public record VideoInfo(
        Path path,
        String container,
        String codec,
        int width,
        int height,
        double frameRate,
        int frameCount,
        boolean frameCountExact,
        double durationSeconds) {}
