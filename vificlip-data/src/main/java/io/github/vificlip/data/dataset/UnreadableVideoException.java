/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import java.io.IOException;

/**
 * Thrown by a {@link VideoDataset} that does not replace unreadable videos (evaluation): the record
 * at {@link #failure()}'s index cannot be loaded, because of that file's own failure. Callers leave
 * the record out and report it.
 */
public final class UnreadableVideoException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The failure; transient because paths are not serialisable. */
    private final transient DecodeFailure failure;

    /**
     * Creates the exception.
     *
     * @param failure the video and why it cannot be read
     * @param cause the decoder's exception, or null when the video was known bad from an earlier
     *     pass
     */
    public UnreadableVideoException(DecodeFailure failure, Throwable cause) {
        super(failure.path() + ": " + failure.reason(), cause);
        this.failure = failure;
    }

    /**
     * Returns the failure.
     *
     * @return the index, path and reason
     */
    public DecodeFailure failure() {
        return failure;
    }
}
