/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The container formats this library reads, told apart by a file's content rather than its
 * extension ({@code .pt} is used for both PyTorch formats, {@code .bin} for anything).
 */
public enum WeightsFormat {

    /** A safetensors file (Hugging Face, open_clip, this library's own output). */
    SAFETENSORS("safetensors"),

    /**
     * A {@code torch.save} file in the zip format of PyTorch 1.6 and later ({@code .pt}, {@code
     * .pth}, {@code .bin}): ViFi-CLIP and open_clip checkpoints, Hugging Face {@code
     * pytorch_model.bin}.
     */
    TORCH_ZIP("PyTorch checkpoint (torch.save zip archive)"),

    /**
     * A TorchScript archive ({@code torch.jit.save}), the format of OpenAI's released CLIP files.
     */
    TORCHSCRIPT("TorchScript archive (torch.jit.save)");

    /** {@code torch.save}'s legacy format starts with this number, pickled with protocol 2. */
    private static final byte[] LEGACY_MAGIC = {
        (byte) 0x80,
        0x02,
        (byte) 0x8a,
        0x0a,
        0x6c,
        (byte) 0xfc,
        (byte) 0x9c,
        0x46,
        (byte) 0xf9,
        0x20,
        0x6a,
        (byte) 0xa8,
        0x50,
        0x19
    };

    private static final int HEAD_BYTES = 512;

    private final String description;

    WeightsFormat(String description) {
        this.description = description;
    }

    /**
     * Returns a short human-readable name of the format.
     *
     * @return for example {@code "TorchScript archive (torch.jit.save)"}
     */
    public String description() {
        return description;
    }

    /**
     * Tells a file's format from its content.
     *
     * @param file the file
     * @return its format
     * @throws WeightsException if the file is in none of the supported formats, saying what it
     *     seems to be instead: PyTorch's legacy format (with the command that converts it), a
     *     damaged zip, a zip or pickle of something else, or an unknown file
     * @throws NoSuchFileException if there is no such file
     * @throws AccessDeniedException if the file cannot be read
     * @throws IOException if the file cannot be read
     */
    public static WeightsFormat detect(Path file) throws IOException {
        requireReadableFile(file);
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})
                || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            try (TorchArchive archive = TorchArchive.open(file)) {
                return archive.isTorchScript() ? TORCHSCRIPT : TORCH_ZIP;
            }
        }
        if (looksLikeSafetensors(head)) {
            return SAFETENSORS;
        }
        throw unsupported(file, head, size);
    }

    /** Refuses a directory, a missing file, a pipe or device, and a file this user cannot read. */
    private static void requireReadableFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new WeightsException(
                    file,
                    "is a directory; pass the weights file inside it (for a Hugging Face model"
                            + " folder: model.safetensors or pytorch_model.bin)");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new WeightsException(
                    file,
                    "is not a regular file (a pipe, device or socket): weights are read at"
                            + " positions a stream cannot seek to, so pass the file itself");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(
                    file.toString(), null, "permission denied: this user cannot read it");
        }
    }

    /**
     * Says what a file in no supported format seems to be instead: PyTorch's legacy format (with
     * the command that converts it), a tar archive, a bare pickle, or an unknown file.
     */
    private static WeightsException unsupported(Path file, byte[] head, long size) {
        if (startsWith(head, LEGACY_MAGIC)) {
            return new WeightsException(
                    file,
                    "saved in PyTorch's legacy format (torch.save before PyTorch 1.6, or with"
                            + " _use_new_zipfile_serialization=False), which this library does not"
                            + " read. Convert it once with PyTorch 1.13 or later, loading only data:"
                            + " python -c \"import torch; torch.save(torch.load('"
                            + file.getFileName()
                            + "', map_location='cpu', weights_only=True), 'converted.pt')\" writes"
                            + " the zip format (never drop weights_only=True for a file you did not"
                            + " make: a pickle can run code)");
        }
        if (head.length > 262
                && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return new WeightsException(
                    file,
                    "is a tar archive: PyTorch's oldest legacy format (before 0.4) or a packed"
                            + " download. Extract it, or load it with PyTorch and save it again");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return new WeightsException(
                    file,
                    "is a bare Python pickle, not a torch.save archive; its tensors cannot be"
                            + " read without their storages. Save it again with torch.save (PyTorch"
                            + " 1.6 or later) or as safetensors");
        }
        return new WeightsException(
                file,
                "is not a weights file ("
                        + size
                        + " bytes, starting "
                        + preview(head)
                        + "): expected safetensors, a PyTorch checkpoint (.pt, .pth, .bin) or a"
                        + " TorchScript archive");
    }

    /** An 8-byte little-endian header length of sane size, then a JSON object. */
    private static boolean looksLikeSafetensors(byte[] head) {
        if (head.length < 10 || head[8] != '{') {
            return false;
        }
        long headerBytes = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return headerBytes >= 2 && headerBytes <= SafetensorsReader.MAX_HEADER_BYTES;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length
                && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    private static String preview(byte[] head) {
        int n = Math.min(head.length, 8);
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", b));
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return n == 0 ? "empty" : hex + " '" + text + "'";
    }
}
