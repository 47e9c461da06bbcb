#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Independent NumPy reference for the CLIP towers and the ViFi-CLIP video model.

Written from SPEC.md sections 1.1, 1.3, 1.4, 2 and 9 alone, in PyTorch's sequence-first layout
[L, N, D] and in float64, with nothing shared with the Java code. It draws small random weights
for a tiny CLIP under OpenAI's key names, runs them, and writes two safetensors files:

- clip_tiny_weights.safetensors: the weights (F32, OpenAI names, logit_scale a 0-d tensor);
- clip_tiny_golden.safetensors: the inputs and the expected outputs (F32, token ids I64).

Token embedding rows of ids that no prompt here uses stay zero (they cannot change any output), so
the 49,408-row table compresses to almost nothing in git.

Usage: python3 clip_reference.py VOCAB.txt.gz OUT_DIR
"""
import json
import os
import struct
import sys

import numpy as np

from clip_tokenizer_reference import Reference

# The tiny architecture (Java: ClipTokenizer ids need vocabulary 49,408 and context 77).
EMBED_DIM = 16
IMAGE_SIZE = 32
PATCH = 8
V_WIDTH, V_LAYERS, V_HEADS = 64, 3, 4
T_WIDTH, T_LAYERS, T_HEADS = 32, 3, 4
CONTEXT, VOCAB = 77, 49408
EPS = 1e-5

CLASS_NAMES = ["abseiling", "brush hair", "ApplyEyeMakeup", "backflip (human)"]
TEMPLATE = "a photo of a {}."
N_CTX = 2  # prompt tokens per layer, both towers
PROMPT_DEPTH = 2  # layer 0 plus block 1; block 2 replaces nothing
LOGIT_SCALE = 2.75

SOT, EOT = 49406, 49407


def tokenize(ref, text):
    ids = [SOT] + ref.encode(text) + [EOT]
    assert len(ids) <= CONTEXT, text
    return ids + [0] * (CONTEXT - len(ids))


def random_weights(rng, used_ids):
    """OpenAI-named weights; scales near CLIP's initialisation so activations stay O(1)."""
    w = {}

    def normal(name, shape, std):
        w[name] = rng.normal(0.0, std, size=shape)

    def resblocks(prefix, width, layers):
        for i in range(layers):
            p = f"{prefix}transformer.resblocks.{i}."
            normal(p + "attn.in_proj_weight", (3 * width, width), width ** -0.5)
            normal(p + "attn.in_proj_bias", (3 * width,), 0.1)
            normal(p + "attn.out_proj.weight", (width, width), width ** -0.5)
            normal(p + "attn.out_proj.bias", (width,), 0.1)
            w[p + "ln_1.weight"] = 1.0 + rng.normal(0.0, 0.1, size=(width,))
            normal(p + "ln_1.bias", (width,), 0.1)
            normal(p + "mlp.c_fc.weight", (4 * width, width), width ** -0.5)
            normal(p + "mlp.c_fc.bias", (4 * width,), 0.1)
            normal(p + "mlp.c_proj.weight", (width, 4 * width), (4 * width) ** -0.5)
            normal(p + "mlp.c_proj.bias", (width,), 0.1)
            w[p + "ln_2.weight"] = 1.0 + rng.normal(0.0, 0.1, size=(width,))
            normal(p + "ln_2.bias", (width,), 0.1)

    grid = IMAGE_SIZE // PATCH
    normal("visual.class_embedding", (V_WIDTH,), V_WIDTH ** -0.5)
    normal("visual.positional_embedding", (grid * grid + 1, V_WIDTH), V_WIDTH ** -0.5)
    normal("visual.conv1.weight", (V_WIDTH, 3, PATCH, PATCH), (3 * PATCH * PATCH) ** -0.5)
    w["visual.ln_pre.weight"] = 1.0 + rng.normal(0.0, 0.1, size=(V_WIDTH,))
    normal("visual.ln_pre.bias", (V_WIDTH,), 0.1)
    resblocks("visual.", V_WIDTH, V_LAYERS)
    w["visual.ln_post.weight"] = 1.0 + rng.normal(0.0, 0.1, size=(V_WIDTH,))
    normal("visual.ln_post.bias", (V_WIDTH,), 0.1)
    normal("visual.proj", (V_WIDTH, EMBED_DIM), V_WIDTH ** -0.5)

    table = np.zeros((VOCAB, T_WIDTH))
    table[sorted(used_ids)] = rng.normal(0.0, 0.5, size=(len(used_ids), T_WIDTH))
    w["token_embedding.weight"] = table
    normal("positional_embedding", (CONTEXT, T_WIDTH), 0.1)
    resblocks("", T_WIDTH, T_LAYERS)
    w["ln_final.weight"] = 1.0 + rng.normal(0.0, 0.1, size=(T_WIDTH,))
    normal("ln_final.bias", (T_WIDTH,), 0.1)
    normal("text_projection", (T_WIDTH, EMBED_DIM), T_WIDTH ** -0.5)
    w["logit_scale"] = np.array(LOGIT_SCALE)
    # Round to float32 once: the file holds F32, and the reference must compute from those values.
    return {k: v.astype(np.float32).astype(np.float64) for k, v in w.items()}


# ---- the model, sequence-first, float64 ----------------------------------------------------


def layer_norm(x, weight, bias):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def quick_gelu(x):
    return x * (1.0 / (1.0 + np.exp(-1.702 * x)))


def multi_head_attention(x, w, p, heads, mask):
    """nn.MultiheadAttention(x, x, x) with a packed [Q;K;V] in-projection; x is [L, N, D]."""
    L, N, D = x.shape
    hd = D // heads
    W, b = w[p + "in_proj_weight"], w[p + "in_proj_bias"]
    q = x @ W[:D].T + b[:D]
    k = x @ W[D:2 * D].T + b[D:2 * D]
    v = x @ W[2 * D:].T + b[2 * D:]
    q = q * hd ** -0.5

    def heads_first(t):  # [L, N, D] -> [N, heads, L, hd]
        return t.reshape(L, N, heads, hd).transpose(1, 2, 0, 3)

    q, k, v = heads_first(q), heads_first(k), heads_first(v)
    scores = q @ k.transpose(0, 1, 3, 2)
    if mask is not None:
        scores = scores + mask
    scores = scores - scores.max(axis=-1, keepdims=True)
    att = np.exp(scores)
    att = att / att.sum(axis=-1, keepdims=True)
    out = (att @ v).transpose(2, 0, 1, 3).reshape(L, N, D)
    return out @ w[p + "out_proj.weight"].T + w[p + "out_proj.bias"]


def residual_block(x, w, p, heads, mask):
    x = x + multi_head_attention(
        layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"]), w, p + "attn.", heads, mask)
    h = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"])
    h = quick_gelu(h @ w[p + "mlp.c_fc.weight"].T + w[p + "mlp.c_fc.bias"])
    return x + h @ w[p + "mlp.c_proj.weight"].T + w[p + "mlp.c_proj.bias"]


def transformer(x, w, prefix, layers, heads, mask=None, deep=None, rows=None):
    """deep[i] ([n, D]) replaces rows `rows(L)` of every item before block i, for i in deep."""
    for i in range(layers):
        if deep is not None and i in deep:
            start, stop = rows(x.shape[0])
            x = x.copy()
            x[start:stop] = deep[i][:, None, :]
        x = residual_block(x, w, f"{prefix}transformer.resblocks.{i}.", heads, mask)
    return x


def encode_image(w, images, shallow=None, deep=None):
    """images [N, 3, H, W] -> [N, EMBED_DIM]; shallow [n, Dv] appended before ln_pre."""
    N = images.shape[0]
    g = IMAGE_SIZE // PATCH
    patches = images.reshape(N, 3, g, PATCH, g, PATCH)
    # conv1: out[n, d, i, j] = sum_{c,u,v} W[d, c, u, v] * img[n, c, i*P + u, j*P + v]
    conv = np.einsum("dcuv,ncIuJv->ndIJ", w["visual.conv1.weight"], patches)
    x = conv.reshape(N, V_WIDTH, g * g).transpose(0, 2, 1)  # [N, g*g, D]
    cls = np.broadcast_to(w["visual.class_embedding"], (N, 1, V_WIDTH))
    x = np.concatenate([cls, x], axis=1) + w["visual.positional_embedding"]
    if shallow is not None:
        x = np.concatenate([x, np.broadcast_to(shallow, (N,) + shallow.shape)], axis=1)
    x = layer_norm(x, w["visual.ln_pre.weight"], w["visual.ln_pre.bias"])
    x = x.transpose(1, 0, 2)  # [L, N, D]
    n = 0 if shallow is None else shallow.shape[0]
    x = transformer(x, w, "visual.", V_LAYERS, V_HEADS, deep=deep, rows=lambda L: (L - n, L))
    x = layer_norm(x[0], w["visual.ln_post.weight"], w["visual.ln_post.bias"])
    return x @ w["visual.proj"]


def causal_mask():
    mask = np.zeros((CONTEXT, CONTEXT))
    mask[np.triu_indices(CONTEXT, k=1)] = -np.inf
    return mask


def encode_text(w, ids, embeddings=None, deep=None):
    """ids [C, 77] -> [C, EMBED_DIM]; embeddings [C, 77, Dt] replace the token lookup."""
    if embeddings is None:
        embeddings = w["token_embedding.weight"][ids]
    x = embeddings + w["positional_embedding"]
    x = x.transpose(1, 0, 2)
    n = 0 if deep is None else next(iter(deep.values())).shape[0]
    x = transformer(x, w, "", T_LAYERS, T_HEADS, mask=causal_mask(), deep=deep,
                    rows=lambda L: (1, 1 + n))
    x = x.transpose(1, 0, 2)
    x = layer_norm(x, w["ln_final.weight"], w["ln_final.bias"])
    eot = ids.argmax(axis=-1)
    return x[np.arange(x.shape[0]), eot] @ w["text_projection"]


def normalise(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def vificlip_logits(w, video, ids):
    """video [B, T, 3, H, W] -> (normalised video features [B, E], logits [B, C])."""
    B, T = video.shape[:2]
    frames = encode_image(w, video.reshape((B * T,) + video.shape[2:]))
    v = normalise(frames.reshape(B, T, -1).mean(axis=1))
    t = normalise(encode_text(w, ids))
    return v, np.exp(w["logit_scale"]) * v @ t.T


# ---- safetensors -----------------------------------------------------------------------------


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        if array.dtype == np.int64:
            dtype, data = "I64", array.astype("<i8").tobytes()
        else:
            dtype, data = "F32", array.astype("<f4").tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def main():
    vocab, out_dir = sys.argv[1], sys.argv[2]
    ref = Reference(vocab)
    rng = np.random.default_rng(20260801)

    class_ids = np.array([tokenize(ref, TEMPLATE.format(n)) for n in CLASS_NAMES], dtype=np.int64)
    placeholder = " ".join(["X"] * N_CTX)
    prompt_ids = np.array([tokenize(ref, f"{placeholder} {n}.") for n in CLASS_NAMES],
                          dtype=np.int64)
    used = set(class_ids.flatten()) | set(prompt_ids.flatten())
    w = random_weights(rng, used)

    f32 = lambda a: a.astype(np.float32).astype(np.float64)  # noqa: E731
    images = f32(rng.normal(0.0, 1.0, size=(3, 3, IMAGE_SIZE, IMAGE_SIZE)))
    video = f32(rng.normal(0.0, 1.0, size=(2, 3, 3, IMAGE_SIZE, IMAGE_SIZE)))
    vision_shallow = f32(rng.normal(0.0, 0.5, size=(N_CTX, V_WIDTH)))
    vision_deep = {i: f32(rng.normal(0.0, 0.5, size=(N_CTX, V_WIDTH)))
                   for i in range(1, PROMPT_DEPTH)}
    text_ctx = f32(rng.normal(0.0, 0.5, size=(N_CTX, T_WIDTH)))
    text_deep = {i: f32(rng.normal(0.0, 0.5, size=(N_CTX, T_WIDTH)))
                 for i in range(1, PROMPT_DEPTH)}

    # Prompt embeddings as the prompt learner builds them: [SOS, ctx, "name." EOT padding].
    prompt_embeddings = w["token_embedding.weight"][prompt_ids].copy()
    prompt_embeddings[:, 1:1 + N_CTX] = text_ctx

    video_features, logits = vificlip_logits(w, video, class_ids)
    golden = {
        "images": images,
        "image_features": encode_image(w, images),
        "class_ids": class_ids,
        "text_features": encode_text(w, class_ids),
        "video": video,
        "video_features": video_features,
        "logits": logits,
        "vision_shallow": vision_shallow,
        "image_features_prompted": encode_image(w, images, vision_shallow, vision_deep),
        "prompt_ids": prompt_ids,
        "prompt_embeddings": prompt_embeddings,
        "text_features_prompted": encode_text(w, prompt_ids, prompt_embeddings, text_deep),
    }
    for i in range(1, PROMPT_DEPTH):
        golden[f"vision_deep.{i}"] = vision_deep[i]
        golden[f"text_deep.{i}"] = text_deep[i]

    os.makedirs(out_dir, exist_ok=True)
    write_safetensors(os.path.join(out_dir, "clip_tiny_weights.safetensors"), w)
    write_safetensors(os.path.join(out_dir, "clip_tiny_golden.safetensors"), golden)
    for name, value in golden.items():
        print(f"{name:28s} {str(list(value.shape)):20s} {np.abs(value).mean():.4f}")


if __name__ == "__main__":
    main()
