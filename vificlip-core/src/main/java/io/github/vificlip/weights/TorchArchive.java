/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PyTorch zip archive, as {@code torch.save} (since PyTorch 1.6) and {@code torch.jit.save} write
 * it: every record sits under one folder (the archive name), with the pickle in {@code data.pkl}
 * and each storage's raw little-endian elements in {@code data/<key>}. TorchScript archives add
 * {@code code/}, {@code constants.pkl} and {@code constants/}.
 *
 * <p>Records are read through {@link ZipFile}, which supports ZIP64, so files over 4 GB work. As
 * PyTorch's own reader does, an archive with a record outside its folder is refused; so is one with
 * two records of the same name (which copy a reader sees is up to the reader), and a record whose
 * content is longer or shorter than the zip directory says.
 */
final class TorchArchive implements Closeable {

    private final Path file;
    private final ZipFile zip;
    private final String prefix;
    private final boolean torchScript;
    private final ByteOrder byteOrder;

    private TorchArchive(Path file, ZipFile zip, String prefix, boolean torchScript)
            throws IOException {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
        this.torchScript = torchScript;
        this.byteOrder = readByteOrder();
    }

    /**
     * Opens an archive and finds its folder.
     *
     * @param file a zip file
     * @return the archive
     * @throws WeightsException if the zip is damaged or is not a PyTorch archive
     * @throws IOException if the file cannot be read
     */
    static TorchArchive open(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new WeightsException(
                    file,
                    "damaged zip archive ("
                            + e.getMessage()
                            + "; "
                            + Files.size(file)
                            + " bytes): the file is probably truncated, download or copy it again",
                    e);
        }
        try {
            String prefix = null;
            boolean code = false;
            List<String> names = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!seen.add(name)) {
                    throw new WeightsException(
                            file,
                            "zip archive holds two records named "
                                    + name
                                    + ": which one is meant cannot be told, so the file is refused");
                }
                names.add(name);
                int slash = name.indexOf('/');
                if (slash > 0
                        && name.substring(slash + 1).equals("data.pkl")
                        && (prefix == null || slash + 1 < prefix.length())) {
                    prefix = name.substring(0, slash + 1);
                }
            }
            if (prefix == null) {
                throw new WeightsException(file, notAPyTorchArchive(names));
            }
            for (String name : names) {
                if (!name.startsWith(prefix)) {
                    throw new WeightsException(
                            file,
                            "zip record "
                                    + name
                                    + " lies outside the archive folder "
                                    + prefix
                                    + " (PyTorch refuses such archives too)");
                }
                code |= name.startsWith(prefix + "code/") || name.equals(prefix + "constants.pkl");
            }
            return new TorchArchive(file, zip, prefix, code);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static String notAPyTorchArchive(List<String> names) {
        for (String name : names) {
            if (name.equals("model.json") || name.endsWith("/model.json")) {
                return "TorchScript archive in the PyTorch 1.0-1.3 format (model.json), which this"
                        + " library does not read: load it with torch.jit.load and save it again"
                        + " with a recent PyTorch, or save its state_dict() as safetensors";
            }
        }
        if (!names.isEmpty() && names.stream().allMatch(n -> n.endsWith(".npy"))) {
            return "NumPy .npz archive, not a PyTorch checkpoint: convert it to safetensors"
                    + " (safetensors.numpy.save_file) with OpenAI CLIP tensor names";
        }
        List<String> shown = names.subList(0, Math.min(names.size(), 5));
        return "zip archive without a data.pkl record, so not a PyTorch checkpoint (it holds "
                + (names.isEmpty() ? "nothing" : String.join(", ", shown))
                + (names.size() > shown.size() ? ", ..." : "")
                + ")";
    }

    /**
     * Returns the file.
     *
     * @return the file
     */
    Path file() {
        return file;
    }

    /**
     * Returns the archive's folder with its slash, for example {@code "archive/"}.
     *
     * @return the folder
     */
    String prefix() {
        return prefix;
    }

    /**
     * Returns whether the archive was written by {@code torch.jit.save}.
     *
     * @return true when it has {@code code/} or {@code constants.pkl}
     */
    boolean isTorchScript() {
        return torchScript;
    }

    /**
     * Returns the byte order of the storages ({@code byteorder} record; little-endian when absent,
     * as in files from PyTorch before 1.10).
     *
     * @return the order
     */
    ByteOrder byteOrder() {
        return byteOrder;
    }

    /**
     * Unpickles the archive's {@code data.pkl} with the restricted {@link Unpickler} and PyTorch's
     * globals ({@link TorchPickles}): the object graph both a {@code torch.save} checkpoint and a
     * TorchScript archive keep their tensors in.
     *
     * @return the unpickled root object
     * @throws WeightsException if the record is absent, too large, damaged or not an allowed pickle
     * @throws IOException if reading fails
     */
    Object unpickleData() throws IOException {
        return new Unpickler(file, prefix + "data.pkl", readRecord("data.pkl"), new TorchPickles())
                .load();
    }

    /**
     * Reads a whole record that must be small, never more of it than the limit, and checks that it
     * holds as many bytes as the zip directory says.
     *
     * @param record the name under the archive folder, for example {@code "data.pkl"}
     * @return its bytes
     * @throws WeightsException if the record is absent, larger than {@link Unpickler#MAX_BYTES} or
     *     of another size than the directory says
     * @throws IOException if reading fails
     */
    byte[] readRecord(String record) throws IOException {
        String name = prefix + record;
        long declared = recordSize(record);
        if (declared > Unpickler.MAX_BYTES) {
            throw new WeightsException(file, Unpickler.tooLarge(name, declared));
        }
        byte[] bytes;
        try (InputStream in = openRecord(record)) {
            bytes = in.readNBytes(Unpickler.MAX_BYTES + 1);
        } catch (ZipException e) {
            throw new WeightsException(
                    file, "zip record " + name + " is damaged (" + e.getMessage() + ")", e);
        }
        if (bytes.length > Unpickler.MAX_BYTES) {
            throw new WeightsException(file, Unpickler.tooLarge(name, bytes.length));
        }
        if (declared >= 0 && bytes.length != declared) {
            throw new WeightsException(
                    file,
                    "zip record "
                            + name
                            + " holds "
                            + bytes.length
                            + " bytes but the zip directory says "
                            + declared
                            + ": the file is damaged or forged");
        }
        return bytes;
    }

    /**
     * Returns a record's size.
     *
     * @param record the name under the archive folder
     * @return its uncompressed size in bytes, or -1 if there is no such record
     */
    long recordSize(String record) {
        ZipEntry entry = zip.getEntry(prefix + record);
        return entry == null ? -1 : entry.getSize();
    }

    /**
     * Opens a record for reading.
     *
     * @param record the name under the archive folder
     * @return a stream of its bytes
     * @throws WeightsException if the record is absent
     * @throws IOException if it cannot be opened
     */
    InputStream openRecord(String record) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + record);
        if (entry == null) {
            throw new WeightsException(file, "record " + prefix + record + " is missing");
        }
        return zip.getInputStream(entry);
    }

    private ByteOrder readByteOrder() throws IOException {
        if (recordSize("byteorder") < 0) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = new String(readRecord("byteorder"), StandardCharsets.US_ASCII).strip();
        switch (order) {
            case "little":
                return ByteOrder.LITTLE_ENDIAN;
            case "big":
                return ByteOrder.BIG_ENDIAN;
            default:
                throw new WeightsException(
                        file, "record " + prefix + "byteorder says '" + order + "'");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
