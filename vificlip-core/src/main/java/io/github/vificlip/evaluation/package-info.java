/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Evaluation as the paper reports it: {@link io.github.vificlip.evaluation.VideoEvaluator} scores
 * every video of a dataset with several views (records read ahead by {@link
 * io.github.vificlip.loading.ClipBatch}, unreadable ones left out and listed); {@link
 * io.github.vificlip.evaluation.ClassificationMetrics} (top-1/top-5, per-class accuracy, confusion
 * matrix) over the scores of every view of a video, {@link
 * io.github.vificlip.evaluation.EvaluationResult} and its JSON form, and {@link
 * io.github.vificlip.evaluation.Summaries}: mean ± std over splits or seeds and the harmonic mean
 * of base and novel accuracy.
 */
package io.github.vificlip.evaluation;
