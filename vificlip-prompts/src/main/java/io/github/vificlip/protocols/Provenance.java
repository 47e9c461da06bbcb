/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.protocols;

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
public final class Provenance {

    private final Map<String, String> entries = new LinkedHashMap<>();

    /** Starts a record holding the library version. */
    public Provenance() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        entries.put("vificlip.version", version != null ? version : "development build");
    }

    /**
     * Records a file under a key as "path sha256:...".
     *
     * @param key the key
     * @param file the file
     * @return this record
     * @throws IOException if the file cannot be read or is not a regular file (a FIFO would block
     *     and lose its content)
     */
    public Provenance file(String key, Path file) throws IOException {
        entries.put(key, file.toAbsolutePath() + " sha256:" + sha256(file));
        return this;
    }

    /**
     * Records several files under numbered keys ({@code key} alone for one file).
     *
     * @param key the key
     * @param files the files
     * @return this record
     * @throws IOException if a file cannot be read
     */
    public Provenance files(String key, List<Path> files) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            file(files.size() == 1 ? key : key + "." + i, files.get(i));
        }
        return this;
    }

    /**
     * Records a value.
     *
     * @param key the key
     * @param value the value
     * @return this record
     */
    public Provenance put(String key, String value) {
        entries.put(key, value);
        return this;
    }

    /**
     * Returns a copy of this record, for a run that adds its own entries.
     *
     * @return the copy
     */
    public Provenance copy() {
        Provenance copy = new Provenance();
        copy.entries.putAll(entries);
        return copy;
    }

    /**
     * Returns the entries in the order they were recorded.
     *
     * @return the entries (a read-only view)
     */
    public Map<String, String> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    private static String sha256(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A FIFO would block here, and its content would then be gone for the run.
            throw new IOException(
                    file
                            + ": is not a regular file (a pipe, device or socket); a run records"
                            + " the checksums of its inputs, so pass the file itself");
        }
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
