/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Pictures of runs as PNG files: training curves and confusion matrices ({@link
 * io.github.vificlip.report.Charts}) and exact t-SNE layouts of embeddings ({@link
 * io.github.vificlip.report.Tsne}).
 */
package io.github.vificlip.report;
