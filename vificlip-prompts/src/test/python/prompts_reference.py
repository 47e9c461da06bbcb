#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Independent NumPy reference for the prompt learner ("bridge and prompt", SPEC.md sections 2, 7
and 9.11-12), with nothing shared with the Java code.

It takes the tiny CLIP of vificlip-core's clip_reference.py (its weights file and its float64
towers, which already accept shallow and deep prompts), builds a prompted ViFi-CLIP model the way
the reference's VLPromptLearner and IVLP towers do, and writes:

- prompts_tiny_golden.safetensors: the prompt tensors under the reference's names, a video, the
  tokenised class prompts, and the expected video features, class features and logits; also the
  token embeddings of "a photo of a" (what init words must start the context from);
- vifi_clip_prompting_tiny.pth: the same model and prompts as a ViFi-CLIP prompting checkpoint
  (torch.save zip, 'model' entry with module. prefixes, image_encoder./text_encoder. names,
  prompt_learner.ctx, image_encoder.VPT, the VPT_shallow tensors, and the token_prefix /
  token_suffix buffers a loader must drop), fp32. Like ViFi-CLIP's files it has no token_embedding:
  that comes from the CLIP weights.

The settings differ per tower on purpose (3 text tokens at depth 2 of 3 blocks, 2 vision tokens at
depth 3 of 3), and a class name has an underscore, so a mix-up of towers, rows or depths shows.

Usage: python3 prompts_reference.py   (from anywhere; paths are relative to this file)
"""
import collections
import json
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
CORE_PYTHON = os.path.join(ROOT, "vificlip-core", "src", "test", "python")
sys.path.insert(0, CORE_PYTHON)

import clip_reference as cr  # noqa: E402  (the towers, in float64)
import torch_formats as tf  # noqa: E402  (torch.save without PyTorch)
from clip_tokenizer_reference import Reference  # noqa: E402

VOCAB = os.path.join(ROOT, "vificlip-core", "src", "main", "resources", "io", "github",
                     "vificlip", "tokenizer", "bpe_simple_vocab_16e6.txt.gz")
WEIGHTS = os.path.join(ROOT, "vificlip-core", "src", "test", "resources", "io", "github",
                       "vificlip", "model", "clip_tiny_weights.safetensors")
OUT = os.path.join(HERE, "..", "resources", "io", "github", "vificlip", "prompts")

N_CTX_TEXT, DEPTH_TEXT = 3, 2  # context at rows 1..3; block 1 gets a deep prompt, block 2 not
N_CTX_VISION, DEPTH_VISION = 2, 3  # two tokens after the 17; blocks 1 and 2 get deep prompts
CLASS_NAMES = ["abseiling", "brush_hair", "ApplyEyeMakeup", "backflip (human)"]
INIT_WORDS = "a photo of a"


def read_safetensors(path):
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    out = collections.OrderedDict()
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, stop = info["data_offsets"]
        assert info["dtype"] == "F32", (name, info["dtype"])
        out[name] = np.frombuffer(data[start:stop], dtype="<f4").reshape(info["shape"])
    return out


def prompt_text(name):
    """VLPromptLearner in prompting mode: "X X ... X {name}." with '_' replaced by a space."""
    return " ".join(["X"] * N_CTX_TEXT) + " " + name.replace("_", " ") + "."


def vifi_name(key):
    """OpenAI name -> the ViFi-CLIP module's state_dict name (SPEC section 7's table)."""
    if key.startswith("visual."):
        return "image_encoder." + key[len("visual."):]
    if key == "logit_scale" or key.startswith("prompt_learner."):
        return key
    return "text_encoder." + key


def main():
    ref = Reference(VOCAB)
    w = {k: v.astype(np.float64) for k, v in read_safetensors(WEIGHTS).items()}
    rng = np.random.default_rng(20260806)
    f32 = lambda a: a.astype(np.float32).astype(np.float64)  # noqa: E731

    t_width = w["token_embedding.weight"].shape[1]
    v_width = w["visual.class_embedding"].shape[0]
    # Prompts drawn wider than the reference's N(0, 0.02^2), so that they move the outputs visibly.
    ctx = f32(rng.normal(0.0, 0.5, size=(N_CTX_TEXT, t_width)))
    # The reference's forward pass rounds VPT and VPT_shallow to fp16 (.half() in clip/model.py),
    # so these are drawn at fp16 precision: the .pth below then gives the same outputs as they do.
    f16 = lambda a: a.astype(np.float16).astype(np.float64)  # noqa: E731
    text_deep = {i: f16(rng.normal(0.0, 0.5, size=(N_CTX_TEXT, t_width)))
                 for i in range(1, DEPTH_TEXT)}
    vpt = f16(rng.normal(0.0, 0.5, size=(N_CTX_VISION, v_width)))
    vision_deep = {i: f16(rng.normal(0.0, 0.5, size=(N_CTX_VISION, v_width)))
                   for i in range(1, DEPTH_VISION)}
    video = f32(rng.normal(0.0, 1.0, size=(2, 3, 3, cr.IMAGE_SIZE, cr.IMAGE_SIZE)))

    # Text: [SOS embedding, ctx, embeddings of "name." EOT padding], then the causal tower with
    # deep prompts replacing rows 1..n before blocks 1..DEPTH_TEXT-1.
    ids = np.array([cr.tokenize(ref, prompt_text(n)) for n in CLASS_NAMES], dtype=np.int64)
    embeddings = w["token_embedding.weight"][ids].copy()
    token_prefix = embeddings[:, :1].copy()
    token_suffix = embeddings[:, 1 + N_CTX_TEXT:].copy()
    embeddings = np.concatenate(
        [token_prefix, np.broadcast_to(ctx, (len(CLASS_NAMES),) + ctx.shape), token_suffix], axis=1)
    text = cr.normalise(cr.encode_text(w, ids, embeddings, text_deep))

    # Vision: prompts appended after the 17 tokens of every frame; deep ones replace the last n.
    B, T = video.shape[:2]
    frames = cr.encode_image(w, video.reshape((B * T,) + video.shape[2:]), vpt, vision_deep)
    video_features = cr.normalise(frames.reshape(B, T, -1).mean(axis=1))
    logits = np.exp(w["logit_scale"]) * video_features @ text.T

    init_ids = cr.tokenize(ref, INIT_WORDS)
    ctx_from_words = w["token_embedding.weight"][init_ids[1:1 + 4]]
    assert init_ids[5] == cr.EOT, "the init words must make exactly four tokens"

    prompts = collections.OrderedDict()
    prompts["prompt_learner.ctx"] = ctx
    prompts["visual.VPT"] = vpt
    for i, value in vision_deep.items():
        prompts["visual.transformer.resblocks.%d.VPT_shallow" % i] = value
    for i, value in text_deep.items():
        prompts["transformer.resblocks.%d.VPT_shallow" % i] = value

    golden = collections.OrderedDict(prompts)
    golden["video"] = video
    golden["prompt_ids"] = ids
    golden["video_features"] = video_features
    golden["text_features"] = text
    golden["logits"] = logits
    golden["ctx_from_words"] = ctx_from_words

    os.makedirs(OUT, exist_ok=True)
    cr.write_safetensors(os.path.join(OUT, "prompts_tiny_golden.safetensors"), golden)
    write_prompting_checkpoint(w, prompts, token_prefix, token_suffix)
    for name, value in golden.items():
        print(f"{name:45s} {str(list(value.shape)):20s} {np.abs(value).mean():.4f}")


def write_prompting_checkpoint(w, prompts, token_prefix, token_suffix):
    """ViFi-CLIP's epoch_saving layout: {'model': DDP state_dict, 'epoch', 'max_accuracy', ...}."""
    items = []

    def add(key, values):
        raw, _ = tf.stored(values, "F32")
        items.append(("module." + key, tf.Tensor.contiguous(raw, "F32")))

    add("logit_scale", w["logit_scale"])
    add("prompt_learner.ctx", prompts["prompt_learner.ctx"])
    add("prompt_learner.token_prefix", token_prefix)
    add("prompt_learner.token_suffix", token_suffix)
    image = [(k, v) for k, v in w.items() if k.startswith("visual.")]
    image += [(k, v) for k, v in prompts.items() if k.startswith("visual.")]
    text = [(k, v) for k, v in w.items()
            if not k.startswith("visual.") and k not in ("logit_scale", "token_embedding.weight")]
    text += [(k, v) for k, v in prompts.items() if k.startswith("transformer.")]
    for key, values in image + text:
        add(vifi_name(key), values)
    checkpoint = {
        "model": tf.state_dict(items, ["", "module", "module.image_encoder"]),
        "max_accuracy": 0.5,
        "epoch": 10,
    }
    tf.torch_save(checkpoint, os.path.join(OUT, "vifi_clip_prompting_tiny.pth"), "archive")


if __name__ == "__main__":
    main()
