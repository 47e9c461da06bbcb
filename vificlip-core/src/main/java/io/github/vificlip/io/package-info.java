/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Writing outputs safely: {@link io.github.vificlip.io.AtomicFile} (a file written whole or not at
 * all, through a temporary file renamed over the target) and {@link
 * io.github.vificlip.io.OutputLock} (one writer per output folder). Weights, checkpoints, metrics,
 * histories and pictures are written through them, so a crash or a full disk never leaves half a
 * file behind.
 */
package io.github.vificlip.io;
