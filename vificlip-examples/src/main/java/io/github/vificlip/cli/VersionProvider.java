/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import picocli.CommandLine;

/** Reports the library version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ViFiClipCommand.class.getPackage().getImplementationVersion();
        return new String[] {"vificlip " + (version != null ? version : "(development build)")};
    }
}
