/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interprets the calls that PyTorch's pickles ({@code torch.save}'s {@code data.pkl} and
 * TorchScript's) use to describe tensors, as data: storages come from persistent ids, tensors from
 * {@code torch._utils._rebuild_tensor_v2} and its relatives. Every other call or class becomes an
 * inert {@link Pickled.Instance}; nothing is executed.
 */
final class TorchPickles implements Unpickler.Resolver {

    /**
     * A storage: a record of raw elements in the archive, shared by the tensors that view it.
     *
     * @param key the record's name under the archive's data folder ({@code "0"}, {@code "1"}, ...)
     * @param typeName the storage class, for example {@code "torch.HalfStorage"}
     * @param type the element type, {@link DataType#UNKNOWN} for types this library cannot read
     * @param location the device it was saved from ({@code "cpu"}, {@code "cuda:0"}); ignored
     * @param numel the number of elements the storage holds
     */
    record Storage(String key, String typeName, DataType type, String location, long numel) {}

    /**
     * A tensor as {@code _rebuild_tensor_v2} describes it: a strided view into a storage.
     *
     * @param storage the storage
     * @param offset the index of the first element in the storage
     * @param shape the sizes
     * @param stride the step in elements along each dimension
     */
    record TensorRef(Storage storage, long offset, long[] shape, long[] stride) {}

    private final Map<String, Storage> storages = new HashMap<>();

    @Override
    public Object persistentLoad(Object pid) {
        if (!(pid instanceof Pickled.Tuple)
                || ((Pickled.Tuple) pid).size() < 5
                || !"storage".equals(((Pickled.Tuple) pid).get(0))) {
            throw new IllegalArgumentException(
                    "persistent id (a "
                            + PickledTrees.kind(pid)
                            + ") is not a PyTorch storage reference ('storage', type, key,"
                            + " location, numel)");
        }
        Pickled.Tuple tuple = (Pickled.Tuple) pid;
        Pickled.Global type = (Pickled.Global) tuple.get(1);
        String key = String.valueOf(tuple.get(2));
        String location = String.valueOf(tuple.get(3));
        long numel = count(tuple.get(4), "storage " + key + " element count");
        Storage storage =
                storages.computeIfAbsent(
                        key,
                        k ->
                                new Storage(
                                        k,
                                        type.qualifiedName(),
                                        StoredTypes.fromTorchStorage(type.name()),
                                        location,
                                        numel));
        if (storage.numel() != numel || !storage.typeName().equals(type.qualifiedName())) {
            throw new IllegalArgumentException(
                    "storage "
                            + key
                            + " is declared twice, as "
                            + storage.numel()
                            + " "
                            + storage.typeName()
                            + " and as "
                            + numel
                            + " "
                            + type.qualifiedName());
        }
        return storage;
    }

    @Override
    public Object call(Pickled.Global callable, List<Object> args) {
        switch (callable.qualifiedName()) {
            case "torch._utils._rebuild_tensor_v2":
            case "torch._utils._rebuild_tensor":
                return tensor(args);
            case "torch._utils._rebuild_parameter":
            case "torch._utils._rebuild_parameter_with_state":
                return args.get(0);
            case "torch._tensor._rebuild_from_type_v2":
            case "torch._utils._rebuild_from_type_v2":
                // (func, new_type, args, state): a tensor subclass; rebuild the plain tensor.
                if (args.get(0) instanceof Pickled.Global && args.get(2) instanceof Pickled.Tuple) {
                    return call(
                            (Pickled.Global) args.get(0), ((Pickled.Tuple) args.get(2)).items());
                }
                return new Pickled.Instance(callable, args);
            case "collections.OrderedDict":
                return orderedDict(args);
            case "builtins.set":
            case "__builtin__.set":
            case "builtins.frozenset":
            case "__builtin__.frozenset":
                return args.isEmpty() ? new LinkedHashSet<>() : set((Collection<?>) args.get(0));
            case "_codecs.encode":
                // Protocol 2 pickles bytes as _codecs.encode(text, 'latin1').
                return ((String) args.get(0)).getBytes(StandardCharsets.ISO_8859_1);
            case "torch.jit._pickle.restore_type_tag":
            case "torch.jit._pickle.build_intlist":
            case "torch.jit._pickle.build_doublelist":
            case "torch.jit._pickle.build_boollist":
            case "torch.jit._pickle.build_tensorlist":
                return args.get(0);
            case "copy_reg._reconstructor":
            case "copyreg._reconstructor":
                return reconstructed(callable, args);
            default:
                return new Pickled.Instance(callable, args);
        }
    }

    @Override
    public Object instantiate(Pickled.Global type, List<Object> args) {
        if (type.qualifiedName().equals("collections.OrderedDict")) {
            return new LinkedHashMap<>();
        }
        return new Pickled.Instance(type, args);
    }

    /**
     * Protocols 0 and 1 pickle instances as {@code copyreg._reconstructor(cls, base, base_state)};
     * a dict or list subclass passes its items as {@code base_state}.
     */
    private static Object reconstructed(Pickled.Global callable, List<Object> args) {
        if (args.isEmpty() || !(args.get(0) instanceof Pickled.Global)) {
            return new Pickled.Instance(callable, args);
        }
        Pickled.Instance instance =
                new Pickled.Instance((Pickled.Global) args.get(0), args.subList(1, args.size()));
        Object baseState = args.size() > 2 ? args.get(2) : null;
        if (baseState instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> items = (Map<Object, Object>) baseState;
            instance.dictItems().putAll(items);
        } else if (baseState instanceof List) {
            instance.listItems().addAll((List<?>) baseState);
        }
        return instance;
    }

    private static Map<Object, Object> orderedDict(List<Object> args) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (!args.isEmpty() && args.get(0) instanceof Collection) {
            for (Object pair : (Collection<?>) args.get(0)) {
                List<Object> items =
                        pair instanceof Pickled.Tuple
                                ? ((Pickled.Tuple) pair).items()
                                : castList(pair);
                map.put(Pickled.requireHashable(items.get(0)), items.get(1));
            }
        }
        return map;
    }

    private static Set<Object> set(Collection<?> items) {
        Set<Object> set = new LinkedHashSet<>();
        for (Object item : items) {
            set.add(Pickled.requireHashable(item));
        }
        return set;
    }

    /** A count or index: a non-negative int that fits 64 bits. */
    private static long count(Object value, String what) {
        if (!(value instanceof Long) || (Long) value < 0) {
            throw new IllegalArgumentException(
                    what
                            + " is "
                            + (value instanceof Number ? value : PickledTrees.kind(value))
                            + ", not a non-negative 64-bit int");
        }
        return (Long) value;
    }

    private static TensorRef tensor(List<Object> args) {
        if (args.size() < 4 || !(args.get(0) instanceof Storage)) {
            throw new IllegalArgumentException(
                    "torch._utils._rebuild_tensor_v2 called without a storage");
        }
        long[] shape = longs(args.get(2), "size");
        long[] stride = longs(args.get(3), "stride");
        if (shape.length != stride.length) {
            throw new IllegalArgumentException(
                    "tensor has " + shape.length + " sizes but " + stride.length + " strides");
        }
        Storage storage = (Storage) args.get(0);
        return new TensorRef(
                storage, count(args.get(1), "offset into storage " + storage.key()), shape, stride);
    }

    private static long[] longs(Object value, String what) {
        List<Object> items =
                value instanceof Pickled.Tuple ? ((Pickled.Tuple) value).items() : castList(value);
        long[] result = new long[items.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = count(items.get(i), "tensor " + what + " item " + i);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object value) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(
                    "expected a tuple or list, found a " + PickledTrees.kind(value));
        }
        return (List<Object>) value;
    }
}
