/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Video decoding behind the {@link io.github.vificlip.data.video.VideoDecoder} interface: {@link
 * io.github.vificlip.data.video.HumbleVideoDecoder} (Humble Video, AGPL-3.0) reads the requested
 * frames of mp4/h264, avi/xvid/mpeg4 and webm/vp8/vp9 files as RGB, with {@link
 * io.github.vificlip.data.video.VideoInfo} metadata; a file it cannot read raises a {@link
 * io.github.vificlip.data.video.VideoDecodeException} that names it. {@link
 * io.github.vificlip.data.video.SyntheticClipWriter} writes small real video files for tests and
 * demos.
 */
package io.github.vificlip.data.video;
