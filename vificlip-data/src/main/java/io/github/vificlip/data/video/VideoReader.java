/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;

/**
 * An open video: its metadata and random access to its frames by index. Frame {@code i} is the
 * {@code i}-th frame in display order, counted from 0.
 *
 * <p>A reader holds native resources: close it (try-with-resources). It is not thread-safe; open
 * one reader per thread, and decode different videos in parallel.
 */
public interface VideoReader extends AutoCloseable {

    /**
     * Returns the video's metadata.
     *
     * @return the metadata read at open
     */
    VideoInfo info();

    /**
     * Decodes the frames at the given indices and returns them in the same order. Indices may
     * repeat and come in any order; each distinct frame is decoded and converted once. An index at
     * or past the real end of the video (possible when the frame count is an estimate) returns the
     * last frame.
     *
     * @param indices frame indices, each at least 0
     * @return one frame per index, in the order of {@code indices}
     * @throws VideoDecodeException if no frame at all can be decoded
     * @throws IOException if reading the file fails
     * @throws IllegalArgumentException if an index is negative
     */
    RgbFrame[] read(int[] indices) throws IOException;

    /** Releases the native decoder and demuxer; further reads fail. */
    @Override
    void close();
}
