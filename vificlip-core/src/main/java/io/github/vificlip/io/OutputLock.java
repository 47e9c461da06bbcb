/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of an output folder, so that two runs writing into the same folder cannot
 * interleave their files: the second one is refused with a message naming the holder. The lock is
 * an operating-system lock on {@code .vificlip.lock} in the folder, released when the holder closes
 * it or dies; the file stays and names the last holder. Taking the lock also deletes the temporary
 * files of writes that a killed run left behind ({@link AtomicFile#removeStale}).
 */
public final class OutputLock implements AutoCloseable {

    /** The lock file's name. */
    public static final String FILE_NAME = ".vificlip.lock";

    /**
     * Folders this process holds. Checked before touching the lock file, because on POSIX systems
     * closing any descriptor of a file drops every lock the process has on it.
     */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder, creating it if needed.
     *
     * @param folder the output folder
     * @param purpose what the holder does, for the message another run gets (e.g. "training")
     * @return the lock; close it when the run ends
     * @throws IOException if another run (in this process or another) holds the folder, naming it,
     *     or if the lock file cannot be written
     */
    public static OutputLock acquire(Path folder, String purpose) throws IOException {
        Files.createDirectories(folder);
        Path key = folder.toRealPath();
        String line =
                "pid "
                        + ProcessHandle.current().pid()
                        + " ("
                        + ManagementFactory.getRuntimeMXBean().getName()
                        + "), "
                        + purpose
                        + ", since "
                        + Instant.now();
        String holder = HELD.putIfAbsent(key, line);
        if (holder != null) {
            throw inUse(folder, holder + ", in this process");
        }
        try {
            return lock(folder, key, line);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static OutputLock lock(Path folder, Path key, String line) throws IOException {
        Path file = key.resolve(FILE_NAME);
        FileChannel channel =
                FileChannel.open(
                        file,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            channel.close();
            throw new IOException(
                    "Cannot lock the output folder "
                            + folder
                            + " ("
                            + e.getMessage()
                            + "): its file system may not support locks; choose a local folder",
                    e);
        }
        if (lock == null) {
            channel.close();
            throw inUse(folder, holder(file));
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            AtomicFile.removeStale(folder);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new OutputLock(key, channel, lock);
    }

    private static IOException inUse(Path folder, String holder) {
        return new IOException(
                "The output folder "
                        + folder
                        + " is in use by another run ("
                        + holder
                        + "); wait for it to end or choose another output folder");
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    /** Releases the folder. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD.remove(key);
        }
    }
}
