/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Walks the data an {@link Unpickler} built from a PyTorch pickle, looking for tensors. */
final class PickledTrees {

    /** Receives the tensors found in a walk, under their dotted names. */
    interface TensorSink {

        /**
         * Receives one tensor.
         *
         * @param name the dotted attribute path
         * @param tensor the tensor's description
         * @throws WeightsException if the tensor's storage does not fit it
         */
        void accept(String name, TorchPickles.TensorRef tensor) throws WeightsException;
    }

    private PickledTrees() {}

    /**
     * Returns a value's dict items: a dict, or an instance of a dict subclass.
     *
     * @param value an unpickled value
     * @return its items, or null if it is neither
     */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(Object value) {
        if (value instanceof Map) {
            return (Map<Object, Object>) value;
        }
        if (value instanceof Pickled.Instance
                && !((Pickled.Instance) value).dictItems().isEmpty()) {
            return ((Pickled.Instance) value).dictItems();
        }
        return null;
    }

    /**
     * Returns whether a dict holds at least one tensor under a string key.
     *
     * @param map the dict
     * @return true if it looks like a state dict
     */
    static boolean holdsTensors(Map<Object, Object> map) {
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            if (entry.getKey() instanceof String
                    && entry.getValue() instanceof TorchPickles.TensorRef) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns a value as a pickled {@code torch.nn.Module}: an instance whose state has {@code
     * _parameters} and {@code _modules}.
     *
     * @param value an unpickled value
     * @return the module, or null
     */
    static Pickled.Instance asModule(Object value) {
        if (value instanceof Pickled.Instance) {
            Map<Object, Object> state = asMap(((Pickled.Instance) value).state());
            if (state != null
                    && state.containsKey("_parameters")
                    && state.containsKey("_modules")) {
                return (Pickled.Instance) value;
            }
        }
        return null;
    }

    /**
     * Walks a pickled {@code nn.Module} the way {@code state_dict()} does: its parameters, its
     * persistent buffers, then each child module under its name.
     *
     * @param module the module
     * @param prefix the names' prefix, empty for the root
     * @param sink receives each tensor
     * @throws WeightsException if the sink refuses a tensor
     */
    static void moduleTensors(Pickled.Instance module, String prefix, TensorSink sink)
            throws WeightsException {
        Map<Object, Object> state = asMap(module.state());
        Object nonPersistent = state.get("_non_persistent_buffers_set");
        for (String group : List.of("_parameters", "_buffers")) {
            Map<Object, Object> tensors = asMap(state.get(group));
            if (tensors == null) {
                continue;
            }
            for (Map.Entry<Object, Object> entry : tensors.entrySet()) {
                boolean skipped =
                        nonPersistent instanceof Set
                                && ((Set<?>) nonPersistent).contains(entry.getKey());
                if (entry.getValue() instanceof TorchPickles.TensorRef && !skipped) {
                    sink.accept(prefix + entry.getKey(), (TorchPickles.TensorRef) entry.getValue());
                }
            }
        }
        Map<Object, Object> children = asMap(state.get("_modules"));
        if (children != null) {
            for (Map.Entry<Object, Object> entry : children.entrySet()) {
                Pickled.Instance child = asModule(entry.getValue());
                if (child != null) {
                    moduleTensors(child, prefix + entry.getKey() + ".", sink);
                }
            }
        }
    }

    /**
     * Walks a TorchScript object graph: every tensor-valued attribute, at any depth of submodules,
     * dicts, lists and tuples, under its dotted attribute path.
     *
     * @param value an object's state or attribute value
     * @param path the path so far, empty for the root
     * @param sink receives each tensor
     * @throws WeightsException if the sink refuses a tensor
     */
    static void attributeTensors(Object value, String path, TensorSink sink)
            throws WeightsException {
        if (value instanceof TorchPickles.TensorRef) {
            sink.accept(path, (TorchPickles.TensorRef) value);
        } else if (value instanceof Pickled.Instance) {
            attributeTensors(((Pickled.Instance) value).state(), path, sink);
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                attributeTensors(entry.getValue(), join(path, entry.getKey()), sink);
            }
        } else if (value instanceof List || value instanceof Pickled.Tuple) {
            List<?> items =
                    value instanceof List ? (List<?>) value : ((Pickled.Tuple) value).items();
            for (int i = 0; i < items.size(); i++) {
                attributeTensors(items.get(i), join(path, i), sink);
            }
        }
    }

    /**
     * Names the kind of an unpickled value for messages: {@code int}, {@code dict}, a class name.
     *
     * @param value the value
     * @return a short description
     */
    static String kind(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof TorchPickles.TensorRef) {
            return "tensor";
        }
        if (value instanceof Pickled.Instance) {
            return ((Pickled.Instance) value).type().qualifiedName();
        }
        if (value instanceof Pickled.Tuple) {
            return "tuple";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Set) {
            return "set";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number) {
            return value instanceof Double ? "float" : "int";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Lists a dict's first keys for messages.
     *
     * @param map the dict
     * @return up to ten keys, then {@code ...}
     */
    static String keyList(Map<Object, Object> map) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (keys.size() == 10) {
                keys.add("...");
                break;
            }
            keys.add(String.valueOf(key));
        }
        return keys.toString();
    }

    private static String join(String path, Object key) {
        return path.isEmpty() ? String.valueOf(key) : path + "." + key;
    }
}
