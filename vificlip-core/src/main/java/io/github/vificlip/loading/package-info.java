/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * What the training loop and the evaluator share to read a dataset: {@link
 * io.github.vificlip.loading.ClipBatch}, a batch of clips and labels read on background threads
 * while the previous batch runs, with its own memory; {@link
 * io.github.vificlip.loading.UnreadableVideo}, a record left out because it could not be read; and
 * {@link io.github.vificlip.loading.LoggingProgress}, the default progress report (SLF4J), and
 * {@link io.github.vificlip.loading.SilentProgress}, one that reports nothing. This package depends
 * on no other package of the library.
 */
package io.github.vificlip.loading;
