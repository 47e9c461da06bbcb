/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/** A container and codec pair that {@link SyntheticClipWriter} can write. */
public enum VideoFormat {
    /** MP4 with H.264 (libx264), as Kinetics ships. */
    MP4_H264("mp4", "mp4", "libx264", null, 2),
    /** AVI with MPEG-4 Part 2 tagged {@code XVID}, as HMDB-51 and UCF-101 ship. */
    AVI_XVID("avi", "avi", "mpeg4", "XVID", 2),
    /** AVI with MPEG-4 Part 2 and FFmpeg's own {@code FMP4} tag. */
    AVI_MPEG4("avi", "avi", "mpeg4", null, 0),
    /** WebM with VP8 (libvpx). */
    WEBM_VP8("webm", "webm", "libvpx", null, 0),
    /** WebM with VP9 (libvpx-vp9), as Something-Something v2 ships. */
    WEBM_VP9("webm", "webm", "libvpx-vp9", null, 0);

    private final String extension;
    private final String muxer;
    private final String encoder;
    private final String fourcc;
    private final int defaultBFrames;

    VideoFormat(String extension, String muxer, String encoder, String fourcc, int bFrames) {
        this.extension = extension;
        this.muxer = muxer;
        this.encoder = encoder;
        this.fourcc = fourcc;
        this.defaultBFrames = bFrames;
    }

    /**
     * Returns the usual file extension, without the dot.
     *
     * @return e.g. {@code "mp4"}
     */
    public String extension() {
        return extension;
    }

    /**
     * Returns FFmpeg's name of the container format.
     *
     * @return e.g. {@code "webm"}
     */
    public String muxer() {
        return muxer;
    }

    /**
     * Returns FFmpeg's name of the encoder.
     *
     * @return e.g. {@code "libx264"}
     */
    public String encoder() {
        return encoder;
    }

    /**
     * Returns the four-character codec tag written into the container, or {@code null} for the
     * container's default.
     *
     * @return the tag, e.g. {@code "XVID"}, or {@code null}
     */
    public String fourcc() {
        return fourcc;
    }

    /**
     * Returns how many consecutive B-frames the writer allows by default (0 where the codec has
     * none).
     *
     * @return the default B-frame count
     */
    public int defaultBFrames() {
        return defaultBFrames;
    }
}
