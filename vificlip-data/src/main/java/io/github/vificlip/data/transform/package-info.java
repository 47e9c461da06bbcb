/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Frame transforms as the reference's pipeline applies them, from decoded RGB frames to a
 * normalised {@code [T, 3, H, W]} tensor: {@link io.github.vificlip.data.transform.TrainTransform}
 * (multi-scale crop, flip, colour jitter, grey scale) and {@link
 * io.github.vificlip.data.transform.EvalTransform} (resize, one or three crops), with PIL's
 * bilinear resize and colour conversions.
 */
package io.github.vificlip.data.transform;
