/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run was made from, for its checkpoints and outputs: files with their SHA-256 and the
 * library version, so that "I cannot reproduce your number" has an answer.
 */
final class Provenance {

    private final Map<String, String> entries = new LinkedHashMap<>();

    Provenance() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        entries.put("vificlip.version", version != null ? version : "development build");
    }

    /** Records a file under a key as "path sha256:...". */
    Provenance file(String key, Path file) throws IOException {
        entries.put(key, file.toAbsolutePath() + " sha256:" + sha256(file));
        return this;
    }

    /** Records several files under numbered keys. */
    Provenance files(String key, List<Path> files) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            file(files.size() == 1 ? key : key + "." + i, files.get(i));
        }
        return this;
    }

    /** Records a value. */
    Provenance put(String key, String value) {
        entries.put(key, value);
        return this;
    }

    Map<String, String> entries() {
        return entries;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
