/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code torch.save} checkpoint: unpickles {@code data.pkl} with the restricted {@link
 * Unpickler} and finds the state dict in it, at the top level or nested under one of {@link
 * #STATE_DICT_KEYS} (ViFi-CLIP saves it under {@code 'model'}, open_clip under {@code
 * 'state_dict'}). A pickled {@code nn.Module} is read through its {@code _parameters}, {@code
 * _buffers} and {@code _modules}. Everything else in the file (optimizer state, schedulers,
 * configuration objects) is parsed as inert data and listed, never used.
 */
final class TorchCheckpointReader {

    /** Where checkpoints nest their state dict, in the order they are tried. */
    static final List<String> STATE_DICT_KEYS =
            List.of("state_dict", "model", "model_state_dict", "module", "net", "network");

    private static final int MAX_NESTING = 3;

    private TorchCheckpointReader() {}

    /**
     * Reads the pickle of an open archive and describes its state dict's tensors.
     *
     * @param archive the archive, closed with the returned contents
     * @return the tensors, read while the archive is open
     * @throws WeightsException if the pickle is malformed or holds no state dict
     * @throws IOException if the archive cannot be read
     */
    static ArchiveContents open(TorchArchive archive) throws IOException {
        Path file = archive.file();
        Object root = archive.unpickleData();
        List<String> other = new ArrayList<>();
        List<String> path = new ArrayList<>();
        Object current = root;
        for (int depth = 0; depth <= MAX_NESTING; depth++) {
            Map<Object, Object> map = PickledTrees.asMap(current);
            if (map != null && PickledTrees.holdsTensors(map)) {
                return fromStateDict(archive, map, describe(path), other);
            }
            Pickled.Instance module = PickledTrees.asModule(current);
            if (module != null) {
                List<LazyTensor> tensors = new ArrayList<>();
                PickledTrees.moduleTensors(
                        module,
                        "",
                        (name, ref) -> tensors.add(ArchiveTensor.of(archive, name, ref, "data/")));
                return contents(archive, "pickled module " + module.type(), other, tensors);
            }
            String next = map == null ? null : nestedKey(map);
            if (next == null) {
                throw new WeightsException(file, noStateDict(root, map, path));
            }
            for (Object key : map.keySet()) {
                if (!key.equals(next)) {
                    other.add(describe(path) + (path.isEmpty() ? "" : ".") + key);
                }
            }
            path.add(next);
            current = map.get(next);
        }
        throw new WeightsException(file, noStateDict(root, null, path));
    }

    private static ArchiveContents fromStateDict(
            TorchArchive archive, Map<Object, Object> map, String container, List<String> other)
            throws WeightsException {
        List<LazyTensor> tensors = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof TorchPickles.TensorRef) {
                tensors.add(
                        ArchiveTensor.of(
                                archive, name, (TorchPickles.TensorRef) entry.getValue(), "data/"));
            } else {
                other.add(name + " (not a tensor: " + PickledTrees.kind(entry.getValue()) + ")");
            }
        }
        return contents(archive, container, other, tensors);
    }

    private static String nestedKey(Map<Object, Object> map) {
        for (String key : STATE_DICT_KEYS) {
            if (PickledTrees.asMap(map.get(key)) != null
                    || PickledTrees.asModule(map.get(key)) != null) {
                return key;
            }
        }
        return null;
    }

    private static String describe(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String key : path) {
            text.append(text.length() == 0 ? "" : ".").append('\'').append(key).append('\'');
        }
        return text.toString();
    }

    private static String noStateDict(Object root, Map<Object, Object> map, List<String> path) {
        String where = path.isEmpty() ? "the top level" : describe(path);
        String found =
                map != null
                        ? "a dict with keys " + PickledTrees.keyList(map)
                        : PickledTrees.kind(root);
        return "no state dict found: "
                + where
                + " holds "
                + found
                + ", and none of "
                + STATE_DICT_KEYS
                + " holds tensors (a torch.save file of tensors, of a dict of tensors, or of a"
                + " checkpoint dict with one of those keys is expected)";
    }

    private static ArchiveContents contents(
            TorchArchive archive, String container, List<String> other, List<LazyTensor> tensors) {
        return new ArchiveContents(archive, WeightsFormat.TORCH_ZIP, container, other, tensors);
    }
}
