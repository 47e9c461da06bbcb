/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * CLIP's byte-level BPE tokenizer, matching OpenAI's {@code simple_tokenizer.py}: text cleaning
 * (HTML unescaping, whitespace, lower case), the byte alphabet, BPE merges from the shipped {@code
 * bpe_simple_vocab_16e6.txt.gz}, and {@link io.github.vificlip.tokenizer.ClipTokenizer}, which
 * returns the 77 token ids a text tower reads (refusing or truncating longer texts).
 */
package io.github.vificlip.tokenizer;
