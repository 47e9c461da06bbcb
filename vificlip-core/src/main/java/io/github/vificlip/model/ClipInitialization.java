/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CLIP's initial values, parameter by parameter, as OpenAI's {@code CLIP.initialize_parameters}
 * (and open_clip's {@code init_parameters}) leave them.
 *
 * <ul>
 *   <li>Text: token embedding N(0, 0.02²), positional embedding N(0, 0.01²); in every text block
 *       {@code in_proj_weight} N(0, w⁻¹), {@code out_proj.weight} and {@code c_proj.weight} N(0,
 *       w⁻¹·(2·layers)⁻¹), {@code c_fc.weight} N(0, (2w)⁻¹); {@code text_projection} N(0, w⁻¹).
 *   <li>Vision: {@code class_embedding}, {@code positional_embedding} and {@code proj} are
 *       w^−½·randn. OpenAI's initialisation does not touch the vision blocks or {@code conv1}, so
 *       they keep PyTorch's module defaults: {@code in_proj_weight} Xavier-uniform, linear and
 *       convolution weights and the MLP biases U(±fan_in^−½).
 *   <li>Both: the attention biases ({@code in_proj_bias}, {@code out_proj.bias}) zero, LayerNorm
 *       weight one and bias zero, the text MLP biases U(±fan_in^−½) (PyTorch's default).
 *   <li>{@code logit_scale} = ln(1/0.07).
 * </ul>
 *
 * <p>Every parameter draws from its own seed, mixed from the model seed and its OpenAI name, so a
 * tower built on its own starts exactly like the same tower inside a full model.
 */
final class ClipInitialization {

    /** ln(1/0.07): CLIP's initial temperature, a logit scale of about 14.3. */
    static final float INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    private ClipInitialization() {}

    /**
     * Sets the initializer of every parameter in {@code parameters}.
     *
     * @param parameters parameters under their OpenAI names (a tower's or the whole model's)
     * @param config the architecture, for widths, layers and fan-ins
     * @param seed the model seed
     * @throws IllegalArgumentException if a name is not a CLIP parameter name
     */
    static void assign(Map<String, Parameter> parameters, ClipConfig config, long seed) {
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            String name = entry.getKey();
            entry.getValue().setInitializer(initializer(name, config, seedOf(seed, name)));
        }
    }

    private static Initializer initializer(String name, ClipConfig config, long seed) {
        if (name.equals("logit_scale")) {
            return (manager, shape, type) -> manager.full(shape, INITIAL_LOGIT_SCALE, type);
        }
        if (name.endsWith("in_proj_bias") || name.endsWith("out_proj.bias")) {
            return Initializer.ZEROS;
        }
        if (name.endsWith("ln_1.weight")
                || name.endsWith("ln_2.weight")
                || name.endsWith("ln_pre.weight")
                || name.endsWith("ln_post.weight")
                || name.endsWith("ln_final.weight")) {
            return Initializer.ONES;
        }
        if (name.endsWith(".bias") && name.contains("ln_")) {
            return Initializer.ZEROS;
        }
        boolean vision = name.startsWith("visual.");
        int width = vision ? config.visionWidth() : config.textWidth();
        int mlpWidth = vision ? config.visionMlpWidth() : config.textMlpWidth();
        // PyTorch's nn.Linear / nn.Conv2d default, kaiming_uniform_(a=√5): U(±fan_in^−½).
        if (name.endsWith("mlp.c_fc.bias")) {
            return SeededInitializer.uniform(Math.pow(width, -0.5), seed);
        }
        if (name.endsWith("mlp.c_proj.bias")) {
            return SeededInitializer.uniform(Math.pow(mlpWidth, -0.5), seed);
        }
        if (vision) {
            return visionInitializer(name, config, seed);
        }
        double attnStd = Math.pow(width, -0.5);
        double projStd = attnStd * Math.pow(2.0 * config.textLayers(), -0.5);
        if (name.equals("token_embedding.weight")) {
            return SeededInitializer.normal(0.02, seed);
        }
        if (name.equals("positional_embedding")) {
            return SeededInitializer.normal(0.01, seed);
        }
        if (name.equals("text_projection") || name.endsWith("attn.in_proj_weight")) {
            return SeededInitializer.normal(attnStd, seed);
        }
        if (name.endsWith("attn.out_proj.weight") || name.endsWith("mlp.c_proj.weight")) {
            return SeededInitializer.normal(projStd, seed);
        }
        if (name.endsWith("mlp.c_fc.weight")) {
            return SeededInitializer.normal(Math.pow(2.0 * width, -0.5), seed);
        }
        throw new IllegalArgumentException("Not a CLIP text parameter: " + name);
    }

    private static Initializer visionInitializer(String name, ClipConfig config, long seed) {
        int width = config.visionWidth();
        double scale = Math.pow(width, -0.5);
        switch (name) {
            case "visual.class_embedding":
            case "visual.positional_embedding":
            case "visual.proj":
                return SeededInitializer.normal(scale, seed);
            case "visual.conv1.weight":
                int fanIn = 3 * config.patchSize() * config.patchSize();
                return SeededInitializer.uniform(Math.pow(fanIn, -0.5), seed);
            default:
                break;
        }
        if (name.endsWith("attn.in_proj_weight")) {
            // Xavier-uniform over the packed [3w, w] matrix, as nn.MultiheadAttention does.
            return SeededInitializer.uniform(Math.sqrt(6.0 / (width + 3.0 * width)), seed);
        }
        if (name.endsWith("attn.out_proj.weight") || name.endsWith("mlp.c_fc.weight")) {
            return SeededInitializer.uniform(scale, seed);
        }
        if (name.endsWith("mlp.c_proj.weight")) {
            return SeededInitializer.uniform(Math.pow(config.visionMlpWidth(), -0.5), seed);
        }
        throw new IllegalArgumentException("Not a CLIP vision parameter: " + name);
    }

    /** Mixes the model seed with a 64-bit FNV-1a hash of the parameter name. */
    static long seedOf(long seed, String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return seed * 0x9E3779B97F4A7C15L + hash;
    }
}
