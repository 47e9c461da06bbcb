/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Runnable example programs, one per task a user has: zero-shot classification, a model folder
 * through {@code Criteria}, fine-tuning, few-shot, base-to-novel, prompt learning, embedding
 * extraction and text-to-video search.
 */
package io.github.vificlip.examples;
