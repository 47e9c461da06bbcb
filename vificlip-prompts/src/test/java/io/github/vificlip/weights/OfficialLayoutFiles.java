/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes checkpoints with the layout of the reference's {@code utils/tools.py epoch_saving} ({@code
 * {'model': {'module.' + name: tensor}, 'config': {...}}}) through vificlip-core's test pickle and
 * torch zip writers, for tests of hostile prompting checkpoints. The config is a plain dict tree (a
 * yacs {@code CfgNode} is read as one) of strings, longs, doubles and maps.
 */
public final class OfficialLayoutFiles {

    private OfficialLayoutFiles() {}

    /**
     * Writes a checkpoint of float tensors and a config.
     *
     * @param file the target
     * @param tensors the state dict: name (without {@code module.}) to a C-contiguous array of the
     *     shape's size, and its shape
     * @param shapes the shape of each tensor
     * @param config the config tree, or {@code null} for a checkpoint without one
     * @return the file
     * @throws IOException if the file cannot be written
     */
    public static Path write(
            Path file,
            Map<String, float[]> tensors,
            Map<String, long[]> shapes,
            Map<String, Object> config)
            throws IOException {
        Map<String, byte[]> storages = new LinkedHashMap<>();
        PickleBytes pickle = new PickleBytes().op('}').text("model").op('}');
        int key = 0;
        for (Map.Entry<String, float[]> entry : tensors.entrySet()) {
            float[] values = entry.getValue();
            long[] size = shapes.get(entry.getKey());
            pickle.text("module." + entry.getKey())
                    .tensor(String.valueOf(key), values.length, 0, size, strides(size))
                    .op('s');
            ByteBuffer bytes =
                    ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            storages.put("archive/data/" + key++, bytes.array());
        }
        pickle.op('s');
        if (config != null) {
            pickle.text("config");
            tree(pickle, config);
            pickle.op('s');
        }
        TorchZips zip = new TorchZips().add("archive/data.pkl", pickle.stop());
        storages.forEach(zip::add);
        return zip.add("archive/version", "3\n".getBytes(StandardCharsets.UTF_8)).write(file);
    }

    private static void tree(PickleBytes pickle, Object value) {
        if (value instanceof Map<?, ?> map) {
            pickle.op('}');
            map.forEach(
                    (k, v) -> {
                        pickle.text((String) k);
                        tree(pickle, v);
                        pickle.op('s');
                    });
        } else if (value instanceof String text) {
            pickle.text(text);
        } else if (value instanceof Long number) {
            pickle.int64(number);
        } else if (value instanceof Double number) {
            pickle.op('G').raw(ByteBuffer.allocate(8).putDouble(number).array());
        } else {
            pickle.op('N');
        }
    }

    private static long[] strides(long[] size) {
        long[] stride = new long[size.length];
        long step = 1;
        for (int i = size.length - 1; i >= 0; i--) {
            stride[i] = step;
            step *= size[i];
        }
        return stride;
    }
}
