/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CLIP weights read from one or more files: tensors under OpenAI CLIP's names, all fp32 {@link
 * NDArray}s owned by this state dict's own {@link NDManager}, each with a {@link TensorInfo} saying
 * where it came from and how it was stored.
 *
 * <p>Read one with {@link StateDicts#read(java.nio.file.Path, NDManager)} and close it when the
 * model has copied what it needs; closing frees every array:
 *
 * <pre>{@code
 * try (NDManager manager = NDManager.newBaseManager();
 *         StateDict weights = StateDicts.read(Path.of("ViT-B-16.pt"), manager)) {
 *     ClipConfig config = weights.detectArchitecture();   // ClipConfig.VIT_B_16
 *     NDArray proj = weights.get("visual.proj");          // [768, 512], fp32
 *     weights.info("visual.proj").storedType();           // FLOAT16 in OpenAI's file
 * }
 * }</pre>
 */
public final class StateDict implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> arrays;
    private final Map<String, TensorInfo> infos;
    private final List<DroppedTensor> dropped;
    private final List<WeightsIndex> sources;

    StateDict(
            NDManager manager,
            Map<String, NDArray> arrays,
            Map<String, TensorInfo> infos,
            List<DroppedTensor> dropped,
            List<WeightsIndex> sources) {
        this.manager = manager;
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        this.infos = Collections.unmodifiableMap(new LinkedHashMap<>(infos));
        this.dropped = List.copyOf(dropped);
        this.sources = List.copyOf(sources);
    }

    /**
     * Returns the tensor names, in the order they were read.
     *
     * @return the names
     */
    public List<String> names() {
        return new ArrayList<>(arrays.keySet());
    }

    /**
     * Returns whether a tensor is present.
     *
     * @param name an OpenAI CLIP name
     * @return true if present
     */
    public boolean contains(String name) {
        return arrays.containsKey(name);
    }

    /**
     * Returns a tensor.
     *
     * @param name an OpenAI CLIP name, for example {@code "visual.conv1.weight"}
     * @return the fp32 array, owned by this state dict
     * @throws IllegalArgumentException if there is no such tensor, naming the files read
     */
    public NDArray get(String name) {
        NDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException(
                    "No tensor '" + name + "' in the weights read from " + describeSources());
        }
        return array;
    }

    /**
     * Returns where a tensor came from and how it was stored.
     *
     * @param name an OpenAI CLIP name
     * @return its description
     * @throws IllegalArgumentException if there is no such tensor
     */
    public TensorInfo info(String name) {
        get(name);
        return infos.get(name);
    }

    /**
     * Returns every tensor by name: the map the model loads from.
     *
     * @return an unmodifiable ordered map of fp32 arrays owned by this state dict
     */
    public Map<String, NDArray> tensors() {
        return arrays;
    }

    /**
     * Returns every tensor's description.
     *
     * @return the descriptions in name order
     */
    public List<TensorInfo> infos() {
        return new ArrayList<>(infos.values());
    }

    /**
     * Returns each tensor's shape.
     *
     * @return names and shapes in order
     */
    public Map<String, Shape> shapes() {
        return TensorInfo.shapes(infos.values());
    }

    /**
     * Returns the tensors of the files that are deliberately not part of this state dict.
     *
     * @return the dropped tensors with their reasons
     */
    public List<DroppedTensor> dropped() {
        return dropped;
    }

    /**
     * Returns a description of each file read, in the order read; a tensor present in several files
     * comes from the last.
     *
     * @return one index per file
     */
    public List<WeightsIndex> sources() {
        return sources;
    }

    /**
     * Returns the number of tensors.
     *
     * @return the size
     */
    public int size() {
        return arrays.size();
    }

    /**
     * Returns the total number of elements.
     *
     * @return the parameter count
     */
    public long parameterCount() {
        return TensorInfo.parameterCount(infos.values());
    }

    /**
     * Reads the CLIP architecture from the tensors' shapes.
     *
     * @return the configuration, a preset when it equals one
     * @throws IllegalArgumentException naming the files and the absent or inconsistent tensors
     */
    public ClipConfig detectArchitecture() {
        return ClipArchitecture.detect(describeSources(), infos.values());
    }

    /**
     * Returns the manager that owns the arrays.
     *
     * @return the manager, closed with this state dict
     */
    public NDManager getManager() {
        return manager;
    }

    /** Frees every array. */
    @Override
    public void close() {
        manager.close();
    }

    private String describeSources() {
        List<String> files = new ArrayList<>();
        for (WeightsIndex source : sources) {
            files.add(source.file().toString());
        }
        return String.join(" + ", files);
    }
}
