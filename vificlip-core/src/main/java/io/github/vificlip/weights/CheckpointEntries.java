/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a top-level entry of a {@code torch.save} checkpoint that is not a tensor, such as the yacs
 * {@code CfgNode} that ViFi-CLIP's {@code utils/tools.py epoch_saving} stores under {@code
 * 'config'}, as plain Java values.
 *
 * <p>The pickle is read by the same restricted unpickler as the weights: nothing is executed. The
 * value comes back as a tree of {@link Map} (a dict, or an instance of a dict subclass such as
 * {@code CfgNode} that has items: its items, keys as strings), {@link List} (a list or a tuple),
 * {@link String}, {@link Long} or {@link java.math.BigInteger}, {@link Double}, {@link Boolean} and
 * {@code null}; anything else (a tensor, another object) becomes a {@link String} naming its kind
 * in angle brackets, such as {@code "<tensor>"}.
 */
public final class CheckpointEntries {

    private static final int MAX_DEPTH = 32;

    private CheckpointEntries() {}

    /**
     * Reads one top-level entry of a checkpoint.
     *
     * @param file a {@code torch.save} zip archive holding a dict at the top level
     * @param key the entry, e.g. {@code config}
     * @return the entry as plain values; empty if the file is another format, its top level is not
     *     a dict, or the dict has no such key
     * @throws IOException if the file cannot be read, or its pickle is malformed (the message names
     *     the file)
     */
    public static Optional<Object> read(Path file, String key) throws IOException {
        if (WeightsFormat.detect(file) != WeightsFormat.TORCH_ZIP) {
            return Optional.empty();
        }
        Object root;
        try (TorchArchive archive = TorchArchive.open(file)) {
            root =
                    new Unpickler(
                                    file,
                                    archive.prefix() + "data.pkl",
                                    archive.readRecord("data.pkl"),
                                    new TorchPickles())
                            .load();
        }
        Map<Object, Object> top = PickledTrees.asMap(root);
        if (top == null || !top.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(plain(top.get(key), 0));
    }

    private static Object plain(Object value, int depth) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean) {
            return value;
        }
        if (depth >= MAX_DEPTH) {
            return "<nested deeper than " + MAX_DEPTH + ">";
        }
        Map<Object, Object> map = PickledTrees.asMap(value);
        if (map != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v, depth + 1)));
            return out;
        }
        Collection<?> items =
                value instanceof Pickled.Tuple
                        ? ((Pickled.Tuple) value).items()
                        : value instanceof List ? (List<?>) value : null;
        if (items != null) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(plain(item, depth + 1));
            }
            return out;
        }
        return "<" + PickledTrees.kind(value) + ">";
    }
}
