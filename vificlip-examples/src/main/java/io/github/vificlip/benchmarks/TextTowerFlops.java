/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.ClipTextTransformer;
import io.github.vificlip.tokenizer.ClipTokenizer;
import java.util.List;

/**
 * The work of one text-tower pass over a list of prompts. The tower stops each slice of prompts
 * after its last end-of-text token, so only the tokens it runs count: 2 FLOPs per
 * multiply-accumulate of {@link ClipConfig#textMacsPerPrompt(int)}.
 *
 * @param flops the FLOPs of the pass
 * @param tokens the tokens the pass runs, summed over the prompts
 */
record TextTowerFlops(double flops, long tokens) {

    /** Counts the work of one pass over {@code prompts}, tokenised by {@code tokenizer}. */
    static TextTowerFlops of(ClipConfig config, ClipTokenizer tokenizer, List<String> prompts) {
        int[] tokensRun = ClipTextTransformer.tokensRun(tokenizer.tokenize(prompts));
        double flops = 0;
        long tokens = 0;
        for (int slice = 0; slice < tokensRun.length; slice++) {
            int rows =
                    Math.min(
                            ClipTextTransformer.PROMPTS_PER_SLICE,
                            prompts.size() - slice * ClipTextTransformer.PROMPTS_PER_SLICE);
            flops += 2.0 * config.textMacsPerPrompt(tokensRun[slice]) * rows;
            tokens += (long) tokensRun[slice] * rows;
        }
        return new TextTowerFlops(flops, tokens);
    }
}
