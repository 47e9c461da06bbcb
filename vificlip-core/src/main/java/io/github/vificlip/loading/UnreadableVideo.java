/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.loading;

/**
 * A record of a dataset that could not be read: an evaluation leaves it out of every metric and
 * reports it.
 *
 * @param index the record's index in the dataset
 * @param reason the reader's message (for videos: the file and why it cannot be decoded)
 */
public record UnreadableVideo(long index, String reason) {}
