/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes list and label files atomically: the text goes to a hidden temporary file beside the
 * target, is forced to disk, then renamed over the target, so a killed or failed write never leaves
 * a half file. The data module does not depend on vificlip-core, whose {@code AtomicFile} does the
 * same for the library's other outputs (and whose output lock removes stale temporary files).
 */
final class TextFiles {

    private TextFiles() {}

    /**
     * Replaces a file with UTF-8 text; its folder is created if needed.
     *
     * @param file the file to write
     * @param text the whole content
     * @throws IOException if writing fails; the target is then untouched
     */
    static void writeAtomically(Path file, CharSequence text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary =
                absolute.resolveSibling(
                        "."
                                + absolute.getFileName()
                                + "."
                                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                                + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(
                            temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(
                    temporary,
                    absolute,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
