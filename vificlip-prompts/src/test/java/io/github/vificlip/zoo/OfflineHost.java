/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.util.Utils;
import io.github.vificlip.model.ViFiClip;
import java.nio.file.Path;
import java.util.List;

/**
 * A host application in its own JVM, started by {@link OfflineByDefaultTest}: it records every
 * socket connection, classifies one video as the README's ten lines do, and prints what DJL decided
 * and which connections were attempted.
 */
public final class OfflineHost {

    private OfflineHost() {}

    /**
     * Runs the host.
     *
     * @param args the weights file and the video
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        RecordingSocketImpl.install();
        VideoClassificationTranslator translator =
                VideoClassificationTranslator.builder()
                        .setClassNames(List.of("red", "green", "blue"))
                        .optFrames(4)
                        .build();
        try (ViFiClip model = ViFiClip.builder().optWeights(Path.of(args[0])).build();
                Predictor<Path, Classifications> predictor =
                        model.getModel().newPredictor(translator)) {
            System.out.println("classes=" + predictor.predict(Path.of(args[1])).topK(3).size());
        }
        System.out.println("offlineMode=" + Utils.isOfflineMode());
        System.out.println("OPT_OUT_TRACKING=" + System.getProperty("OPT_OUT_TRACKING"));
        System.out.println("attempts=" + RecordingSocketImpl.attempts());
    }
}
