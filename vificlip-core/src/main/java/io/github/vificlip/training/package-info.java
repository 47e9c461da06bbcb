/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Training and evaluation with the paper's recipes.
 *
 * <p>{@link io.github.vificlip.training.Recipes} holds every setting of the paper as data ({@link
 * io.github.vificlip.training.Recipe}); {@link io.github.vificlip.training.ViFiClipTrainer} trains
 * a video classification block on a DJL dataset with AdamW, a cosine schedule with warm-up per
 * iteration, Mixup/CutMix with label smoothing, gradient accumulation, data parallelism over
 * devices and atomic checkpoints that resume bit-exactly. The trainer is a loop plus {@link
 * io.github.vificlip.training.TrainingListener}s (validation, checkpoints, history files, the
 * divergence check, and any a caller adds); the recipe is the one source of its hyper-parameters.
 * Validation runs {@link io.github.vificlip.evaluation.VideoEvaluator}; batches are read ahead on
 * background threads ({@link io.github.vificlip.loading.ClipBatch}). Progress goes to a DJL {@code
 * Progress} (SLF4J by default, {@link io.github.vificlip.loading.LoggingProgress}).
 */
package io.github.vificlip.training;
