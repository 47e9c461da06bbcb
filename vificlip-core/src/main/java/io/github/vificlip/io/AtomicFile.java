/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file written whole or not at all: the bytes go to a hidden temporary file next to the target
 * ({@code .name.<random>.tmp}), which {@link #commit()} forces to disk and renames over the target
 * in one step; closing without committing deletes it. A reader therefore sees the old file or the
 * new one, never half of one, even after a crash or a full disk. Files get the same permissions as
 * any file the process creates (the umask decides), whatever they hold.
 *
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.create(target)) {
 *     file.writer().write("...");
 *     file.commit();
 * }
 * }</pre>
 *
 * <p>A process killed while writing leaves its temporary file; {@link #removeStale(Path)} deletes
 * those of a folder (the owner of the folder's {@link OutputLock} calls it).
 */
public final class AtomicFile implements AutoCloseable {

    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-z]+\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream stream;
    private Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.stream =
                new FilterOutputStream(Channels.newOutputStream(channel)) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // libraries close what they wrote to; commit() closes
                    }
                };
    }

    /**
     * Starts writing a file; its folder is created if needed.
     *
     * @param target the file that {@link #commit()} replaces
     * @return the open file
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary =
                folder.resolve(
                        "."
                                + absolute.getFileName()
                                + "."
                                + Long.toUnsignedString(RANDOM.nextLong(), 36)
                                + ".tmp");
        FileChannel channel =
                FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
        return new AtomicFile(absolute, temporary, channel);
    }

    /**
     * Writes a whole file through a body that writes to a stream.
     *
     * @param target the file to replace
     * @param body writes the content
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicFile file = create(target)) {
            body.write(file.stream());
            file.commit();
        }
    }

    /**
     * Returns the temporary file's channel, for writers that seek.
     *
     * @return the channel, open for reading and writing
     */
    public FileChannel channel() {
        return channel;
    }

    /**
     * Returns a stream into the temporary file; closing it only flushes.
     *
     * @return the stream
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Returns a buffered UTF-8 writer into the temporary file, the same one on every call.
     *
     * @return the writer
     */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        }
        return writer;
    }

    /**
     * Forces the content to disk and renames the temporary file over the target.
     *
     * @throws IOException if that fails; the target is then untouched
     */
    public void commit() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        stream.flush();
        channel.force(true);
        channel.close();
        try {
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        syncFolder(target.getParent());
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that killed writers left in a folder (not in its subfolders).
     * Call it only while no other process writes there, for example holding its {@link OutputLock}.
     *
     * @param folder the folder
     * @return the number of files deleted
     * @throws IOException if the folder cannot be listed or a file cannot be deleted
     */
    public static int removeStale(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches()
                        && Files.isRegularFile(file)) {
                    Files.delete(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Makes the rename durable; some platforms cannot open folders, which is harmless. */
    private static void syncFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not supported here (for example on Windows); the file itself is already on disk.
        }
    }

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Body {

        /**
         * Writes the content.
         *
         * @param out the stream; closing it is allowed and only flushes
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }
}
