/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values {@link Unpickler} builds besides Java's own ({@code null} for None, {@code Boolean},
 * {@code Long} or {@code BigInteger}, {@code Double}, {@code String}, {@code byte[]}, {@code List}
 * for lists, {@code Map} for dicts, {@code Set} for sets): a global reference, a tuple, and an
 * inert placeholder for an instance of any class.
 */
final class Pickled {

    /**
     * The deepest nesting of containers a pickle may build. Weights files nest a few levels (a
     * checkpoint dict, its state dict, a tensor's arguments); the bound keeps every walk over the
     * data, and Java's own {@code equals} and {@code hashCode} of keys, far from the stack's end.
     */
    static final int MAX_DEPTH = 100;

    private Pickled() {}

    /**
     * Returns whether a value can be a dict key or a set element, as in Python: lists, dicts and
     * sets cannot, nor tuples holding them.
     *
     * @param value an unpickled value
     * @return true if it is hashable
     */
    static boolean isHashable(Object value) {
        if (value instanceof Tuple) {
            return ((Tuple) value).hashable;
        }
        return !(value instanceof List || value instanceof Map || value instanceof Set);
    }

    /**
     * Checks that a value can be a dict key or a set element.
     *
     * @param value an unpickled value
     * @return the value
     * @throws IllegalArgumentException if it is unhashable, as Python's unpickler would fail
     */
    static Object requireHashable(Object value) {
        if (!isHashable(value)) {
            throw new IllegalArgumentException(
                    "malformed pickle: a "
                            + PickledTrees.kind(value)
                            + " is used as a dict key or set element (unhashable in Python)");
        }
        return value;
    }

    /**
     * A reference to a module-level name ({@code GLOBAL}/{@code STACK_GLOBAL}). It is only a name:
     * nothing is imported or looked up.
     *
     * @param module the module, for example {@code "torch._utils"}
     * @param name the name inside the module, for example {@code "_rebuild_tensor_v2"}
     */
    record Global(String module, String name) {

        /**
         * Returns {@code module.name}.
         *
         * @return the qualified name
         */
        String qualifiedName() {
            return module + "." + name;
        }

        @Override
        public String toString() {
            return qualifiedName();
        }
    }

    /**
     * An immutable tuple; its items may be {@code null}. Like Python's, it can be a dict key or a
     * set element only if its items can ({@link #isHashable}); its hash is computed once, when it
     * is made, so that keys cost the same however often a pickle repeats them.
     */
    static final class Tuple {

        private final List<Object> items;
        private final int depth;
        private final boolean hashable;
        private final int hash;

        /**
         * Creates a tuple.
         *
         * @param items the items
         * @throws IllegalArgumentException if tuples nest deeper than {@link #MAX_DEPTH}
         */
        Tuple(List<Object> items) {
            this.items = Collections.unmodifiableList(new ArrayList<>(items));
            int deepest = 0;
            boolean allHashable = true;
            for (Object item : items) {
                if (item instanceof Tuple) {
                    deepest = Math.max(deepest, ((Tuple) item).depth);
                }
                allHashable &= isHashable(item);
            }
            this.depth = deepest + 1;
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException(
                        "malformed pickle: tuples nest more than " + MAX_DEPTH + " levels deep");
            }
            this.hashable = allHashable;
            this.hash = allHashable ? this.items.hashCode() : 0;
        }

        /**
         * Returns the items.
         *
         * @return an unmodifiable list
         */
        List<Object> items() {
            return items;
        }

        /**
         * Returns one item.
         *
         * @param index the position
         * @return the item
         */
        Object get(int index) {
            return items.get(index);
        }

        /**
         * Returns the number of items.
         *
         * @return the size
         */
        int size() {
            return items.size();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tuple && items.equals(((Tuple) other).items);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "tuple of " + items.size();
        }
    }

    /**
     * An instance of a class the unpickler does not interpret, kept as data: the class name, the
     * constructor arguments, the state given by {@code BUILD}, and the items a dict or list
     * subclass received. Nothing of the class is ever run.
     */
    static final class Instance {

        private final Global type;
        private final List<Object> args;
        private Object state;
        private final Map<Object, Object> dictItems = new LinkedHashMap<>();
        private final List<Object> listItems = new ArrayList<>();

        Instance(Global type, List<Object> args) {
            this.type = type;
            this.args = Collections.unmodifiableList(new ArrayList<>(args));
        }

        Global type() {
            return type;
        }

        List<Object> args() {
            return args;
        }

        Object state() {
            return state;
        }

        void setState(Object state) {
            this.state = state;
        }

        Map<Object, Object> dictItems() {
            return dictItems;
        }

        List<Object> listItems() {
            return listItems;
        }

        @Override
        public String toString() {
            return "<" + type + " instance>";
        }
    }
}
