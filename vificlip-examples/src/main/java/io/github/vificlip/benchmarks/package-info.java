/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The {@code vificlip benchmark} programs: tokenizer, weights loading, decoding, model and training
 * throughput, each printing ratios measured in one run (figures in docs/performance.md).
 */
package io.github.vificlip.benchmarks;
