#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Golden values for the training engine, written from PyTorch's and timm's documented formulas.

- AdamW (torch.optim.AdamW, decoupled decay, bias corrections as in PyTorch's single-tensor
  implementation) over several steps with given gradients and learning rates;
- SoftTargetCrossEntropy (timm): mean over the batch of -sum(target * log_softmax(logits));
- the cosine schedule with linear warm-up (timm CosineLRScheduler, warmup_prefix False).

Usage: python3 training_reference.py OUT.json
"""
import json
import math
import sys

import numpy as np


def adamw(param, grads, lrs, betas=(0.9, 0.98), eps=1e-8, wd=1e-3):
    p = param.astype(np.float64).copy()
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    out = []
    for step, (g, lr) in enumerate(zip(grads, lrs), start=1):
        g = g.astype(np.float64)
        p = p * (1 - lr * wd)
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        bc1 = 1 - betas[0] ** step
        bc2 = 1 - betas[1] ** step
        denom = np.sqrt(v) / math.sqrt(bc2) + eps
        p = p - (lr / bc1) * m / denom
        out.append({"param": p.tolist(), "exp_avg": m.tolist(), "exp_avg_sq": v.tolist()})
    return out


def soft_ce(logits, targets):
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return float((-(targets * log_softmax).sum(axis=-1)).mean())


def schedule(t, lr, warmup, total, floor):
    if t < warmup:
        return t * lr / warmup
    if t >= total:
        return floor
    return floor + 0.5 * (lr - floor) * (1 + math.cos(math.pi * t / total))


def main():
    rng = np.random.default_rng(7)
    param = rng.normal(size=(3, 4)).astype(np.float32)
    grads = [rng.normal(size=(3, 4)).astype(np.float32) * s for s in (1.0, 0.1, 3.0, 1e-4, 0.5)]
    lrs = [1e-3, 5e-3, 2e-3, 1e-2, 0.0]
    logits = rng.normal(size=(4, 6)).astype(np.float32) * 3
    targets = rng.dirichlet(np.ones(6), size=4).astype(np.float32)
    golden = {
        "adamw": {
            "param": param.tolist(),
            "grads": [g.tolist() for g in grads],
            "lrs": lrs,
            "steps": adamw(param, grads, lrs),
        },
        "soft_ce": {"logits": logits.tolist(), "targets": targets.tolist(),
                    "loss": soft_ce(logits.astype(np.float64), targets.astype(np.float64))},
        "schedule": {
            "lr": 8e-6, "warmup": 500, "total": 1000, "floor": 8e-8,
            "points": [[t, schedule(t, 8e-6, 500, 1000, 8e-8)]
                       for t in (0, 1, 250, 499, 500, 501, 750, 999, 1000, 5000)],
        },
    }
    with open(sys.argv[1], "w") as out:
        json.dump(golden, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
