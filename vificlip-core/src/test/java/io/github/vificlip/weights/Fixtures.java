/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * The weights fixtures written by {@code src/test/python/weights_fixtures.py}, with the tensors a
 * reader must find in each ({@code <name>.expected.json}).
 */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Every readable fixture: one per format and naming layout written without PyTorch, and a few
     * written by PyTorch and transformers themselves.
     */
    static final List<String> READABLE =
            List.of(
                    "openai_tiny.safetensors",
                    "hf_tiny.safetensors",
                    "open_clip_tiny_epoch_32.pt",
                    "open_clip_custom_text_tiny.safetensors",
                    "vifi_clip_tiny.pth",
                    "vifi_clip_prompts_tiny.pth",
                    "openai_tiny_jit.pt",
                    "tensor_views.pt",
                    "whole_module.pt",
                    // Written by PyTorch 2.13 and transformers 5 (real_pytorch_fixtures.py).
                    "real/openai_style_jit.pt",
                    "real/hf_clip.safetensors",
                    "real/hf_clip_pytorch_model.bin",
                    "real/checkpoint.pth",
                    // Written by PyTorch 1.13: yacs CfgNode, scheduler state, numpy values.
                    "real/training_state.pth");

    private Fixtures() {}

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(
                    "Missing fixture " + name + "; run src/test/python/weights_fixtures.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return JSON.readTree(path(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(String fixture) {
        return json(fixture + ".expected.json");
    }
}
