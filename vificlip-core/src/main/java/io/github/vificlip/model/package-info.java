/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The CLIP towers as DJL blocks under OpenAI's parameter names and the ViFi-CLIP video model.
 *
 * <p>{@link io.github.vificlip.model.ViFiClip} is the entry point: it builds a {@link
 * io.github.vificlip.model.ClipModel} for a {@link io.github.vificlip.model.ClipConfig} (presets or
 * detected from weights files), loads weights, and wraps it in a {@link
 * io.github.vificlip.model.ViFiClipBlock} that embeds every frame, averages over time, normalises,
 * and scores videos against class names put into a {@link io.github.vificlip.model.PromptTemplate}.
 * {@link io.github.vificlip.model.TuningMode} chooses which towers train. {@link
 * io.github.vificlip.model.DjlDefaults} puts DJL offline and out of telemetry before its engine
 * starts, unless the host chose otherwise.
 */
package io.github.vificlip.model;
