/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values {@link Unpickler} builds besides Java's own ({@code null} for None, {@code Boolean},
 * {@code Long} or {@code BigInteger}, {@code Double}, {@code String}, {@code byte[]}, {@code List}
 * for lists, {@code Map} for dicts, {@code Set} for sets): a global reference, a tuple, and an
 * inert placeholder for an instance of any class.
 */
final class Pickled {

    private Pickled() {}

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
     * An immutable tuple; its items may be {@code null}.
     *
     * @param items the items
     */
    record Tuple(List<Object> items) {

        Tuple {
            items = Collections.unmodifiableList(new ArrayList<>(items));
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
