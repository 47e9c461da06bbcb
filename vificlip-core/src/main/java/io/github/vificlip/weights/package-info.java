/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Reading and writing CLIP weights in the formats users have: safetensors, PyTorch {@code
 * torch.save} checkpoints ({@code .pt}/{@code .pth}/{@code .bin}), OpenAI's TorchScript archives,
 * with OpenAI, open_clip, Hugging Face {@code transformers} or ViFi-CLIP tensor names.
 *
 * <p>{@link io.github.vificlip.weights.StateDicts} is the entry point: it detects a file's format
 * from its content, reads it with this package's own parsers (a restricted unpickler that never
 * executes or imports anything named in a file), renames every tensor to OpenAI CLIP's names and
 * widens it to fp32. {@link io.github.vificlip.weights.ClipArchitecture} reads the architecture
 * from the tensors' shapes, and {@link io.github.vificlip.weights.SafetensorsWriter} writes
 * OpenAI-named safetensors atomically.
 */
package io.github.vificlip.weights;
