/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;
import io.github.vificlip.model.DjlDefaults;

/**
 * Registers {@link ViFiClipModelZoo} with DJL: listed in {@code
 * META-INF/services/ai.djl.repository.zoo.ZooProvider}, so {@code ModelZoo} finds it on the class
 * path.
 */
public final class ViFiClipZooProvider implements ZooProvider {

    static {
        DjlDefaults.apply();
    }

    /** Creates the provider. */
    public ViFiClipZooProvider() {}

    /**
     * Returns a new ViFi-CLIP model zoo.
     *
     * @return the zoo
     */
    @Override
    public ModelZoo getModelZoo() {
        return new ViFiClipModelZoo();
    }
}
