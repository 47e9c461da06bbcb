/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The {@code vificlip} command line (picocli): each command parses its arguments and calls the
 * library (the translator and zoo, the trainer, the protocols); console progress bars draw DJL
 * {@code Progress} reports, and the launcher puts DJL offline before anything starts.
 */
package io.github.vificlip.cli;
