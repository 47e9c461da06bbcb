/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.Collection;

/**
 * The tensor naming conventions this library reads. Whatever the layout, a {@link StateDict} holds
 * OpenAI CLIP's names: {@code visual.*}, {@code transformer.*}, {@code token_embedding.weight},
 * {@code positional_embedding}, {@code ln_final.*}, {@code text_projection}, {@code logit_scale},
 * and for prompts {@code prompt_learner.ctx}, {@code visual.VPT}, {@code
 * visual.transformer.resblocks.N.VPT_shallow}, {@code transformer.resblocks.N.VPT_shallow}.
 */
public enum KeyLayout {

    /** OpenAI CLIP's names, also used by open_clip's {@code CLIP} models: kept as they are. */
    OPENAI("OpenAI CLIP names (also open_clip's CLIP)"),

    /** open_clip's {@code CustomTextCLIP}: the text tower under {@code text.}, which is removed. */
    OPEN_CLIP_CUSTOM_TEXT("open_clip CustomTextCLIP names (text tower under text.)"),

    /**
     * Hugging Face {@code transformers} {@code CLIPModel}: {@code vision_model.*}, {@code
     * text_model.*}, separate {@code q_proj}/{@code k_proj}/{@code v_proj} (packed into {@code
     * in_proj_weight}/{@code in_proj_bias} in [Q;K;V] order), projections stored transposed.
     */
    HUGGING_FACE("Hugging Face transformers CLIPModel names"),

    /**
     * ViFi-CLIP: {@code image_encoder.} for {@code visual.}, {@code text_encoder.} around the text
     * tower, {@code prompt_learner.} buffers that are rebuilt for the current class names.
     */
    VIFI_CLIP("ViFi-CLIP names (image_encoder., text_encoder., prompt_learner.)");

    private final String description;

    KeyLayout(String description) {
        this.description = description;
    }

    /**
     * Returns a short human-readable name of the layout.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Tells the layout from tensor names, after {@code module.} prefixes are removed. The prompt
     * tensors' OpenAI-layout names ({@code prompt_learner.ctx}, {@code visual.VPT}) do not make a
     * file ViFi-CLIP's; ViFi-CLIP's encoder prefixes and prompt buffers do.
     *
     * @param names the names
     * @return the layout; {@link #OPENAI} when no other layout's names appear
     */
    public static KeyLayout detect(Collection<String> names) {
        for (String name : names) {
            if (name.startsWith("vision_model.")
                    || name.startsWith("text_model.")
                    || name.startsWith("visual_projection.")) {
                return HUGGING_FACE;
            }
            // prompt_learner.ctx alone is also an OpenAI-layout name: this library writes it.
            if (name.startsWith("image_encoder.")
                    || name.startsWith("text_encoder.")
                    || (name.startsWith("prompt_learner.") && !name.equals("prompt_learner.ctx"))) {
                return VIFI_CLIP;
            }
            if (name.startsWith("text.")) {
                return OPEN_CLIP_CUSTOM_TEXT;
            }
        }
        return OPENAI;
    }
}
