/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under a scheme of its own, {@code vtest://}: for the indexer a remote Hadoop file
 * system like HDFS or S3A, whose videos it must copy to local files before decoding.
 */
public final class SchemeLocalFileSystem extends RawLocalFileSystem {

    /** The scheme. */
    static final String SCHEME = "vtest";

    /** Creates the file system (Hadoop instantiates it from {@code fs.vtest.impl}). */
    public SchemeLocalFileSystem() {}

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
