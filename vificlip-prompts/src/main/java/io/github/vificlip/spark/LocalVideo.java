/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A video as a local file the decoder can open: the file itself for a local URI, or a temporary
 * copy of a remote one (HDFS, S3A, any Hadoop {@link FileSystem}), deleted on {@link #close()}.
 */
final class LocalVideo implements AutoCloseable {

    /** How the names of temporary copies start. */
    static final String PREFIX = "vificlip-fetch-";

    private final Path file;
    private final boolean copied;

    private LocalVideo(Path file, boolean copied) {
        this.file = file;
        this.copied = copied;
    }

    /**
     * Returns the local file for a URI, copying it from its file system when it is not local.
     *
     * @throws IOException if the file cannot be found or copied; the message names the URI
     */
    static LocalVideo fetch(String uri, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        String scheme = path.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            return new LocalVideo(Path.of(path.toUri().getPath()), false);
        }
        FileSystem fs = path.getFileSystem(hadoop);
        Path copy = Files.createTempFile(PREFIX, suffix(path.getName()));
        try {
            // raw local file system: no .crc file beside the copy
            fs.copyToLocalFile(false, path, new org.apache.hadoop.fs.Path(copy.toUri()), true);
            return new LocalVideo(copy, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw new IOException("Cannot fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Returns the file to decode. */
    Path file() {
        return file;
    }

    /** Deletes the temporary copy, if one was made. */
    @Override
    public void close() throws IOException {
        if (copied) {
            Files.deleteIfExists(file);
        }
    }

    /** Keeps the extension, which some decoders use to guess the container. */
    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".video" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
