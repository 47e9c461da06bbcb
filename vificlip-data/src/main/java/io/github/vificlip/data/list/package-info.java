/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The reference's list and label files: {@link io.github.vificlip.data.list.VideoList} (lines of
 * {@code path label} under a video folder, or a folder per class), {@link
 * io.github.vificlip.data.list.LabelMap} (label CSVs {@code id,name}); a malformed line is refused
 * with its file and line ({@link io.github.vificlip.data.list.DataFormatException}).
 */
package io.github.vificlip.data.list;
