/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Which frames of a video a clip holds: {@link io.github.vificlip.data.sampling.SegmentSampler},
 * TSN segment sampling as the reference's pipeline does it (a random frame per segment for
 * training, segment centres or several clips for testing).
 */
package io.github.vificlip.data.sampling;
