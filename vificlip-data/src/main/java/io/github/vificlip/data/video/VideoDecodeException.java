/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video that cannot be opened or decoded: missing, empty, not a video, without a video stream, or
 * so damaged that no frame comes out. The message names the file and the reason.
 */
public class VideoDecodeException extends IOException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The video file (not serialised). */
    private final transient Path path;

    /** The reason, without the path. */
    private final String reason;

    /**
     * Creates the exception for one file.
     *
     * @param path the video file
     * @param reason what went wrong, in a few words
     */
    public VideoDecodeException(Path path, String reason) {
        this(path, reason, null);
    }

    /**
     * Creates the exception for one file with the backend's error as the cause.
     *
     * @param path the video file
     * @param reason what went wrong, in a few words
     * @param cause the backend's exception, or {@code null}
     */
    public VideoDecodeException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /**
     * Returns the video file.
     *
     * @return the path given at construction
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the reason without the path.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
