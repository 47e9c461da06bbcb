/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptedViFiClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the ViFi-CLIP block of a model folder for DJL's model loader: it reads the weights named
 * by {@code weights} (any format the library reads), with the architecture from {@code config} or
 * {@code preset} or detected from the tensors, and attaches the learned prompts named by {@code
 * prompts} if any (keys in {@link ZooArguments}).
 *
 * <p>A folder's {@code serving.properties} names it with {@code
 * blockFactory=io.github.vificlip.zoo.ViFiClipBlockFactory}. Unlike most block factories, this one
 * returns the block with its weights already loaded (DJL itself reads only its own {@code .params}
 * files), so the folder also says {@code option.hasParameter=false}. The weights live as long as
 * the DJL model: closing the model frees them.
 */
public final class ViFiClipBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    /** Creates the factory. */
    public ViFiClipBlockFactory() {}

    /**
     * Builds the block on the model's device and loads its weights. On any failure the model is
     * closed, since DJL's loader drops it without closing it.
     *
     * @param model the DJL model that will own the weights
     * @param modelPath the model folder; relative file names are resolved against it
     * @param arguments the keys of {@link ZooArguments}
     * @return the ViFi-CLIP block, frozen, weights loaded: a {@code PromptedViFiClipBlock} when the
     *     arguments name prompts
     * @throws IOException if a weights, prompts or configuration file cannot be read (the message
     *     names it)
     * @throws IllegalArgumentException if the arguments are invalid or the weights do not fit the
     *     architecture
     */
    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        try {
            return loadBlock(model, modelPath, arguments);
        } catch (IOException | RuntimeException e) {
            model.close(); // DJL's loader drops the model without closing it: free what it holds
            throw e;
        }
    }

    private static Block loadBlock(Model model, Path modelPath, Map<String, ?> arguments)
            throws IOException {
        ZooArguments.checkSettings(
                modelPath, arguments); // DJL reads them only after the weights load
        ViFiClip.Builder builder = ViFiClip.builder().optDevice(model.getNDManager().getDevice());
        PromptTemplate template = ZooArguments.template(arguments);
        if (template != null) {
            builder.optTemplate(template);
        }
        try {
            ClipConfig config = ZooArguments.config(modelPath, arguments);
            if (config != null) {
                builder.setConfig(config);
            }
            builder.optWeights(ZooArguments.weights(modelPath, arguments).toArray(Path[]::new));
            ViFiClip vifi = builder.build();
            model.getNDManager().attachInternal("vificlip-" + UUID.randomUUID(), vifi);
            Path prompts = ZooArguments.prompts(modelPath, arguments);
            if (prompts == null) {
                return vifi.getBlock();
            }
            PromptedViFiClip prompted = PromptedViFiClip.load(vifi, prompts);
            prompted.getBlock().setTuning(TuningMode.NONE); // frozen: class features are cached
            model.getNDManager().attachInternal("vificlip-prompts-" + UUID.randomUUID(), prompted);
            return prompted.getBlock();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
