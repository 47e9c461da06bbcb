"""Cross-check fixtures written by the real libraries: PyTorch and Hugging Face transformers.

The main fixtures (weights_fixtures.py) are written without PyTorch, by re-implementing its file
formats. These few are written by PyTorch itself, so that the readers are also checked against
the real thing:

  real/openai_style_jit.pt       torch.jit.trace of a module with OpenAI CLIP's structure and
                                  attribute names (VisionTransformer, nn.MultiheadAttention, the
                                  three scalar buffers), matrices converted to fp16 afterwards as
                                  OpenAI's archives hold them, saved with torch.jit.save
  real/hf_clip.safetensors        transformers CLIPModel.save_pretrained (fp16)
  real/hf_clip_pytorch_model.bin  the same model in bfloat16, torch.save of its state_dict() (what
                                  save_pretrained(safe_serialization=False) wrote)
  real/checkpoint.pth             torch.save of a training checkpoint: 'model' with module.
                                  prefixes, non-contiguous views, shared storages, a real AdamW
                                  state, an argparse Namespace
  real/training_state.pth        torch.save of the data-only classes training checkpoints carry:
                                  a yacs CfgNode, scheduler state, numpy scalars and arrays

Expected tensors (OpenAI names, shapes, stored types, checksums) are computed from what PyTorch
itself loads back (torch.jit.load(...).state_dict(), torch.load, CLIPModel.state_dict()), with
the name mapping written here in torch operations.

This script needs PyTorch and transformers, unlike the others; run it only to regenerate these
files: python3 vificlip-core/src/test/python/real_pytorch_fixtures.py
"""

import argparse
import collections
import json
import math
import os

import numpy as np
import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "io", "github", "vificlip", "weights", "real")

EMBED, IMAGE, PATCH, WIDTH, LAYERS, CONTEXT, VOCAB = 16, 16, 8, 64, 1, 8, 50
ARCHITECTURE = {
    "embedDim": EMBED, "imageSize": IMAGE, "patchSize": PATCH,
    "visionWidth": WIDTH, "visionLayers": LAYERS, "visionHeads": 1,
    "contextLength": CONTEXT, "vocabSize": VOCAB,
    "textWidth": WIDTH, "textLayers": LAYERS, "textHeads": 1, "mlpRatio": 4,
}


def checksums(values):
    x = values.detach().to(torch.float32).to(torch.float64).numpy().ravel()
    weights = (np.arange(x.size) % 7 + 1).astype(np.float64)
    return {"sum": float(x.sum()), "sum_sq": float((x * x).sum()),
            "weighted": float((x * weights).sum())}


STORED = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
          torch.float64: "F64", torch.int64: "I64"}


class Expected:
    def __init__(self, name, fmt, layout, container="", other=(), architecture=True):
        self.name = name
        self.data = collections.OrderedDict([
            ("file", name), ("format", fmt), ("layout", layout), ("container", container),
            ("other_entries", list(other)),
            ("architecture", ARCHITECTURE if architecture else None),
            ("tensors", []), ("dropped", [])])

    def tensor(self, name, value, sources, conversion=""):
        entry = collections.OrderedDict([
            ("name", name), ("shape", list(value.shape)), ("stored", STORED[value.dtype]),
            ("sources", list(sources)), ("conversion", conversion)])
        entry.update(checksums(value))
        self.data["tensors"].append(entry)

    def dropped(self, source, value):
        self.data["dropped"].append(
            {"source": source, "shape": list(value.shape), "stored": STORED[value.dtype]})

    def write(self):
        path = os.path.join(OUT, os.path.basename(self.name) + ".expected.json")
        with open(path, "w") as out:
            json.dump(self.data, out, indent=1)
            out.write("\n")


# --- A module with OpenAI CLIP's structure (clip/model.py), written from its attribute names ---


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(width, width // 64)
        self.ln_1 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(collections.OrderedDict([
            ("c_fc", nn.Linear(width, width * 4)), ("gelu", QuickGELU()),
            ("c_proj", nn.Linear(width * 4, width))]))
        self.ln_2 = nn.LayerNorm(width)
        self.mask = mask

    def forward(self, x):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False, attn_mask=self.mask)[0]
        return x + self.mlp(self.ln_2(x))


class Transformer(nn.Module):
    def __init__(self, width, layers, mask=None):
        super().__init__()
        self.resblocks = nn.Sequential(
            *[ResidualAttentionBlock(width, mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


class VisionTransformer(nn.Module):
    def __init__(self):
        super().__init__()
        scale = WIDTH ** -0.5
        self.conv1 = nn.Conv2d(3, WIDTH, PATCH, PATCH, bias=False)
        self.class_embedding = nn.Parameter(scale * torch.randn(WIDTH))
        self.positional_embedding = nn.Parameter(
            scale * torch.randn((IMAGE // PATCH) ** 2 + 1, WIDTH))
        self.ln_pre = nn.LayerNorm(WIDTH)
        self.transformer = Transformer(WIDTH, LAYERS)
        self.ln_post = nn.LayerNorm(WIDTH)
        self.proj = nn.Parameter(scale * torch.randn(WIDTH, EMBED))

    def forward(self, x):
        x = self.conv1(x).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding + torch.zeros(x.shape[0], 1, x.shape[-1])
        x = torch.cat([cls, x], dim=1) + self.positional_embedding
        x = self.transformer(self.ln_pre(x).permute(1, 0, 2)).permute(1, 0, 2)
        return self.ln_post(x[:, 0, :]) @ self.proj


class CLIP(nn.Module):
    def __init__(self):
        super().__init__()
        mask = torch.full((CONTEXT, CONTEXT), float("-inf")).triu(1)
        self.visual = VisionTransformer()
        self.transformer = Transformer(WIDTH, LAYERS, mask)
        self.token_embedding = nn.Embedding(VOCAB, WIDTH)
        self.positional_embedding = nn.Parameter(0.01 * torch.randn(CONTEXT, WIDTH))
        self.ln_final = nn.LayerNorm(WIDTH)
        self.text_projection = nn.Parameter(WIDTH ** -0.5 * torch.randn(WIDTH, EMBED))
        self.logit_scale = nn.Parameter(torch.ones([]) * math.log(1 / 0.07))
        # OpenAI's archives hold these as int64 buffers of the traced module.
        self.register_buffer("input_resolution", torch.tensor(IMAGE))
        self.register_buffer("context_length", torch.tensor(CONTEXT))
        self.register_buffer("vocab_size", torch.tensor(VOCAB))

    def forward(self, image, text):
        x = self.token_embedding(text) + self.positional_embedding
        x = self.ln_final(self.transformer(x.permute(1, 0, 2)).permute(1, 0, 2))
        text_features = x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection
        return self.visual(image), text_features


def randomize(module):
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.add_(0.05 * torch.randn_like(parameter))


def openai_half(name):
    """clip.model.convert_weights: Linear, Conv, MHA weights and the two projections in fp16."""
    return (name.endswith("in_proj_weight") or name.endswith("in_proj_bias")
            or ".out_proj." in name or ".c_fc." in name or ".c_proj." in name
            or name in ("visual.conv1.weight", "visual.proj", "text_projection"))


def write_jit():
    model = CLIP().eval()
    randomize(model)
    image = torch.randn(2, 3, IMAGE, IMAGE)
    text = torch.randint(1, VOCAB - 1, (3, CONTEXT))
    traced = torch.jit.trace(model, (image, text))
    with torch.no_grad():
        for name, parameter in traced.named_parameters():
            if openai_half(name):
                parameter.data = parameter.data.half()
    path = os.path.join(OUT, "openai_style_jit.pt")
    torch.jit.save(traced, path)
    loaded = torch.jit.load(path)
    expected = Expected("real/openai_style_jit.pt", "TORCHSCRIPT", "OPENAI",
                        "module " + loaded._c._type().qualified_name())
    for name, value in loaded.state_dict().items():
        if name in ("input_resolution", "context_length", "vocab_size"):
            expected.dropped(name, value)
        else:
            expected.tensor(name, value, [name])
    expected.write()


def hf_model():
    from transformers import CLIPConfig, CLIPModel
    torch.manual_seed(3)
    config = CLIPConfig(
        text_config=dict(hidden_size=WIDTH, intermediate_size=4 * WIDTH,
                         num_hidden_layers=LAYERS, num_attention_heads=1,
                         max_position_embeddings=CONTEXT, vocab_size=VOCAB,
                         hidden_act="quick_gelu"),
        vision_config=dict(hidden_size=WIDTH, intermediate_size=4 * WIDTH,
                           num_hidden_layers=LAYERS, num_attention_heads=1, image_size=IMAGE,
                           patch_size=PATCH, hidden_act="quick_gelu"),
        projection_dim=EMBED)
    model = CLIPModel(config).eval()
    randomize(model)
    return model


def openai_from_hf(state):
    """HF CLIPModel state dict -> [(OpenAI name, value, sources, conversion)] in HF order."""
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
    members = {"self_attn.out_proj": "attn.out_proj", "layer_norm1": "ln_1",
               "layer_norm2": "ln_2", "mlp.fc1": "mlp.c_fc", "mlp.fc2": "mlp.c_proj"}
    result = []
    for name, value in state.items():
        if name.endswith("position_ids"):
            result.append((None, value, [name], "dropped"))
        elif name in table:
            result.append((table[name], value, [name], ""))
        elif name == "visual_projection.weight":
            result.append(("visual.proj", value.t(), [name], "transposed"))
        elif name == "text_projection.weight":
            result.append(("text_projection", value.t(), [name], "transposed"))
        else:
            tower, rest = name.split(".encoder.layers.")
            layer, member = rest.split(".", 1)
            prefix = ("visual.transformer.resblocks." if tower == "vision_model"
                      else "transformer.resblocks.") + layer + "."
            base, kind = member.rsplit(".", 1)
            if base in ("self_attn.k_proj", "self_attn.v_proj"):
                continue
            if base == "self_attn.q_proj":
                parts = [name.replace(".q_proj.", ".%s_proj." % p) for p in "qkv"]
                packed = torch.cat([state[p] for p in parts], dim=0)
                result.append((prefix + "attn.in_proj_" + kind, packed, parts, "packed [Q;K;V]"))
            else:
                result.append((prefix + members[base] + "." + kind, value, [name], ""))
    return result


def write_hf():
    from safetensors import safe_open
    model = hf_model()
    folder = os.path.join(OUT, "hf")
    model.half().save_pretrained(folder, safe_serialization=True)
    os.replace(os.path.join(folder, "model.safetensors"), os.path.join(OUT, "hf_clip.safetensors"))
    # What save_pretrained(safe_serialization=False) wrote before transformers 5 dropped it.
    torch.save(model.to(torch.bfloat16).state_dict(),
               os.path.join(OUT, "hf_clip_pytorch_model.bin"))
    for leftover in os.listdir(folder):
        os.remove(os.path.join(folder, leftover))
    os.rmdir(folder)

    with safe_open(os.path.join(OUT, "hf_clip.safetensors"), framework="pt") as f:
        state = collections.OrderedDict((k, f.get_tensor(k)) for k in f.keys())
    describe_hf("real/hf_clip.safetensors", "SAFETENSORS", state)
    state = torch.load(os.path.join(OUT, "hf_clip_pytorch_model.bin"), weights_only=True)
    describe_hf("real/hf_clip_pytorch_model.bin", "TORCH_ZIP", state)


def describe_hf(name, fmt, state):
    expected = Expected(name, fmt, "HUGGING_FACE")
    for openai, value, sources, conversion in openai_from_hf(state):
        if conversion == "dropped":
            expected.dropped(sources[0], value)
        else:
            expected.tensor(openai, value, sources, conversion)
    expected.write()


def write_checkpoint():
    torch.manual_seed(5)
    net = nn.Sequential(collections.OrderedDict([
        ("proj", nn.Linear(6, 4)), ("norm", nn.LayerNorm(4))]))
    optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
    net(torch.randn(2, 6)).sum().backward()
    optimizer.step()
    base = torch.randn(5, 8)
    state = collections.OrderedDict()
    for key, value in net.state_dict().items():
        state["module." + key] = value
    state["module.transposed"] = base.t()                 # strides (1, 8) over base's storage
    state["module.rows"] = base[1:3]                       # storage offset 8, shared storage
    state["module.every_other"] = base[:, ::2]            # strides (8, 2)
    state["module.half"] = torch.randn(3, 3).half().t()
    state["module.bf16"] = torch.randn(7).to(torch.bfloat16)
    state["module.scalar"] = torch.tensor(2.5)
    checkpoint = {"model": state, "optimizer": optimizer.state_dict(), "epoch": 3,
                  "args": argparse.Namespace(lr=1e-3, output="out")}
    torch.save(checkpoint, os.path.join(OUT, "checkpoint.pth"))
    loaded = torch.load(os.path.join(OUT, "checkpoint.pth"), weights_only=False)
    expected = Expected("real/checkpoint.pth", "TORCH_ZIP", "OPENAI", "'model'",
                        ["optimizer", "epoch", "args"], architecture=False)
    for key, value in loaded["model"].items():
        expected.tensor(key[len("module."):], value, [key])
    expected.write()


class CfgNode(dict):
    """yacs.config.CfgNode as pickle sees it: a dict subclass of that module and name, with the
    instance attributes yacs keeps (yacs itself need not be installed to write the fixture)."""

    def __init__(self, items=None):
        super().__init__(items or {})
        self.__dict__["__immutable__"] = False
        self.__dict__["__deprecated_keys__"] = set()
        self.__dict__["__renamed_keys__"] = {}
        self.__dict__["__new_allowed__"] = False


CfgNode.__module__ = "yacs.config"


def write_training_state():
    """The data-only classes real training checkpoints carry, which the hostile-pickle checks
    must keep loading: a yacs config, argparse options with numpy scalars, optimizer and
    scheduler state, numpy arrays and an OrderedDict."""
    import sys
    import types
    sys.modules.setdefault("yacs", types.ModuleType("yacs"))
    sys.modules["yacs.config"] = types.ModuleType("yacs.config")
    sys.modules["yacs.config"].CfgNode = CfgNode
    torch.manual_seed(6)
    net = nn.Sequential(collections.OrderedDict([("proj", nn.Linear(6, 4))]))
    optimizer = torch.optim.AdamW(net.parameters(), lr=1e-3)
    net(torch.randn(2, 6)).sum().backward()
    optimizer.step()
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, 10)
    config = CfgNode({"TRAIN": CfgNode({"LR": 1e-3, "EPOCHS": 30}),
                      "MODEL": CfgNode({"ARCH": "ViT-B/16"})})
    checkpoint = {"model": net.state_dict(), "optimizer": optimizer.state_dict(),
                  "lr_scheduler": scheduler.state_dict(), "max_accuracy": np.float64(0.83),
                  "config": config,
                  "args": argparse.Namespace(seed=np.int64(7), lr=np.float32(0.1)),
                  "history": np.arange(5, dtype=np.float32),
                  "extra": collections.OrderedDict(a=1)}
    torch.save(checkpoint, os.path.join(OUT, "training_state.pth"))
    loaded = torch.load(os.path.join(OUT, "training_state.pth"), weights_only=False)
    expected = Expected("real/training_state.pth", "TORCH_ZIP", "OPENAI", "'model'",
                        ["optimizer", "lr_scheduler", "max_accuracy", "config", "args",
                         "history", "extra"], architecture=False)
    for key, value in loaded["model"].items():
        expected.tensor(key, value, [key])
    expected.write()


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(2026)
    write_jit()
    write_hf()
    write_checkpoint()
    write_training_state()
    print("torch", torch.__version__)


if __name__ == "__main__":
    main()
