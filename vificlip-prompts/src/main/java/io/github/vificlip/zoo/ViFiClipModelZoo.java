/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.repository.zoo.ModelZoo;
import io.github.vificlip.model.DjlDefaults;
import java.util.Set;

/**
 * The ViFi-CLIP model zoo: one {@link ai.djl.repository.zoo.ModelLoader}, artifact {@value
 * #ARTIFACT_ID} for {@code Application.CV.ACTION_RECOGNITION}, that loads a ViFi-CLIP model folder
 * named by the {@code modelPath} argument. {@link ViFiClipZooProvider} registers it with DJL
 * (through {@code META-INF/services}), so that
 *
 * <pre>{@code
 * Criteria<Path, Classifications> criteria = Criteria.builder()
 *         .setTypes(Path.class, Classifications.class)
 *         .optApplication(Application.CV.ACTION_RECOGNITION)
 *         .optArgument("modelPath", folder)
 *         .build();
 * }</pre>
 *
 * loads a model without naming a translator factory. Nothing is downloaded: models are folders on
 * disk.
 */
public final class ViFiClipModelZoo extends ModelZoo {

    static {
        DjlDefaults.apply();
    }

    /** The zoo's group ID. */
    public static final String GROUP_ID = "io.github.vificlip";

    /** The artifact ID of its loader. */
    public static final String ARTIFACT_ID = "vificlip";

    /** Creates the zoo with its loader. */
    public ViFiClipModelZoo() {
        addModel(new ViFiClipModelLoader());
    }

    /**
     * Returns the group ID, {@value #GROUP_ID}.
     *
     * @return the group ID
     */
    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    /**
     * Returns the engines the models run on: PyTorch.
     *
     * @return the engine names
     */
    @Override
    public Set<String> getSupportedEngines() {
        return Set.of("PyTorch");
    }
}
