/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Vision-language prompt learning ("bridge and prompt"): {@link
 * io.github.vificlip.prompts.PromptLearner} attaches learned context vectors to both towers of a
 * frozen ViFi-CLIP model ({@link io.github.vificlip.prompts.PromptedViFiClip}); only the prompts
 * train, and they are saved as a small prompt-only file or read from ViFi-CLIP's prompting
 * checkpoints ({@link io.github.vificlip.prompts.PromptCheckpoint}).
 */
package io.github.vificlip.prompts;
