/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Subsets for the paper's protocols: {@link io.github.vificlip.data.split.BaseNovelSplit} (base and
 * novel classes from released label files or ViFi-CLIP's frequency rule) and {@link
 * io.github.vificlip.data.split.KShotSampler} (exactly K videos per class, seeded).
 */
package io.github.vificlip.data.split;
