/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import ai.djl.Model;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.translate.TranslatorContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The context the video translator prepares and decodes in: the model, and the manager that owns
 * one batch's arrays (a child of the model's manager, closed with the batch).
 */
final class BatchContext implements TranslatorContext {

    private final Model model;
    private final NDManager manager;
    private final Metrics metrics = new Metrics();
    private final Map<String, Object> attachments = new HashMap<>();

    BatchContext(Model model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    @Override
    public Model getModel() {
        return model;
    }

    @Override
    public NDManager getNDManager() {
        return manager;
    }

    @Override
    public NDManager getPredictorManager() {
        return manager;
    }

    @Override
    public Block getBlock() {
        return model.getBlock();
    }

    @Override
    public Metrics getMetrics() {
        return metrics;
    }

    @Override
    public Object getAttachment(String key) {
        return attachments.get(key);
    }

    @Override
    public void setAttachment(String key, Object value) {
        attachments.put(key, value);
    }

    /** Does nothing: the batch's manager belongs to the caller. */
    @Override
    public void close() {}
}
