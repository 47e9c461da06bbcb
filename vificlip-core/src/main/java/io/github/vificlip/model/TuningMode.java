/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

/**
 * Which parameters of the video model train (ViFi-CLIP's {@code TRAINER.ViFi_CLIP.USE}, which
 * {@code returnCLIP} in {@code trainers/vificlip.py} applies).
 *
 * <p>{@code token_embedding} never trains: ViFi-CLIP embeds the class prompts once and keeps the
 * table outside its modules. {@code logit_scale} trains only in {@link #BOTH}.
 */
public enum TuningMode {

    /** Full fine-tuning, the paper's ViFi-CLIP: both towers and {@code logit_scale}. */
    BOTH,

    /** Image fine-tuning: every {@code visual.*} parameter. */
    IMAGE,

    /**
     * Text fine-tuning: the text transformer, {@code positional_embedding}, {@code ln_final} and
     * {@code text_projection}.
     */
    TEXT,

    /** Nothing trains: inference and evaluation. */
    NONE,

    /**
     * Bridge and prompt (the reference's prompting configs): only prompt parameters train ({@code
     * prompt_learner.*} and every {@code VPT}); the CLIP weights and {@code logit_scale} stay
     * frozen.
     */
    PROMPTS;

    /**
     * Tells whether a parameter trains in this mode.
     *
     * @param openAiName the parameter's OpenAI name ({@code visual.proj}, {@code logit_scale}, …)
     * @return {@code true} if it requires gradients
     */
    public boolean trains(String openAiName) {
        if (this == NONE || openAiName.equals("token_embedding.weight")) {
            return false;
        }
        if (this == PROMPTS || isPromptParameter(openAiName)) {
            return this == PROMPTS && isPromptParameter(openAiName);
        }
        if (openAiName.equals("logit_scale")) {
            return this == BOTH;
        }
        boolean vision = openAiName.startsWith("visual.");
        return this == BOTH || (vision ? this == IMAGE : this == TEXT);
    }

    /**
     * Tells whether a parameter name is a prompt learner's, by the reference's rule: the name holds
     * {@code prompt_learner} or {@code VPT} ({@code prompt_learner.ctx}, {@code visual.VPT}, {@code
     * ...resblocks.N.VPT_shallow}). Such tensors are not CLIP weights.
     *
     * @param name a parameter or tensor name
     * @return {@code true} for prompt tensors
     */
    public static boolean isPromptParameter(String name) {
        return name.contains("prompt_learner") || name.contains("VPT");
    }

    /**
     * Tells whether the text side is frozen, so that class text features can be computed once and
     * reused.
     *
     * @return {@code true} for {@link #IMAGE} and {@link #NONE}
     */
    public boolean freezesText() {
        return this == IMAGE || this == NONE;
    }
}
