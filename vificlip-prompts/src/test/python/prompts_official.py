#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Golden prompting checkpoints written and run by the official ViFi-CLIP code on real PyTorch.

prompts_reference.py re-implements the prompt learner in NumPy. This script instead imports the
official code (github.com/muzairkhattak/ViFi-CLIP: trainers/vificlip.py's ViFiCLIP and
VLPromptLearner, clip/model.py's CLIP, clip/clip.py's tokenize, utils/config.py's defaults), builds
the tiny CLIP of vificlip-core's clip_tiny_weights.safetensors with it, and for each setting below:

- builds ViFiCLIP with PROMPT_MODEL on, records the text context its prompt learner starts from
  (CTX_INIT's token embeddings for N_CTX_TEXT <= 4) and the tokenised class prompts;
- sets every prompt to values drawn from N(0, 0.5^2), as if trained (the CTX_INIT cases add them
  to the initial context), so that a prompt in the wrong place shows;
- runs the model in float32 on a fixed video: video features, class features, logits;
- saves it with the layout of utils/tools.py's epoch_saving: torch.save of {'model': the
  DistributedDataParallel state dict (module. prefixes), 'optimizer': an AdamW state dict,
  'lr_scheduler', 'max_accuracy', 'epoch', 'config': the yacs CfgNode}.

Outputs, under ../resources/io/github/vificlip/prompts/official/:
  <case>.pth                  the checkpoint (no token_embedding, like ViFi-CLIP's files)
  official_golden.safetensors <case>/ctx_init, <case>/prompt_ids, <case>/video_features,
                              <case>/text_features, <case>/logits, and the shared video

Two things are set up around the official code, and only these:
- The model runs in float32: the CLIP is made float before ViFiCLIP captures its dtype (the
  reference captures fp16 and so only runs under apex or autocast on a GPU). The prompts' own
  .half() casts in clip/model.py stay, so VPT and VPT_shallow are rounded to fp16 as in the
  reference; prompt_learner.ctx is not cast there.
- clip/model.py derives the vision heads as width // 64 (1 here); the tiny model has 4, so the
  vision attention modules are given 4 heads after construction (text heads are a parameter).

Needs PyTorch (Debian's python3-torch 1.13 works), torchvision (imported by clip/clip.py), yacs,
ftfy, regex and NumPy. The fixtures were made with PyTorch 1.13 and the official code at commit
e2d1948. Run once, to regenerate them:

  python3 prompts_official.py /path/to/ViFi-CLIP-checkout
"""
import collections
import logging
import os
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from prompts_reference import WEIGHTS, CLASS_NAMES, read_safetensors  # noqa: E402
import clip_reference as cr  # noqa: E402  (write_safetensors, the tiny architecture)

OUT = os.path.join(HERE, "..", "resources", "io", "github", "vificlip", "prompts", "official")

# name: (N_CTX_TEXT, CTX_INIT, PROMPT_DEPTH_TEXT, N_CTX_VISION, PROMPT_DEPTH_VISION)
CASES = collections.OrderedDict([
    ("ctx1_init", (1, "a photo of a", 1, 2, 1)),       # "of a" and "photo" stay fixed
    ("ctx2_init", (2, "a photo of a", 2, 3, 3)),
    ("ctx4_init", (4, "a_photo of a", 3, 2, 2)),       # CTX_INIT's '_' becomes a space
    ("ctx3_short_init", (3, "a photo", 2, 0, 0)),      # context longer than CTX_INIT; text only
    ("ctx5", (5, "a photo of a", 2, 4, 1)),            # CTX_INIT ignored: N_CTX_TEXT > 4
    ("ctx16", (16, "a photo of a", 3, 16, 3)),
])
HEADS = 4


def config(base, n_ctx_text, ctx_init, depth_text, n_ctx_vision, depth_vision):
    cfg = base.clone()
    cfg.defrost()
    cfg.MODEL.ARCH = "ViT-B/16"
    cfg.TRAINER.ViFi_CLIP.PROMPT_MODEL = True
    cfg.TRAINER.ViFi_CLIP.N_CTX_TEXT = n_ctx_text
    cfg.TRAINER.ViFi_CLIP.CTX_INIT = ctx_init
    cfg.TRAINER.ViFi_CLIP.PROMPT_DEPTH_TEXT = depth_text
    cfg.TRAINER.ViFi_CLIP.N_CTX_VISION = n_ctx_vision
    cfg.TRAINER.ViFi_CLIP.PROMPT_DEPTH_VISION = depth_vision
    cfg.freeze()  # as utils/config.get_config leaves it
    return cfg


def tiny_clip(clip_model_module, cfg, state_dict):
    design = {"trainer": "ViFi_CLIP",
              "vision_depth": cfg.TRAINER.ViFi_CLIP.PROMPT_DEPTH_VISION,
              "language_depth": cfg.TRAINER.ViFi_CLIP.PROMPT_DEPTH_TEXT,
              "vision_ctx": cfg.TRAINER.ViFi_CLIP.N_CTX_VISION,
              "language_ctx": cfg.TRAINER.ViFi_CLIP.N_CTX_TEXT}
    model = clip_model_module.CLIP(cr.EMBED_DIM, cr.IMAGE_SIZE, cr.V_LAYERS, cr.V_WIDTH, cr.PATCH,
                                   cr.CONTEXT, cr.VOCAB, cr.T_WIDTH, cr.T_HEADS, cr.T_LAYERS,
                                   design)
    for module in model.visual.modules():
        if isinstance(module, nn.MultiheadAttention):
            module.num_heads, module.head_dim = HEADS, cr.V_WIDTH // HEADS
    model.float()
    missing, unexpected = model.load_state_dict(state_dict, strict=False)
    assert not unexpected and all("VPT" in k for k in missing), (missing, unexpected)
    return model.eval()


def ddp_state_dict(model):
    """What DistributedDataParallel(model).state_dict() gives: module. before every key."""
    wrapper = nn.Module()
    wrapper.module = model
    return wrapper.state_dict()


def save(model, cfg, path):
    trainable = [p for n, p in model.named_parameters() if "prompt_learner" in n or "VPT" in n]
    optimizer = torch.optim.AdamW(trainable, lr=cfg.TRAIN.LR, betas=(0.9, 0.98), eps=1e-8,
                                  weight_decay=cfg.TRAIN.WEIGHT_DECAY)
    for p in trainable:
        p.grad = torch.full_like(p, 1e-3)
    optimizer.step()  # fills the AdamW state; the prompts move by ~lr, before they are set
    optimizer.zero_grad()
    scheduler = {"t_in_epochs": False, "param_group_field": "lr", "base_values": [cfg.TRAIN.LR],
                 "metric": None, "noise_range_t": None, "t_initial": 1100, "lr_min": 8e-8}
    torch.save({"model": ddp_state_dict(model), "optimizer": optimizer.state_dict(),
                "lr_scheduler": scheduler, "max_accuracy": 0.5, "epoch": 10, "config": cfg}, path)


def main():
    official = os.path.abspath(sys.argv[1])
    sys.path.insert(0, official)
    from clip import clip, model as clip_model_module  # noqa: E402
    from trainers import vificlip  # noqa: E402
    from utils.config import _C  # noqa: E402

    torch.manual_seed(20261203)
    logger = logging.getLogger("prompts_official")
    state_dict = {k: torch.from_numpy(v.copy()) for k, v in read_safetensors(WEIGHTS).items()}
    video = torch.randn(2, 3, 3, cr.IMAGE_SIZE, cr.IMAGE_SIZE)
    golden = collections.OrderedDict(video=video.numpy())
    os.makedirs(OUT, exist_ok=True)
    for name, values in CASES.items():
        cfg = config(_C, *values)
        clip_model = tiny_clip(clip_model_module, cfg, state_dict)
        model = vificlip.ViFiCLIP(cfg, CLASS_NAMES, clip_model, logger).float().eval()
        golden[name + "/ctx_init"] = model.prompt_learner.ctx.detach().numpy().copy()
        golden[name + "/prompt_ids"] = model.tokenized_prompts.numpy().astype(np.int64)
        with torch.no_grad():
            for key, p in model.named_parameters():
                if "prompt_learner" in key or "VPT" in key:
                    start = p.clone() if key == "prompt_learner.ctx" and values[0] <= 4 else 0
                    p.copy_(start + 0.5 * torch.randn_like(p))
        save(model, cfg, os.path.join(OUT, name + ".pth"))
        with torch.no_grad():
            frames = model.image_encoder(video.reshape(-1, 3, cr.IMAGE_SIZE, cr.IMAGE_SIZE))
            v = frames.view(video.shape[0], video.shape[1], -1).mean(dim=1)
            t = model.text_encoder(model.prompt_learner(), model.tokenized_prompts)
            golden[name + "/video_features"] = (v / v.norm(dim=-1, keepdim=True)).numpy()
            golden[name + "/text_features"] = (t / t.norm(dim=-1, keepdim=True)).numpy()
            golden[name + "/logits"] = model(video).numpy()
        print(f"{name:16s} " + clip._tokenizer.decode(golden[name + "/prompt_ids"][1].tolist()))
    cr.write_safetensors(os.path.join(OUT, "official_golden.safetensors"), golden)


if __name__ == "__main__":
    main()
