/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video decoding backend: opens files as {@link VideoReader}s. The library decodes through this
 * interface only, so another backend can replace {@link HumbleVideoDecoder} (which is AGPL-3.0)
 * without changing samplers, transforms or datasets.
 *
 * <p>Implementations must be safe to call from several threads at once.
 */
public interface VideoDecoder {

    /**
     * Opens a video file and reads its metadata.
     *
     * @param path the video file
     * @return an open reader; close it when done
     * @throws VideoDecodeException if the file is missing, empty, a directory, not a video, or has
     *     no decodable video stream (the message names the file and the reason)
     * @throws IOException if reading the file fails otherwise
     */
    VideoReader open(Path path) throws IOException;

    /**
     * Opens a video, reads its metadata and closes it again.
     *
     * @param path the video file
     * @return the metadata
     * @throws IOException as {@link #open(Path)}
     */
    default VideoInfo probe(Path path) throws IOException {
        try (VideoReader reader = open(path)) {
            return reader.info();
        }
    }
}
