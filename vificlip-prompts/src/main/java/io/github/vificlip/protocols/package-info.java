/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The paper's evaluation protocols as library classes: {@link
 * io.github.vificlip.protocols.ZeroShotProtocol} (one model over several test splits), {@link
 * io.github.vificlip.protocols.BaseToNovelProtocol} (train on base classes once per seed, evaluate
 * base and novel, harmonic mean) and {@link io.github.vificlip.protocols.FewShotProtocol} (one run
 * per K), each writing per-run results and a {@code summary.json}. {@link
 * io.github.vificlip.protocols.TrainingRun} trains and evaluates with a recipe's datasets ({@link
 * io.github.vificlip.protocols.VideoDatasets}) and records {@link
 * io.github.vificlip.protocols.Provenance}; progress goes to a DJL {@code Progress} (SLF4J by
 * default). The {@code vificlip protocol} command only parses its arguments into these builders.
 */
package io.github.vificlip.protocols;
