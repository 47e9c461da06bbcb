/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The one-command demo ({@code vificlip demo}): a synthetic benchmark of real mp4 files whose
 * classes combine a colour, a shape and a motion, a Latin-square base/novel split, training on the
 * base classes and a report of base, novel and harmonic-mean accuracy.
 */
package io.github.vificlip.demo;
