/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.nio.file.Path;

/**
 * The largest frame the readers accept: 2^26 pixels, 8192x8192. 8K UHD (7680x4320, 33 million
 * pixels) fits; one such RGB frame is 192 MiB, and a clip holds T of them, so a header claiming
 * more (a damaged or hostile file) is refused before any frame buffer is allocated rather than
 * running the JVM out of memory.
 */
final class FrameSizeLimit {

    /** The most pixels of one frame. */
    static final long MAX_PIXELS = 1L << 26;

    private FrameSizeLimit() {}

    /**
     * Refuses a frame size over the limit.
     *
     * @param path the video, for the message
     * @param width the frame width the stream or frame claims
     * @param height the frame height
     * @throws VideoDecodeException naming the file, the size and the limit
     */
    static void check(Path path, int width, int height) throws VideoDecodeException {
        if ((long) width * height > MAX_PIXELS) {
            throw new VideoDecodeException(
                    path,
                    "frame size "
                            + width
                            + "x"
                            + height
                            + " is over the limit of "
                            + MAX_PIXELS
                            + " pixels (8192x8192)");
        }
    }
}
