"""Writes the weights-reading test fixtures and the tensors a reader must find in each.

A tiny random CLIP (embed 32; image 32 px, patch 8, vision 64 wide x 2 blocks; text 16 tokens,
vocabulary 100, 64 wide x 2 blocks; 1 head of 64 per tower, as OpenAI's width/64 rule gives) is
made once under OpenAI CLIP names, then written in every format and naming layout users have:

  openai_tiny.safetensors            OpenAI names; F32, with visual.proj BF16, text_projection
                                      F16, logit_scale F64
  hf_tiny.safetensors                Hugging Face transformers CLIPModel names, F16, position_ids
  open_clip_tiny_epoch_32.pt         open_clip training checkpoint (torch.save): 'state_dict'
                                      with module. prefixes, optimizer state; F32
  open_clip_custom_text_tiny.safetensors   open_clip CustomTextCLIP names (text.), F16
  vifi_clip_tiny.pth                 ViFi-CLIP checkpoint (torch.save): 'model' with module.
                                      prefixes and ViFi names, optimizer, lr_scheduler,
                                      max_accuracy, epoch, a yacs CfgNode config; F32
  vifi_clip_prompts_tiny.pth         ViFi-CLIP prompting checkpoint: + ctx, VPT, VPT_shallow,
                                      token_prefix/token_suffix; BF16; argparse Namespace
  openai_tiny_jit.pt                 OpenAI-style TorchScript archive: fp16 matrices, fp32 others,
                                      the three int64 scalar buffers
  tensor_views.pt                    strided views, storage offsets, shared storages, parameters,
                                      tensor subclasses, all element types
  whole_module.pt                    a pickled nn.Module (torch.save(model))

and damaged files: truncated.pth, unknown_opcode.pt, short_storage.pt, storage_too_small.pt,
lying_header.safetensors, truncated_header.safetensors, legacy_format.pt, not_weights.txt,
hf_missing_v.safetensors.

For each readable fixture, <name>.expected.json lists the tensors a reader must return, in order,
under OpenAI names, with shapes, stored types, source names and checksums of the values widened to
float64 - all computed here from the arrays written, independently of the Java reader.

Run from the repository root: python3 vificlip-core/src/test/python/weights_fixtures.py
"""

import argparse
import collections
import json
import math
import os
import pickle
import struct

import numpy as np

import torch_formats as tf

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "resources", "io", "github", "vificlip", "weights")

EMBED, IMAGE, PATCH, VISION_WIDTH, VISION_LAYERS = 32, 32, 8, 64, 2
CONTEXT, VOCAB, TEXT_WIDTH, TEXT_LAYERS = 16, 100, 64, 2
N_CLASSES, N_CTX, PROMPT_DEPTH = 3, 4, 2
ARCHITECTURE = {
    "embedDim": EMBED, "imageSize": IMAGE, "patchSize": PATCH,
    "visionWidth": VISION_WIDTH, "visionLayers": VISION_LAYERS, "visionHeads": 1,
    "contextLength": CONTEXT, "vocabSize": VOCAB,
    "textWidth": TEXT_WIDTH, "textLayers": TEXT_LAYERS, "textHeads": 1, "mlpRatio": 4,
}
BLOCK_MEMBERS = [
    "attn.in_proj_weight", "attn.in_proj_bias", "attn.out_proj.weight", "attn.out_proj.bias",
    "ln_1.weight", "ln_1.bias", "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight",
    "mlp.c_proj.bias", "ln_2.weight", "ln_2.bias",
]
OPENAI_SCALARS = ["input_resolution", "context_length", "vocab_size"]


# --------------------------------------------------------------------------------------------
# The canonical model
# --------------------------------------------------------------------------------------------


def block_shapes(width):
    return [(3 * width, width), (3 * width,), (width, width), (width,), (width,), (width,),
            (4 * width, width), (4 * width,), (width, 4 * width), (width,), (width,), (width,)]


def canonical_model(rng):
    """OpenAI CLIP's state dict, in its order, with random float32 values."""
    shapes = collections.OrderedDict()
    shapes["positional_embedding"] = (CONTEXT, TEXT_WIDTH)
    shapes["text_projection"] = (TEXT_WIDTH, EMBED)
    shapes["logit_scale"] = ()
    shapes["visual.class_embedding"] = (VISION_WIDTH,)
    shapes["visual.positional_embedding"] = ((IMAGE // PATCH) ** 2 + 1, VISION_WIDTH)
    shapes["visual.proj"] = (VISION_WIDTH, EMBED)
    shapes["visual.conv1.weight"] = (VISION_WIDTH, 3, PATCH, PATCH)
    shapes["visual.ln_pre.weight"] = (VISION_WIDTH,)
    shapes["visual.ln_pre.bias"] = (VISION_WIDTH,)
    for i in range(VISION_LAYERS):
        for member, shape in zip(BLOCK_MEMBERS, block_shapes(VISION_WIDTH)):
            shapes["visual.transformer.resblocks.%d.%s" % (i, member)] = shape
    shapes["visual.ln_post.weight"] = (VISION_WIDTH,)
    shapes["visual.ln_post.bias"] = (VISION_WIDTH,)
    shapes["token_embedding.weight"] = (VOCAB, TEXT_WIDTH)
    for i in range(TEXT_LAYERS):
        for member, shape in zip(BLOCK_MEMBERS, block_shapes(TEXT_WIDTH)):
            shapes["transformer.resblocks.%d.%s" % (i, member)] = shape
    shapes["ln_final.weight"] = (TEXT_WIDTH,)
    shapes["ln_final.bias"] = (TEXT_WIDTH,)
    model = collections.OrderedDict()
    for name, shape in shapes.items():
        values = rng.normal(0.0, 0.05, size=shape)
        if "ln_" in name and name.endswith(".weight"):
            values = values + 1.0  # LayerNorm gains sit around 1
        model[name] = np.asarray(values, dtype=np.float32)
    model["logit_scale"] = np.asarray(math.log(100.0) + 0.01, dtype=np.float32)
    return model


def prompt_tensors(rng):
    prompts = collections.OrderedDict()
    prompts["prompt_learner.ctx"] = rng.normal(0, 0.02, (N_CTX, TEXT_WIDTH))
    prompts["visual.VPT"] = rng.normal(0, 0.02, (N_CTX, VISION_WIDTH))
    for i in range(1, PROMPT_DEPTH):
        prompts["visual.transformer.resblocks.%d.VPT_shallow" % i] = rng.normal(
            0, 0.02, (N_CTX, VISION_WIDTH))
        prompts["transformer.resblocks.%d.VPT_shallow" % i] = rng.normal(
            0, 0.02, (N_CTX, TEXT_WIDTH))
    return collections.OrderedDict((k, v.astype(np.float32)) for k, v in prompts.items())


# --------------------------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------------------------


class Expected:
    """The tensors a reader must return from one fixture, in order."""

    def __init__(self, file_name, fmt, layout, container="", other_entries=(), architecture=True):
        self.data = collections.OrderedDict([
            ("file", file_name), ("format", fmt), ("layout", layout),
            ("container", container), ("other_entries", list(other_entries)),
            ("architecture", ARCHITECTURE if architecture else None),
            ("tensors", []), ("dropped", []),
        ])

    def tensor(self, name, values, dtype, sources, conversion=""):
        entry = collections.OrderedDict([
            ("name", name), ("shape", list(np.shape(values))), ("stored", dtype),
            ("sources", list(sources)), ("conversion", conversion),
        ])
        entry.update(tf.checksums(values))
        self.data["tensors"].append(entry)

    def dropped(self, source, shape, dtype):
        self.data["dropped"].append({"source": source, "shape": list(shape), "stored": dtype})

    def write(self):
        path = os.path.join(OUT, self.data["file"] + ".expected.json")
        with open(path, "w") as out:
            json.dump(self.data, out, indent=1)
            out.write("\n")


# --------------------------------------------------------------------------------------------
# The formats
# --------------------------------------------------------------------------------------------


def write_openai_safetensors(model):
    name = "openai_tiny.safetensors"
    dtypes = {"visual.proj": "BF16", "text_projection": "F16", "logit_scale": "F64"}
    expected = Expected(name, "SAFETENSORS", "OPENAI")
    tensors = []
    for key, values in model.items():
        dtype = dtypes.get(key, "F32")
        raw, seen = tf.stored(values, dtype)
        tensors.append((key, raw, dtype))
        expected.tensor(key, seen, dtype, [key])
    tf.safetensors_save(tensors, os.path.join(OUT, name), {"format": "pt"})
    expected.write()


def hf_names(model):
    """OpenAI name -> list of (HF name, values) in the HF model's own terms."""
    result = collections.OrderedDict()
    towers = [("vision_model", "visual.transformer.resblocks.", VISION_LAYERS),
              ("text_model", "transformer.resblocks.", TEXT_LAYERS)]
    simple = {
        "token_embedding.weight": "text_model.embeddings.token_embedding.weight",
        "positional_embedding": "text_model.embeddings.position_embedding.weight",
        "ln_final.weight": "text_model.final_layer_norm.weight",
        "ln_final.bias": "text_model.final_layer_norm.bias",
        "visual.class_embedding": "vision_model.embeddings.class_embedding",
        "visual.conv1.weight": "vision_model.embeddings.patch_embedding.weight",
        "visual.positional_embedding": "vision_model.embeddings.position_embedding.weight",
        "visual.ln_pre.weight": "vision_model.pre_layrnorm.weight",
        "visual.ln_pre.bias": "vision_model.pre_layrnorm.bias",
        "visual.ln_post.weight": "vision_model.post_layernorm.weight",
        "visual.ln_post.bias": "vision_model.post_layernorm.bias",
        "logit_scale": "logit_scale",
    }
    for key, hf in simple.items():
        result[hf] = model[key]
    result["visual_projection.weight"] = model["visual.proj"].T
    result["text_projection.weight"] = model["text_projection"].T
    members = {
        "attn.out_proj.weight": "self_attn.out_proj.weight",
        "attn.out_proj.bias": "self_attn.out_proj.bias",
        "ln_1.weight": "layer_norm1.weight", "ln_1.bias": "layer_norm1.bias",
        "ln_2.weight": "layer_norm2.weight", "ln_2.bias": "layer_norm2.bias",
        "mlp.c_fc.weight": "mlp.fc1.weight", "mlp.c_fc.bias": "mlp.fc1.bias",
        "mlp.c_proj.weight": "mlp.fc2.weight", "mlp.c_proj.bias": "mlp.fc2.bias",
    }
    for tower, prefix, layers in towers:
        for i in range(layers):
            block = "%s.encoder.layers.%d." % (tower, i)
            for member, hf in members.items():
                result[block + hf] = model[prefix + "%d.%s" % (i, member)]
            for kind in ("weight", "bias"):
                packed = model[prefix + "%d.attn.in_proj_%s" % (i, kind)]
                q, k, v = np.split(packed, 3, axis=0)
                result[block + "self_attn.q_proj." + kind] = q
                result[block + "self_attn.k_proj." + kind] = k
                result[block + "self_attn.v_proj." + kind] = v
    result["text_model.embeddings.position_ids"] = np.arange(CONTEXT, dtype=np.int64)[None]
    result["vision_model.embeddings.position_ids"] = np.arange(
        (IMAGE // PATCH) ** 2 + 1, dtype=np.int64)[None]
    return result


def openai_name_of_hf(name):
    """(OpenAI name, conversion) for an HF name; None for k/v (packed with q) and drops."""
    if name.endswith("position_ids"):
        return None
    if name == "visual_projection.weight":
        return "visual.proj", "transposed"
    if name == "text_projection.weight":
        return "text_projection", "transposed"
    if ".encoder.layers." in name:
        tower, _, rest = name.partition(".encoder.layers.")
        layer, _, member = rest.partition(".")
        prefix = ("visual.transformer.resblocks." if tower == "vision_model"
                  else "transformer.resblocks.") + layer + "."
        if member.startswith("self_attn.") and member[10:12] in ("q_", "k_", "v_"):
            if member[10] != "q":
                return None
            return prefix + "attn.in_proj_" + member.rsplit(".", 1)[1], "packed [Q;K;V]"
        table = {"self_attn.out_proj": "attn.out_proj", "layer_norm1": "ln_1",
                 "layer_norm2": "ln_2", "mlp.fc1": "mlp.c_fc", "mlp.fc2": "mlp.c_proj"}
        base, _, kind = member.rpartition(".")
        return prefix + table[base] + "." + kind, ""
    table = {
        "text_model.embeddings.token_embedding.weight": "token_embedding.weight",
        "text_model.embeddings.position_embedding.weight": "positional_embedding",
        "text_model.final_layer_norm.weight": "ln_final.weight",
        "text_model.final_layer_norm.bias": "ln_final.bias",
        "vision_model.embeddings.class_embedding": "visual.class_embedding",
        "vision_model.embeddings.patch_embedding.weight": "visual.conv1.weight",
        "vision_model.embeddings.position_embedding.weight": "visual.positional_embedding",
        "vision_model.pre_layrnorm.weight": "visual.ln_pre.weight",
        "vision_model.pre_layrnorm.bias": "visual.ln_pre.bias",
        "vision_model.post_layernorm.weight": "visual.ln_post.weight",
        "vision_model.post_layernorm.bias": "visual.ln_post.bias",
        "logit_scale": "logit_scale",
    }
    return table[name], ""


def write_hf_safetensors(model):
    name = "hf_tiny.safetensors"
    tensors = hf_names(model)
    # The reference writer orders same-typed tensors by name.
    ordered = sorted(tensors.items(), key=lambda item: (item[1].dtype != np.int64, item[0]))
    written = []
    stored_values = {}
    for hf, values in ordered:
        dtype = "I64" if values.dtype == np.int64 else "F16"
        raw, seen = tf.stored(values, dtype)
        written.append((hf, raw, dtype))
        stored_values[hf] = seen
    tf.safetensors_save(written, os.path.join(OUT, name), {"format": "pt"})
    expected = Expected(name, "SAFETENSORS", "HUGGING_FACE")
    for hf, _, dtype in written:
        mapped = openai_name_of_hf(hf)
        if hf.endswith("position_ids"):
            expected.dropped(hf, stored_values[hf].shape, dtype)
        if mapped is None:
            continue
        openai, conversion = mapped
        if conversion == "packed [Q;K;V]":
            parts = [hf.replace(".q_proj.", ".%s_proj." % p) for p in "qkv"]
            values = np.concatenate([stored_values[p] for p in parts], axis=0)
            expected.tensor(openai, values, dtype, parts, conversion)
        elif conversion == "transposed":
            expected.tensor(openai, stored_values[hf].T, dtype, [hf], conversion)
        else:
            expected.tensor(openai, stored_values[hf], dtype, [hf])
    expected.write()


def optimizer_state(rng, n_params):
    """An AdamW state_dict for the first two parameters, as torch 2.x saves it."""
    state = {}
    for index in range(2):
        state[index] = {
            "step": tf.Tensor.contiguous(np.asarray(10.0, dtype=np.float32), "F32"),
            "exp_avg": tf.Tensor.contiguous(rng.normal(0, 1e-3, 8).astype(np.float32), "F32"),
            "exp_avg_sq": tf.Tensor.contiguous(rng.random(8).astype(np.float32) * 1e-6, "F32"),
        }
    return {
        "state": state,
        "param_groups": [{
            "lr": 2.2e-6, "betas": (0.9, 0.98), "eps": 1e-8, "weight_decay": 0.001,
            "amsgrad": False, "maximize": False, "foreach": None, "capturable": False,
            "differentiable": False, "fused": None, "initial_lr": 2.2e-5,
            "params": list(range(n_params)),
        }],
    }


def write_open_clip_checkpoint(model, rng):
    name = "open_clip_tiny_epoch_32.pt"
    expected = Expected(name, "TORCH_ZIP", "OPENAI", "'state_dict'",
                        ["epoch", "name", "optimizer"])
    items = []
    for key, values in model.items():
        items.append(("module." + key, tf.Tensor.contiguous(values, "F32")))
        expected.tensor(key, values.astype(np.float64), "F32", ["module." + key])
    checkpoint = {
        "epoch": 32,
        "name": "tiny-clip",
        "state_dict": tf.state_dict(items, ["", "module", "module.visual"]),
        "optimizer": optimizer_state(rng, len(items)),
    }
    tf.torch_save(checkpoint, os.path.join(OUT, name), "epoch_32")
    expected.write()


def write_open_clip_custom_text(model):
    name = "open_clip_custom_text_tiny.safetensors"
    expected = Expected(name, "SAFETENSORS", "OPEN_CLIP_CUSTOM_TEXT")
    tensors = []
    for key, values in model.items():
        stored_name = key if key.startswith("visual.") or key == "logit_scale" else "text." + key
        raw, seen = tf.stored(values, "F16")
        tensors.append((stored_name, raw, "F16"))
        expected.tensor(key, seen, "F16", [stored_name])
    tf.safetensors_save(tensors, os.path.join(OUT, name), {"format": "pt"})
    expected.write()


def vifi_name(key):
    if key.startswith("visual."):
        return "image_encoder." + key[len("visual."):]
    if key in ("logit_scale",) or key.startswith("prompt_learner."):
        return key
    return "text_encoder." + key


class CfgNode(dict):
    """yacs.config.CfgNode's pickled structure: a dict subclass with four __dict__ entries."""

    def __init__(self, init_dict=None):
        super().__init__(init_dict or {})
        self.__dict__["__immutable__"] = False
        self.__dict__["__deprecated_keys__"] = set()
        self.__dict__["__renamed_keys__"] = {}
        self.__dict__["__new_allowed__"] = False


CfgNode.__module__ = "yacs.config"
tf._module("yacs.config").CfgNode = CfgNode


def vifi_config():
    return CfgNode({
        "MODEL": CfgNode({"ARCH": "ViT-B/16", "RESUME": "", "DROP_PATH_RATE": 0.0}),
        "DATA": CfgNode({"NUM_FRAMES": 8, "NUM_CLASSES": N_CLASSES, "LABEL_LIST": "labels.csv"}),
        "TRAIN": CfgNode({"EPOCHS": 11, "LR": 2.2e-05, "BATCH_SIZE": 4, "ACCUMULATION_STEPS": 2}),
        "TRAINER": CfgNode({"ViFi_CLIP": CfgNode({"USE": "both", "ZS_EVAL": False})}),
        "SEED": 1024,
    })


def write_vifi_checkpoint(model, rng, prompts=None):
    prompting = prompts is not None
    name = "vifi_clip_prompts_tiny.pth" if prompting else "vifi_clip_tiny.pth"
    dtype = "BF16" if prompting else "F32"
    others = ["optimizer", "lr_scheduler", "max_accuracy", "epoch", "config"]
    if prompting:
        others.append("args")
    expected = Expected(name, "TORCH_ZIP", "VIFI_CLIP", "'model'", others, architecture=False)
    items = []
    dropped_buffers = []

    def add(key, values, openai_name):
        raw, seen = tf.stored(values, dtype)
        items.append(("module." + key, tf.Tensor.contiguous(raw, dtype)))
        if openai_name is not None:
            expected.tensor(openai_name, seen, dtype, ["module." + key])
        else:
            dropped_buffers.append(("module." + key, raw.shape))

    add("logit_scale", model["logit_scale"], "logit_scale")
    if prompting:
        add("prompt_learner.ctx", prompts["prompt_learner.ctx"], "prompt_learner.ctx")
        add("prompt_learner.token_prefix",
            rng.normal(0, 0.02, (N_CLASSES, 1, TEXT_WIDTH)).astype(np.float32), None)
        add("prompt_learner.token_suffix",
            rng.normal(0, 0.02, (N_CLASSES, CONTEXT - 1 - N_CTX, TEXT_WIDTH)).astype(np.float32),
            None)
    else:
        add("prompt_learner.complete_text_embeddings",
            rng.normal(0, 0.02, (N_CLASSES, CONTEXT, TEXT_WIDTH)).astype(np.float32), None)
    encoder = collections.OrderedDict(
        (k, v) for k, v in model.items() if k not in ("logit_scale", "token_embedding.weight"))
    if prompting:
        encoder["visual.VPT"] = prompts["visual.VPT"]
        for key, values in prompts.items():
            if key.endswith("VPT_shallow"):
                encoder[key] = values
    image = [(k, v) for k, v in encoder.items() if k.startswith("visual.")]
    text = [(k, v) for k, v in encoder.items() if not k.startswith("visual.")]
    for key, values in image + text:
        add(vifi_name(key), values, key)
    for source, shape in dropped_buffers:
        expected.dropped(source, shape, dtype)
    checkpoint = {}  # utils/tools.epoch_saving's save_state: a plain dict
    checkpoint["model"] = tf.state_dict(items, ["", "module", "module.image_encoder"])
    checkpoint["optimizer"] = optimizer_state(rng, len(items))
    checkpoint["lr_scheduler"] = {
        "t_initial": 110, "lr_min": 2.2e-7, "cycle_mul": 1.0, "cycle_decay": 0.1,
        "cycle_limit": 1, "warmup_t": 50, "warmup_lr_init": 0, "warmup_prefix": False,
        "t_in_epochs": False, "base_values": [2.2e-5], "metric": None,
        "noise_range_t": None, "noise_seed": 42,
    }
    checkpoint["max_accuracy"] = 0.8125
    checkpoint["epoch"] = 10
    checkpoint["config"] = vifi_config()
    if prompting:
        checkpoint["args"] = argparse.Namespace(config="configs/tiny.yaml", resume="ckpt.pth",
                                                opts=None, local_rank=0)
    prefix = "archive" if prompting else "ckpt_epoch_10"
    tf.torch_save(checkpoint, os.path.join(OUT, name), prefix)
    expected.write()


# --------------------------------------------------------------------------------------------
# TorchScript in the layout of OpenAI's released archives
# --------------------------------------------------------------------------------------------

# Matrices, convolutions and projections are fp16 in OpenAI's archives (clip.model.convert_weights);
# embeddings, LayerNorms and logit_scale stay fp32.
def jit_dtype(key):
    half = (key.endswith("in_proj_weight") or key.endswith("in_proj_bias")
            or ".out_proj." in key or ".c_fc." in key or ".c_proj." in key
            or key in ("visual.conv1.weight", "visual.proj", "text_projection"))
    return "F16" if half else "F32"


JIT = "__torch__.multimodal.model.multimodal_transformer."
NN = "__torch__.torch.nn.modules."


class JitBuilder:
    """Builds the module object graph of a traced OpenAI CLIP with mangled class names."""

    def __init__(self, model, expected):
        self.model = model
        self.expected = expected
        self.mangle = 9000

    def cls(self, qualified):
        module, _, name = qualified.rpartition(".")
        self.mangle += 1
        return "%s.___torch_mangle_%d.%s" % (module, self.mangle, name)

    def tensor(self, key):
        dtype = jit_dtype(key)
        raw, seen = tf.stored(self.model[key], dtype)
        self.expected.tensor(key, seen, dtype, [key])
        return tf.Tensor.contiguous(raw, dtype)

    def layer_norm(self, prefix):
        return tf.ScriptObject(self.cls(JIT + "LayerNorm"), [
            ("weight", self.tensor(prefix + ".weight")),
            ("bias", self.tensor(prefix + ".bias")),
            ("training", False)])

    def linear(self, prefix, qualified=NN + "linear.Linear"):
        return tf.ScriptObject(self.cls(qualified), [
            ("weight", self.tensor(prefix + ".weight")),
            ("bias", self.tensor(prefix + ".bias")),
            ("training", False)])

    def block(self, prefix):
        attn = tf.ScriptObject(self.cls(NN + "activation.MultiheadAttention"), [
            ("in_proj_weight", self.tensor(prefix + ".attn.in_proj_weight")),
            ("in_proj_bias", self.tensor(prefix + ".attn.in_proj_bias")),
            ("training", False),
            ("out_proj", self.linear(prefix + ".attn.out_proj", NN + "linear._LinearWithBias"))])
        ln_1 = self.layer_norm(prefix + ".ln_1")
        mlp = tf.ScriptObject(self.cls(NN + "container.Sequential"), [
            ("training", False),
            ("c_fc", self.linear(prefix + ".mlp.c_fc")),
            ("gelu", tf.ScriptObject(self.cls(JIT + "QuickGELU"), [("training", False)])),
            ("c_proj", self.linear(prefix + ".mlp.c_proj"))])
        ln_2 = self.layer_norm(prefix + ".ln_2")
        return tf.ScriptObject(self.cls(JIT + "ResidualAttentionBlock"), [
            ("training", False), ("attn", attn), ("ln_1", ln_1), ("mlp", mlp), ("ln_2", ln_2)])

    def transformer(self, prefix, layers):
        blocks = [(str(i), self.block("%s.resblocks.%d" % (prefix, i))) for i in range(layers)]
        sequential = tf.ScriptObject(self.cls(NN + "container.Sequential"),
                                     [("training", False)] + blocks)
        return tf.ScriptObject(self.cls(JIT + "Transformer"),
                               [("training", False), ("resblocks", sequential)])

    def root(self):
        # Attribute order follows the class: parameters, buffers, training, submodules; tensors
        # are pickled (and so numbered) in the order the walk meets them.
        positional = self.tensor("positional_embedding")
        text_projection = self.tensor("text_projection")
        logit_scale = self.tensor("logit_scale")
        scalars = []
        for key, value in zip(OPENAI_SCALARS, (IMAGE, CONTEXT, VOCAB)):
            scalars.append((key, tf.Tensor.contiguous(np.asarray(value, dtype=np.int64), "I64")))
            self.expected.dropped(key, (), "I64")
        class_embedding = self.tensor("visual.class_embedding")
        visual_positional = self.tensor("visual.positional_embedding")
        proj = self.tensor("visual.proj")
        conv1 = tf.ScriptObject(self.cls(NN + "conv.Conv2d"), [
            ("weight", self.tensor("visual.conv1.weight")), ("training", False)])
        visual = tf.ScriptObject(JIT + "VisualTransformer", [
            ("class_embedding", class_embedding),
            ("positional_embedding", visual_positional),
            ("proj", proj),
            ("training", False),
            ("conv1", conv1),
            ("ln_pre", self.layer_norm("visual.ln_pre")),
            ("transformer", self.transformer("visual.transformer", VISION_LAYERS)),
            ("ln_post", self.layer_norm("visual.ln_post"))])
        transformer = self.transformer("transformer", TEXT_LAYERS)
        token_embedding = tf.ScriptObject(self.cls(NN + "sparse.Embedding"), [
            ("weight", self.tensor("token_embedding.weight")), ("training", False)])
        return tf.ScriptObject(self.cls(JIT + "Multimodal"), [
            ("positional_embedding", positional),
            ("text_projection", text_projection),
            ("logit_scale", logit_scale)] + scalars + [
            ("training", False),
            ("visual", visual),
            ("transformer", transformer),
            ("token_embedding", token_embedding),
            ("ln_final", self.layer_norm("ln_final"))])


def jit_code(root):
    """code/ as torch.jit.save writes it: one file per qualifier, with each class's header."""
    files = collections.OrderedDict()
    seen = set()

    def visit(obj):
        if (obj.module, obj.name) in seen:
            return
        seen.add((obj.module, obj.name))
        tensors = [n for n, v in obj.attributes if isinstance(v, tf.Tensor)]
        buffers = [n for n in tensors if n in OPENAI_SCALARS]
        params = [n for n in tensors if n not in buffers]
        text = "class %s(Module):\n" % obj.name
        text += "  __parameters__ = [%s]\n" % "".join('"%s", ' % n for n in params)
        text += "  __buffers__ = [%s]\n" % "".join('"%s", ' % n for n in buffers)
        for n, v in obj.attributes:
            kind = ("Tensor" if isinstance(v, tf.Tensor) else "bool" if isinstance(v, bool)
                    else "%s.%s" % (v.module, v.name))
            text += "  %s : %s\n" % (n if n.isidentifier() else '__annotations__["%s"]' % n, kind)
        path = "code/" + obj.module.replace(".", "/") + ".py"
        files[path] = files.get(path, "") + text
        for _, value in obj.attributes:
            if isinstance(value, tf.ScriptObject):
                visit(value)

    visit(root)
    return files


def write_torchscript(model):
    name = "openai_tiny_jit.pt"
    expected = Expected(name, "TORCHSCRIPT", "OPENAI")
    builder = JitBuilder(model, expected)
    root = builder.root()
    expected.data["container"] = "module %s.%s" % (root.module, root.name)
    mask = np.triu(np.full((CONTEXT, CONTEXT), -np.inf, dtype=np.float32), 1)
    constants = [tf.Tensor.contiguous(mask, "F32"), 1.702]
    tf.torch_jit_save(root, constants, jit_code(root), os.path.join(OUT, name), "ViT-tiny")
    expected.write()


# --------------------------------------------------------------------------------------------
# Views, storages, element types, pickled modules
# --------------------------------------------------------------------------------------------


def write_tensor_views(rng):
    name = "tensor_views.pt"
    expected = Expected(name, "TORCH_ZIP", "OPENAI", architecture=False)
    base = rng.normal(0, 1, (4, 6)).astype(np.float32)
    shared = tf.Storage(base.ravel(), "F32")
    items = collections.OrderedDict()
    # A transposed view: stride (1, 6) over the same storage.
    items["transposed"] = tf.Tensor(shared, 0, (6, 4), (1, 6))
    expected.tensor("transposed", base.T.astype(np.float64), "F32", ["transposed"])
    # A row slice with a storage offset, sharing the storage.
    items["row_slice"] = tf.Tensor(shared, 12, (2, 6), (6, 1))
    expected.tensor("row_slice", base[2:].astype(np.float64), "F32", ["row_slice"])
    # A column slice: offset and a non-unit row stride.
    items["column_slice"] = tf.Tensor(shared, 1, (4, 3), (6, 2))
    expected.tensor("column_slice", base[:, 1::2].astype(np.float64), "F32", ["column_slice"])
    # A broadcast (expanded) view with a zero stride.
    items["expanded"] = tf.Tensor(shared, 6, (3, 6), (0, 1))
    expected.tensor("expanded", np.broadcast_to(base[1], (3, 6)).astype(np.float64), "F32",
                    ["expanded"])
    for dtype, values in [
        ("F16", rng.normal(0, 1, (3, 5)).astype(np.float32)),
        ("BF16", rng.normal(0, 1, (5, 3)).astype(np.float32)),
        ("F64", rng.normal(0, 1, (7,))),
        ("I64", np.arange(-3, 9, dtype=np.int64).reshape(3, 4)),
        ("I32", np.arange(-5, 5, dtype=np.int32)),
        ("U8", np.arange(250, 256, dtype=np.uint8)),
    ]:
        raw, seen = tf.stored(values, dtype)
        key = "as_" + dtype.lower()
        items[key] = tf.Tensor.contiguous(raw, dtype)
        expected.tensor(key, seen, dtype, [key])
    # A transposed fp16 matrix, to check strides with 2-byte elements.
    half = rng.normal(0, 1, (3, 4)).astype(np.float16)
    items["half_transposed"] = tf.Tensor(tf.Storage(half.ravel(), "F16"), 0, (4, 3), (1, 4))
    expected.tensor("half_transposed", half.T.astype(np.float64), "F16", ["half_transposed"])
    scalar = np.asarray(2.5, dtype=np.float32)
    items["scalar"] = tf.Tensor.contiguous(scalar, "F32")
    expected.tensor("scalar", scalar.astype(np.float64), "F32", ["scalar"])
    empty = np.zeros((0, 3), dtype=np.float32)
    items["empty"] = tf.Tensor(tf.Storage(empty.ravel(), "F32"), 0, (0, 3), (3, 1))
    expected.tensor("empty", empty.astype(np.float64), "F32", ["empty"])
    param = rng.normal(0, 1, (2, 2)).astype(np.float32)
    items["parameter"] = tf.Parameter(tf.Storage(param.ravel(), "F32"), 0, (2, 2), (2, 1))
    expected.tensor("parameter", param.astype(np.float64), "F32", ["parameter"])
    sub = rng.normal(0, 1, (2,)).astype(np.float32)
    items["subclass"] = tf.SubclassTensor(tf.Storage(sub, "F32"), 0, (2,), (1,))
    expected.tensor("subclass", sub.astype(np.float64), "F32", ["subclass"])
    items["not_a_tensor"] = {"any": [1, 2.5, "text", None, b"\x00\xff", {3, 4}]}
    expected.data["other_entries"] = ["not_a_tensor (not a tensor: dict)"]
    tf.torch_save(items, os.path.join(OUT, name), "archive")
    expected.write()


def write_whole_module(rng):
    """torch.save(model): an nn.Module pickled through its __dict__."""
    name = "whole_module.pt"
    Module = tf.fake_class("__main__", "TinyNet")
    Linear = tf.fake_class("torch.nn.modules.linear", "Linear")
    expected = Expected(name, "TORCH_ZIP", "OPENAI", "pickled module __main__.TinyNet",
                        architecture=False)

    def module(cls, parameters, buffers, children, non_persistent=()):
        obj = cls.__new__(cls)
        obj.__dict__.update({
            "training": True,
            "_parameters": collections.OrderedDict(parameters),
            "_buffers": collections.OrderedDict(buffers),
            "_non_persistent_buffers_set": set(non_persistent),
            "_backward_hooks": collections.OrderedDict(),
            "_forward_hooks": collections.OrderedDict(),
            "_modules": collections.OrderedDict(children),
        })
        return obj

    def param(key, shape):
        values = rng.normal(0, 1, shape).astype(np.float32)
        expected.tensor(key, values.astype(np.float64), "F32", [key])
        strides = tuple(s // values.itemsize for s in values.strides)
        return tf.Parameter(tf.Storage(values.ravel(), "F32"), 0, shape, strides)

    fc1 = module(Linear, [("weight", param("fc1.weight", (4, 3))),
                          ("bias", param("fc1.bias", (4,)))], [], [])
    fc2 = module(Linear, [("weight", param("fc2.weight", (2, 4))), ("bias", None)], [], [])
    scale = np.asarray([0.5, 2.0], dtype=np.float32)
    expected.tensor("scale", scale.astype(np.float64), "F32", ["scale"])
    net = module(Module, [], [("scale", tf.Tensor.contiguous(scale, "F32")),
                              ("cache", tf.Tensor.contiguous(np.zeros(3, np.float32), "F32"))],
                 [("fc1", fc1), ("fc2", fc2)], non_persistent=["cache"])
    # state_dict() order: own parameters, own buffers, then children.
    tensors = expected.data["tensors"]
    expected.data["tensors"] = [tensors[-1]] + tensors[:-1]
    tf.torch_save(net, os.path.join(OUT, name), "whole_module")
    expected.write()


# --------------------------------------------------------------------------------------------
# Damaged and foreign files
# --------------------------------------------------------------------------------------------


def write_damaged(model):
    small = collections.OrderedDict(
        [("visual.proj", tf.Tensor.contiguous(model["visual.proj"], "F32"))])
    path = os.path.join(OUT, "short_storage.pt")
    tf.torch_save(small, path, "archive")
    # The same file with the storage record cut to half its bytes.
    rewrite_zip_record(path, "archive/data/0", lambda data: data[: len(data) // 2])

    # A tensor reaching past the end of its (consistent) storage.
    storage = tf.Storage(model["visual.proj"].ravel()[:100], "F32")
    tf.torch_save({"visual.proj": tf.Tensor(storage, 0, (64, 32), (32, 1))},
                  os.path.join(OUT, "storage_too_small.pt"), "archive")

    path = os.path.join(OUT, "unknown_opcode.pt")
    tf.torch_save(small, path, "archive")
    # 0xff is no pickle opcode: put it in place of the first REDUCE.
    rewrite_zip_record(path, "archive/data.pkl", lambda data: data.replace(b")R", b")\xff", 1))

    with open(os.path.join(OUT, "tensor_views.pt"), "rb") as source:
        data = source.read()
    with open(os.path.join(OUT, "truncated.pth"), "wb") as out:
        out.write(data[: len(data) // 2])

    # Header says 16 bytes of data for a [4, 4] F32 tensor (64 bytes).
    header = json.dumps({"visual.proj": {"dtype": "F32", "shape": [4, 4],
                                         "data_offsets": [0, 16]}}).encode()
    header += b" " * ((-(len(header) + 8)) % 8)
    with open(os.path.join(OUT, "lying_header.safetensors"), "wb") as out:
        out.write(struct.pack("<Q", len(header)) + header + bytes(64))

    # A header length pointing past the end of the file.
    header = json.dumps({"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
    with open(os.path.join(OUT, "truncated_header.safetensors"), "wb") as out:
        out.write(struct.pack("<Q", 4096) + header[:20])

    # torch.save's legacy format: the pickled magic number, protocol version, system info...
    magic = 0x1950A86A20F9469CFC6C
    with open(os.path.join(OUT, "legacy_format.pt"), "wb") as out:
        pickle.dump(magic, out, protocol=2)
        pickle.dump(1001, out, protocol=2)
        pickle.dump({"protocol_version": 1001, "little_endian": True}, out, protocol=2)

    with open(os.path.join(OUT, "not_weights.txt"), "w") as out:
        out.write("These are not the weights you are looking for.\n")

    # Hugging Face names with the v projection of a block missing.
    q, k = (np.full((4, 4), value, dtype=np.float16) for value in (1.0, 2.0))
    prefix = "text_model.encoder.layers.1.self_attn."
    tf.safetensors_save([(prefix + "k_proj.weight", k, "F16"), (prefix + "q_proj.weight", q, "F16")],
                        os.path.join(OUT, "hf_missing_v.safetensors"), {"format": "pt"})


def rewrite_zip_record(path, record, change):
    import zipfile
    with zipfile.ZipFile(path) as archive:
        records = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    prefix = records[0][0].split("/", 1)[0]
    changed = [(name.split("/", 1)[1], change(data) if name == record else data)
               for name, data in records]
    assert changed != [(name.split("/", 1)[1], data) for name, data in records], record
    records = changed
    tf.write_aligned_zip(path, prefix, records)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(2026)
    model = canonical_model(rng)
    prompts = prompt_tensors(rng)
    write_openai_safetensors(model)
    write_hf_safetensors(model)
    write_open_clip_checkpoint(model, rng)
    write_open_clip_custom_text(model)
    write_vifi_checkpoint(model, rng)
    write_vifi_checkpoint(model, rng, prompts)
    write_torchscript(model)
    write_tensor_views(rng)
    write_whole_module(rng)
    write_damaged(model)


if __name__ == "__main__":
    main()
