/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frozen class text features by class prompt: the block's own class list and those passed with the
 * input ({@link VideoTextBlock#classTokenIds}), the {@value #LISTS} most recently used kept. Not
 * thread-safe: the block holds its lock around every call.
 */
final class ClassFeatureCache {

    /** The most class lists kept. */
    static final int LISTS = 8;

    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Returns the features of these prompts if they were computed from the current weights on this
     * device, else null (a stale entry is dropped).
     */
    NDArray get(int[][] ids, long version, Device device) {
        Key key = new Key(ids);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.version() != version || !entry.features().getDevice().equals(device)) {
            entries.remove(key).features().close();
            return null;
        }
        return entry.features();
    }

    /** Keeps features that the cache now owns, closing the least recently used beyond the limit. */
    void put(int[][] ids, NDArray features, long version) {
        Entry old = entries.put(new Key(ids), new Entry(features, version));
        if (old != null) {
            old.features().close();
        }
        Iterator<Entry> eldest = entries.values().iterator();
        while (entries.size() > LISTS) {
            eldest.next().features().close();
            eldest.remove();
        }
    }

    /** Whether features of these prompts are kept. */
    boolean contains(int[][] ids) {
        return ids != null && entries.containsKey(new Key(ids));
    }

    /** Closes and forgets every entry. */
    void clear() {
        entries.values().forEach(entry -> entry.features().close());
        entries.clear();
    }

    private record Entry(NDArray features, long version) {}

    /** Token ids compared by content. */
    private record Key(int[][] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Arrays.deepEquals(ids, that.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(ids);
        }
    }
}
