/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point for reading weights in any supported format: OpenAI's TorchScript archives,
 * {@code torch.save} checkpoints (ViFi-CLIP, open_clip, Hugging Face {@code pytorch_model.bin}) and
 * safetensors (OpenAI, open_clip or Hugging Face names). The format is detected from the content
 * ({@link WeightsFormat#detect}), the naming layout from the names ({@link KeyLayout#detect}).
 *
 * <pre>{@code
 * // A ViFi-CLIP checkpoint lacks token_embedding: read it over the OpenAI weights it came from.
 * try (StateDict weights = StateDicts.read(
 *         List.of(Path.of("ViT-B-16.pt"), Path.of("vifi_clip_k400.pth")), manager)) {
 *     ...
 * }
 * }</pre>
 */
public final class StateDicts {

    private static final Logger logger = LoggerFactory.getLogger(StateDicts.class);

    private StateDicts() {}

    /**
     * Describes a weights file without loading any tensor data: fast even for large files.
     *
     * @param file the file
     * @return its format, layout and tensors under OpenAI names
     * @throws WeightsException if the file is not readable weights, saying why
     * @throws IOException if the file cannot be read
     */
    public static WeightsIndex inspect(Path file) throws IOException {
        try (OpenedWeights opened = OpenedWeights.open(file)) {
            return opened.index();
        }
    }

    /**
     * Reads every tensor of a weights file.
     *
     * @param file the file
     * @param manager the manager under which the state dict's own manager is created (it sets the
     *     device)
     * @return the tensors under OpenAI names, fp32
     * @throws WeightsException if the file is not readable weights, saying why
     * @throws IOException if the file cannot be read
     */
    public static StateDict read(Path file, NDManager manager) throws IOException {
        return read(List.of(file), manager, name -> true);
    }

    /**
     * Reads several weights files into one state dict; where files share a tensor name, the later
     * file wins (read a ViFi-CLIP checkpoint after OpenAI's weights to get the token embedding the
     * checkpoint lacks).
     *
     * @param files the files, in order of increasing precedence
     * @param manager the manager under which the state dict's own manager is created
     * @return the tensors under OpenAI names, fp32
     * @throws WeightsException if a file is not readable weights, saying why
     * @throws IOException if a file cannot be read
     */
    public static StateDict read(List<Path> files, NDManager manager) throws IOException {
        return read(files, manager, name -> true);
    }

    /**
     * Reads the tensors of several weights files whose OpenAI names pass a filter; the data of the
     * others is never read (for example only {@code visual.*} for an image-embedding service).
     *
     * @param files the files, in order of increasing precedence
     * @param manager the manager under which the state dict's own manager is created
     * @param include which OpenAI names to read
     * @return the selected tensors, fp32
     * @throws WeightsException if a file is not readable weights, saying why
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if no file is given
     */
    public static StateDict read(List<Path> files, NDManager manager, Predicate<String> include)
            throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No weights file given");
        }
        long start = System.nanoTime();
        List<OpenedWeights> opened = new ArrayList<>();
        NDManager own = manager.newSubManager();
        try {
            Map<String, MappedTensor> chosen = new LinkedHashMap<>();
            Map<String, TensorInfo> infos = new LinkedHashMap<>();
            List<DroppedTensor> dropped = new ArrayList<>();
            List<WeightsIndex> sources = new ArrayList<>();
            for (Path file : files) {
                OpenedWeights weights = OpenedWeights.open(file);
                opened.add(weights);
                sources.add(weights.index());
                dropped.addAll(weights.index().dropped());
                List<TensorInfo> fileInfos = weights.index().tensors();
                for (int i = 0; i < fileInfos.size(); i++) {
                    TensorInfo info = fileInfos.get(i);
                    if (!include.test(info.name())) {
                        continue;
                    }
                    TensorInfo previous = infos.put(info.name(), info);
                    if (previous != null) {
                        logger.debug(
                                "{} from {} replaces the one from {}",
                                info.name(),
                                info.file(),
                                previous.file());
                    }
                    chosen.put(info.name(), weights.tensors().get(i));
                }
            }
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, MappedTensor> entry : chosen.entrySet()) {
                MappedTensor tensor = entry.getValue();
                NDArray array = own.create(tensor.load(), tensor.shape());
                array.setName(entry.getKey());
                arrays.put(entry.getKey(), array);
            }
            StateDict stateDict = new StateDict(own, arrays, infos, dropped, sources);
            logger.info(
                    "Read {} tensors ({} parameters) from {} in {} ms",
                    stateDict.size(),
                    stateDict.parameterCount(),
                    files,
                    (System.nanoTime() - start) / 1_000_000);
            return stateDict;
        } catch (IOException | RuntimeException e) {
            own.close();
            throw e;
        } finally {
            for (OpenedWeights weights : opened) {
                weights.close();
            }
        }
    }
}
