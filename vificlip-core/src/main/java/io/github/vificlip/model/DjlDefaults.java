/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

/**
 * Puts DJL in offline mode and opts out of its telemetry before its engine starts, unless the host
 * application chose otherwise, so that a host using this library makes no network connection with
 * nothing set by hand.
 *
 * <p>DJL sends a telemetry probe (to the cloud metadata address and an S3 bucket) when its {@code
 * Engine} class first loads, unless {@code ai.djl.offline} / {@code DJL_OFFLINE} is true or {@code
 * OPT_OUT_TRACKING} (environment variable or system property) is true; in offline mode any model or
 * native-library download also fails instead of reaching the network. {@link #apply()} sets the
 * system properties {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true}, each only where
 * neither the property nor its environment variable is set (nor the legacy {@code offline}
 * property, for the first). The library's entry points ({@link ViFiClip}, the video classification
 * Translator, the model zoo, the trainer and the evaluator) call it when their class loads. A host
 * that starts DJL's engine itself before touching any of them and wants the same calls {@code
 * DjlDefaults.apply()} first; a host that wants DJL online sets {@code -Dai.djl.offline=false}.
 */
public final class DjlDefaults {

    /** DJL's offline switch as a system property. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** DJL's telemetry opt-out, read as an environment variable or a system property. */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private DjlDefaults() {}

    /** Sets the offline and no-telemetry defaults where the host has not chosen. */
    public static synchronized void apply() {
        if (unset(OFFLINE_PROPERTY, "DJL_OFFLINE") && System.getProperty("offline") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (unset(OPT_OUT_TRACKING, OPT_OUT_TRACKING)) {
            System.setProperty(OPT_OUT_TRACKING, "true");
        }
    }

    private static boolean unset(String property, String environmentVariable) {
        return System.getProperty(property) == null && System.getenv(environmentVariable) == null;
    }
}
