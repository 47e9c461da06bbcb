/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

/**
 * A video found by a text query.
 *
 * @param path the video's URI, as the index holds it
 * @param similarity the cosine similarity of its embedding and the query's (both unit length)
 */
public record SearchHit(String path, double similarity) {}
