/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import io.github.vificlip.model.LoadReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the tensors of a file to OpenAI CLIP's names: a pure function of the names, like timm's
 * {@code _convert_openai_clip}, applied before any data is read.
 *
 * <p>Every layout first loses the wrappers' prefixes ({@code module.} from DistributedDataParallel,
 * {@code _orig_mod.} from {@code torch.compile}). Then: ViFi-CLIP's {@code image_encoder.} becomes
 * {@code visual.} and {@code text_encoder.} is removed; open_clip's {@code text.} is removed;
 * Hugging Face names are mapped one by one, with q/k/v packed and projections transposed. Tensors
 * that are not weights are dropped with a reason; names no rule knows are kept as they are, so that
 * a model reports them as unexpected.
 */
final class LayoutConverter {

    /** The file's tensors under OpenAI names, and those dropped. */
    record Result(KeyLayout layout, List<MappedTensor> tensors, List<DroppedTensor> dropped) {}

    private static final List<String> WRAPPER_PREFIXES = List.of("module.", "_orig_mod.");

    private static final Set<String> VIFI_PROMPT_BUFFERS =
            Set.of(
                    "prompt_learner.complete_text_embeddings",
                    "prompt_learner.token_prefix",
                    "prompt_learner.token_suffix");

    private static final Pattern HF_LAYER =
            Pattern.compile("(vision|text)_model\\.encoder\\.layers\\.(\\d+)\\.(.+)");

    private static final Pattern HF_QKV =
            Pattern.compile("self_attn\\.([qkv])_proj\\.(weight|bias)");

    /** Hugging Face names outside the blocks, and OpenAI's. */
    private static final Map<String, String> HF_NAMES =
            Map.ofEntries(
                    Map.entry(
                            "text_model.embeddings.token_embedding.weight",
                            "token_embedding.weight"),
                    Map.entry(
                            "text_model.embeddings.position_embedding.weight",
                            "positional_embedding"),
                    Map.entry("text_model.final_layer_norm.weight", "ln_final.weight"),
                    Map.entry("text_model.final_layer_norm.bias", "ln_final.bias"),
                    Map.entry("vision_model.embeddings.class_embedding", "visual.class_embedding"),
                    Map.entry(
                            "vision_model.embeddings.patch_embedding.weight",
                            "visual.conv1.weight"),
                    Map.entry(
                            "vision_model.embeddings.position_embedding.weight",
                            "visual.positional_embedding"),
                    Map.entry("vision_model.pre_layrnorm.weight", "visual.ln_pre.weight"),
                    Map.entry("vision_model.pre_layrnorm.bias", "visual.ln_pre.bias"),
                    Map.entry("vision_model.post_layernorm.weight", "visual.ln_post.weight"),
                    Map.entry("vision_model.post_layernorm.bias", "visual.ln_post.bias"),
                    Map.entry("logit_scale", "logit_scale"));

    /** Hugging Face projections, stored as {@code nn.Linear} weights: [embed, width]. */
    private static final Map<String, String> HF_TRANSPOSED =
            Map.of(
                    "visual_projection.weight", "visual.proj",
                    "text_projection.weight", "text_projection");

    /** Hugging Face block member names, and OpenAI's. */
    private static final Map<String, String> HF_BLOCK_NAMES =
            Map.of(
                    "self_attn.out_proj.weight", "attn.out_proj.weight",
                    "self_attn.out_proj.bias", "attn.out_proj.bias",
                    "layer_norm1.weight", "ln_1.weight",
                    "layer_norm1.bias", "ln_1.bias",
                    "layer_norm2.weight", "ln_2.weight",
                    "layer_norm2.bias", "ln_2.bias",
                    "mlp.fc1.weight", "mlp.c_fc.weight",
                    "mlp.fc1.bias", "mlp.c_fc.bias",
                    "mlp.fc2.weight", "mlp.c_proj.weight",
                    "mlp.fc2.bias", "mlp.c_proj.bias");

    private LayoutConverter() {}

    /**
     * Renames a file's tensors.
     *
     * @param file the file, for error messages
     * @param tensors the file's tensors under its own names
     * @return the tensors under OpenAI names, in file order, and the dropped ones
     * @throws WeightsException if two tensors get the same name, or a q/k/v triple is incomplete
     */
    static Result convert(Path file, List<LazyTensor> tensors) throws WeightsException {
        Map<String, LazyTensor> stripped = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        for (LazyTensor tensor : tensors) {
            String name = stripWrappers(tensor.name());
            if (stripped.put(name, tensor) != null) {
                throw new WeightsException(
                        file,
                        "tensors '"
                                + original.get(name)
                                + "' and '"
                                + tensor.name()
                                + "' both mean '"
                                + name
                                + "'");
            }
            original.put(name, tensor.name());
        }
        KeyLayout layout = KeyLayout.detect(stripped.keySet());
        Map<String, MappedTensor> out = new LinkedHashMap<>();
        List<DroppedTensor> dropped = new ArrayList<>();
        for (Map.Entry<String, LazyTensor> entry : stripped.entrySet()) {
            String name = entry.getKey();
            LazyTensor tensor = entry.getValue();
            String sourceName = original.get(name);
            String reason = dropReason(layout, name);
            if (reason != null) {
                dropped.add(
                        new DroppedTensor(sourceName, tensor.shape(), tensor.storedType(), reason));
                continue;
            }
            MappedTensor mapped;
            if (layout == KeyLayout.HUGGING_FACE) {
                mapped = fromHuggingFace(file, name, tensor, sourceName, stripped, original);
                if (mapped == null) {
                    continue; // k or v, packed with its q
                }
            } else {
                mapped = MappedTensor.renamed(rename(layout, name), tensor, sourceName);
            }
            MappedTensor previous = out.put(mapped.name(), mapped);
            if (previous != null) {
                throw new WeightsException(
                        file,
                        "tensors "
                                + previous.sourceNames()
                                + " and "
                                + mapped.sourceNames()
                                + " both map to '"
                                + mapped.name()
                                + "'");
            }
        }
        return new Result(layout, List.copyOf(out.values()), dropped);
    }

    private static String stripWrappers(String name) {
        boolean again = true;
        while (again) {
            again = false;
            for (String prefix : WRAPPER_PREFIXES) {
                if (name.startsWith(prefix)) {
                    name = name.substring(prefix.length());
                    again = true;
                }
            }
        }
        return name;
    }

    private static String dropReason(KeyLayout layout, String name) {
        if (LoadReport.NON_PARAMETERS.contains(name)) {
            return "scalar attribute of OpenAI's TorchScript model, not a parameter";
        }
        if (layout == KeyLayout.VIFI_CLIP && VIFI_PROMPT_BUFFERS.contains(name)) {
            return "token embeddings of the training class prompts; rebuilt for the current class"
                    + " names";
        }
        if (layout == KeyLayout.HUGGING_FACE && name.endsWith(".embeddings.position_ids")) {
            return "position index buffer (0, 1, 2, ...), not a weight";
        }
        return null;
    }

    private static String rename(KeyLayout layout, String name) {
        switch (layout) {
            case VIFI_CLIP:
                if (name.startsWith("image_encoder.")) {
                    return "visual." + name.substring("image_encoder.".length());
                }
                if (name.startsWith("text_encoder.")) {
                    return name.substring("text_encoder.".length());
                }
                return name;
            case OPEN_CLIP_CUSTOM_TEXT:
                return name.startsWith("text.") ? name.substring("text.".length()) : name;
            default:
                return name;
        }
    }

    private static MappedTensor fromHuggingFace(
            Path file,
            String name,
            LazyTensor tensor,
            String sourceName,
            Map<String, LazyTensor> all,
            Map<String, String> original)
            throws WeightsException {
        if (HF_NAMES.containsKey(name)) {
            return MappedTensor.renamed(HF_NAMES.get(name), tensor, sourceName);
        }
        if (HF_TRANSPOSED.containsKey(name)) {
            if (tensor.shape().dimension() != 2) {
                throw new WeightsException(
                        file,
                        "tensor '" + sourceName + "' should be a matrix, found " + tensor.shape());
            }
            return MappedTensor.transposed(HF_TRANSPOSED.get(name), tensor, sourceName);
        }
        Matcher layer = HF_LAYER.matcher(name);
        if (!layer.matches()) {
            return MappedTensor.renamed(name, tensor, sourceName);
        }
        String block =
                (layer.group(1).equals("vision") ? "visual.transformer" : "transformer")
                        + ".resblocks."
                        + layer.group(2)
                        + ".";
        String member = layer.group(3);
        if (HF_BLOCK_NAMES.containsKey(member)) {
            return MappedTensor.renamed(block + HF_BLOCK_NAMES.get(member), tensor, sourceName);
        }
        Matcher qkv = HF_QKV.matcher(member);
        if (!qkv.matches()) {
            return MappedTensor.renamed(name, tensor, sourceName);
        }
        return packQkv(file, name, tensor, sourceName, block, qkv, all, original);
    }

    /**
     * Packs a block's q, k and v projections into OpenAI's {@code in_proj} at the q tensor; the k
     * and v tensors map to nothing (null) once their q is known to exist.
     */
    private static MappedTensor packQkv(
            Path file,
            String name,
            LazyTensor tensor,
            String sourceName,
            String block,
            Matcher qkv,
            Map<String, LazyTensor> all,
            Map<String, String> original)
            throws WeightsException {
        if (!qkv.group(1).equals("q")) {
            String proj = "." + qkv.group(1) + "_proj.";
            if (!all.containsKey(name.replace(proj, ".q_proj."))) {
                throw missingProjection(file, sourceName, sourceName.replace(proj, ".q_proj."));
            }
            return null;
        }
        List<LazyTensor> parts = new ArrayList<>(3);
        List<String> names = new ArrayList<>(3);
        for (String which : List.of("q", "k", "v")) {
            String partName = name.replace(".q_proj.", "." + which + "_proj.");
            LazyTensor part = all.get(partName);
            if (part == null) {
                throw missingProjection(
                        file, sourceName, sourceName.replace(".q_proj.", "." + which + "_proj."));
            }
            if (!part.shape().equals(tensor.shape())) {
                throw new WeightsException(
                        file,
                        "tensor '"
                                + original.get(partName)
                                + "' has shape "
                                + part.shape()
                                + " but '"
                                + sourceName
                                + "' has "
                                + tensor.shape()
                                + ": q, k and v projections must match to be packed");
            }
            parts.add(part);
            names.add(original.get(partName));
        }
        String packed = qkv.group(2).equals("weight") ? "attn.in_proj_weight" : "attn.in_proj_bias";
        return MappedTensor.packed(block + packed, parts, names);
    }

    private static WeightsException missingProjection(Path file, String present, String missing) {
        return new WeightsException(
                file,
                "tensor '"
                        + missing
                        + "' is missing: '"
                        + present
                        + "' is packed with its q, k and v siblings into one in_proj tensor");
    }
}
