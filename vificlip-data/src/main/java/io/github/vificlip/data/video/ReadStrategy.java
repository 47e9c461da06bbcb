/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/** How a reader reaches the frames it was asked for. */
public enum ReadStrategy {
    /**
     * For each wanted frame, decode forward or seek to its keyframe, whichever decodes fewer frames
     * (using the container's keyframe index where it has one). Short clips end up decoded
     * sequentially; long videos are read with seeks.
     */
    AUTO,
    /** Decode every frame from the start up to the last wanted one; never seek forward. */
    SEQUENTIAL,
    /** Seek to the keyframe before each wanted frame unless it is already the next frame. */
    SEEK
}
