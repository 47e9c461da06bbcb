/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * DJL datasets of videos: {@link io.github.vificlip.data.dataset.VideoDataset} decodes, samples and
 * transforms each listed video into {@code [T, 3, H, W]} records with their labels, in parallel;
 * {@link io.github.vificlip.data.dataset.ClipLoader} prepares one video the same way; unreadable
 * videos are skipped, logged and counted per pass ({@link
 * io.github.vificlip.data.dataset.FailureLog}) unless the dataset fails fast.
 */
package io.github.vificlip.data.dataset;
