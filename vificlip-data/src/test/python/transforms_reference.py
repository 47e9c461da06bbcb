#!/usr/bin/env python3
# Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
"""Independent NumPy reference for vificlip-data's frame sampling and transforms.

Writes ../resources/io/github/vificlip/data/transform/reference_transforms.json, the golden
values that TransformReferenceTest compares the Java code with. Needs only NumPy.

What it re-implements, from the reference's libraries:
  * cv2.resize(INTER_LINEAR) on uint8 (OpenCV's fixed-point path: 11-bit weights, half-pixel
    centres, clamped borders), as mmcv.imresize calls it;
  * mmcv.rescale_size, mmaction's MultiScaleCrop / CenterCrop / ThreeCrop / Flip;
  * Pillow's convert("L"), Image.blend, ImageEnhance.Brightness / Contrast / Color, and the
    RGB<->HSV conversions behind torchvision's adjust_hue;
  * mmcv.imnormalize (float32 input; cv2.multiply by 1/std in double, rounded to float32);
  * mmaction's SampleFrames (test mode, and train mode for videos shorter than T).

If OpenCV (cv2) and Pillow happen to be installed (Debian: python3-opencv, python3-pil), the
script also checks every NumPy result against the real libraries and says so; the golden file is
always written from the NumPy code.

Run: python3 transforms_reference.py
"""
import base64
import json
import os
import sys

import numpy as np

COEF = 2048  # OpenCV INTER_RESIZE_COEF_SCALE


# ---------------------------------------------------------------- cv2.resize(INTER_LINEAR), uint8
def cv2_resize(img, dw, dh):
    sh, sw = img.shape[:2]
    if (sw, sh) == (dw, dh):
        return img.copy()

    def taps(dst, src, clamp_weights):
        scale = 1.0 / (dst / src)
        f = ((np.arange(dst) + 0.5) * scale - 0.5).astype(np.float32)
        s = np.floor(f).astype(np.int64)
        f = (f - s.astype(np.float32)).astype(np.float32)
        if clamp_weights:  # horizontal pass only, as OpenCV
            low = s < 0
            f[low] = 0
            s[low] = 0
            high = s >= src - 1
            f[high] = 0
            s[high] = src - 1
        w0 = np.rint((np.float32(1) - f) * np.float32(COEF)).astype(np.int64)
        w1 = np.rint(f * np.float32(COEF)).astype(np.int64)
        return s, w0, w1

    sx, a0, a1 = taps(dw, sw, True)
    sx1 = np.minimum(sx + 1, sw - 1)
    src = img.astype(np.int64)
    hor = src[:, sx, :] * a0[None, :, None] + src[:, sx1, :] * a1[None, :, None]
    sy, b0, b1 = taps(dh, sh, False)
    r0 = np.clip(sy, 0, sh - 1)
    r1 = np.clip(sy + 1, 0, sh - 1)
    out = (((b0[:, None, None] * (hor[r0] >> 4)) >> 16)
           + ((b1[:, None, None] * (hor[r1] >> 4)) >> 16) + 2) >> 2
    return np.clip(out, 0, 255).astype(np.uint8)


# ---------------------------------------------------------------- geometry (mmcv / mmaction)
def short_side_size(w, h, short):
    scale = short / min(w, h)
    return int(w * scale + 0.5), int(h * scale + 0.5)


def multi_scale_candidates(w, h, scales=(1, .875, .75, .66), gap=1):
    base = min(h, w)
    sizes = [int(base * s) for s in scales]
    return [[cw, ch] for i, ch in enumerate(sizes) for j, cw in enumerate(sizes) if abs(i - j) <= gap]


def multi_scale_crop(w, h, size, pair, position):
    cw, ch = multi_scale_candidates(w, h)[pair]
    cw = size if abs(cw - size) < 3 else cw
    ch = size if abs(ch - size) < 3 else ch
    ws, hs = (w - cw) // 4, (h - ch) // 4
    offsets = [(0, 0), (4 * ws, 0), (0, 4 * hs), (4 * ws, 4 * hs), (2 * ws, 2 * hs)]
    x, y = offsets[position]
    return x, y, cw, ch


def three_crop(w, h, size):
    if h == size:
        step = (w - size) // 2
        return [(0, 0), (2 * step, 0), (step, 0)]
    step = (h - size) // 2
    return [(0, 0), (0, 2 * step), (0, step)]


# ---------------------------------------------------------------- Pillow colour operations
def luma(img):
    i = img.astype(np.int64)
    return ((i[..., 0] * 19595 + i[..., 1] * 38470 + i[..., 2] * 7471 + 0x8000) >> 16).astype(np.uint8)


def grayscale(img):
    return np.repeat(luma(img)[..., None], 3, axis=2)


def blend(a, b, alpha):
    alpha = np.float32(alpha)
    a = np.broadcast_to(np.asarray(a, dtype=np.int64), b.shape)
    if alpha == 0:
        return a.astype(np.uint8)
    if alpha == 1:
        return b.copy()
    v = a.astype(np.float32) + alpha * (b.astype(np.int64) - a).astype(np.float32)
    if 0 <= alpha <= 1:
        return v.astype(np.int64).astype(np.uint8)
    return np.where(v <= 0, 0, np.where(v >= 255, 255, v.astype(np.int64))).astype(np.uint8)


def brightness(img, f):
    return blend(0, img, f)


def contrast(img, f):
    lum = luma(img)
    mean = int(float(lum.astype(np.int64).sum()) / lum.size + 0.5)
    return blend(mean, img, f)


def saturation(img, f):
    return blend(grayscale(img), img, f)


def rgb_to_hsv(img):
    i = img.astype(np.int64)
    r, g, b = i[..., 0], i[..., 1], i[..., 2]
    mx = np.maximum(r, np.maximum(g, b))
    mn = np.minimum(r, np.minimum(g, b))
    equal = mx == mn
    cr = np.where(equal, 1, mx - mn).astype(np.float32)
    s = (cr / np.where(mx == 0, 1, mx).astype(np.float32)).astype(np.float32)
    rc = ((mx - r).astype(np.float32) / cr).astype(np.float32)
    gc = ((mx - g).astype(np.float32) / cr).astype(np.float32)
    bc = ((mx - b).astype(np.float32) / cr).astype(np.float32)
    h = np.where(r == mx, (bc - gc).astype(np.float32),
                 np.where(g == mx,
                          (2.0 + rc.astype(np.float64) - bc.astype(np.float64)).astype(np.float32),
                          (4.0 + gc.astype(np.float64) - rc.astype(np.float64)).astype(np.float32)))
    h = np.fmod(h.astype(np.float64) / 6.0 + 1.0, 1.0).astype(np.float32)
    uh = np.clip((h.astype(np.float64) * 255.0).astype(np.int64), 0, 255)
    us = np.clip((s.astype(np.float64) * 255.0).astype(np.int64), 0, 255)
    uh = np.where(equal, 0, uh)
    us = np.where(equal, 0, us)
    return uh, us, mx


def hsv_to_rgb(h, s, v):
    hf = h.astype(np.float32).astype(np.float64)
    i = np.floor(hf * 6.0 / 255.0).astype(np.int64)
    f = (hf * 6.0 / 255.0 - i.astype(np.float32).astype(np.float64)).astype(np.float32)
    fs = (s.astype(np.float32).astype(np.float64) / 255.0).astype(np.float32)
    vf = v.astype(np.float32).astype(np.float64)

    def c_round(x):  # C round(): half away from zero (all values here are >= 0)
        return np.floor(x + 0.5).astype(np.int64)

    p = np.clip(c_round(vf * (1.0 - fs.astype(np.float64))), 0, 255)
    q = np.clip(c_round(vf * (1.0 - (fs * f).astype(np.float32).astype(np.float64))), 0, 255)
    t = np.clip(c_round(vf * (1.0 - fs.astype(np.float64) * (1.0 - f.astype(np.float64)))), 0, 255)
    k = i % 6
    r = np.choose(k, [v, q, p, p, t, v])
    g = np.choose(k, [t, v, v, q, p, p])
    b = np.choose(k, [p, p, t, v, v, q])
    out = np.stack([r, g, b], axis=-1)
    grey = (s == 0)[..., None]
    return np.where(grey, np.repeat(v[..., None], 3, axis=2), out).astype(np.uint8)


def hue(img, factor):
    h, s, v = rgb_to_hsv(img)
    shift = int(np.float64(np.float32(factor)) * 255.0)  # int8 cast truncates toward zero
    return hsv_to_rgb((h + shift) % 256, s, v)


def jitter(img, order, b, c, s, h):
    for op in order:
        img = [brightness, contrast, saturation, hue][op](img, [b, c, s, h][op])
    return img


# ---------------------------------------------------------------- normalisation, pipelines
IMAGENET_MEAN = np.array([123.675, 116.28, 103.53])
IMAGENET_STD = np.array([58.395, 57.12, 57.375])


def normalize_chw(img, mean=IMAGENET_MEAN, std=IMAGENET_STD):
    x = img.astype(np.float32)
    x = (x - mean.astype(np.float32)).astype(np.float32)
    # cv2.subtract converts the scalar to float32; cv2.multiply works in double, then rounds.
    x = (x.astype(np.float64) * (1.0 / std)).astype(np.float32)
    return x.transpose(2, 0, 1)


def train_pipeline(frames, size, pair, position, flip, jitters, gray):
    h, w = frames[0].shape[:2]
    short = int(256 / 224 * size)
    rw, rh = short_side_size(w, h, short)
    out = []
    for t, frame in enumerate(frames):
        img = cv2_resize(frame, rw, rh)
        x, y, cw, ch = multi_scale_crop(rw, rh, size, pair, position)
        img = img[y:y + ch, x:x + cw]
        img = cv2_resize(np.ascontiguousarray(img), size, size)
        if flip:
            img = img[:, ::-1]
        if jitters is not None:
            img = jitter(img, *jitters[t])
        if gray:
            img = grayscale(img)
        out.append(normalize_chw(img))
    return np.stack(out)


def eval_pipeline(frames, size, crops):
    h, w = frames[0].shape[:2]
    short = size if crops == 3 else int(256 / 224 * size)
    rw, rh = short_side_size(w, h, short)
    boxes = three_crop(rw, rh, size) if crops == 3 else [((rw - size) // 2, (rh - size) // 2)]
    out = []
    for x, y in boxes:
        for frame in frames:
            img = cv2_resize(frame, rw, rh)[y:y + size, x:x + size]
            out.append(normalize_chw(img))
    return np.stack(out)


# ---------------------------------------------------------------- SampleFrames
def sample_test(n, t):
    avg = (n - 1 + 1) / float(t)
    return ((np.arange(t) * avg + avg / 2.0).astype(np.int64) % n).tolist()


def sample_train_short(n, t):
    assert n < t
    ratio = (n - 1 + 1.0) / t
    return (np.around(np.arange(t) * ratio).astype(np.int64) % n).tolist()


# ---------------------------------------------------------------- golden file
def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii")


def image(rng, w, h, smooth):
    if smooth:  # gradients plus mild noise: realistic frames
        yy, xx = np.mgrid[0:h, 0:w]
        base = np.stack([xx * 255 // max(1, w - 1), yy * 255 // max(1, h - 1),
                         (xx + yy) * 255 // max(1, w + h - 2)], axis=-1)
        return np.clip(base + rng.randint(-20, 21, size=(h, w, 3)), 0, 255).astype(np.uint8)
    return rng.randint(0, 256, size=(h, w, 3)).astype(np.uint8)


def img_json(a):
    return {"width": int(a.shape[1]), "height": int(a.shape[0]), "rgb": b64(a)}


def main():
    rng = np.random.RandomState(20260101)
    golden = {"resize": [], "color": [], "jitter": [], "train": [], "eval": [], "sampling": {}}

    for (sw, sh, dw, dh, window, smooth) in [
        (37, 29, 53, 41, None, False), (64, 48, 21, 16, None, False),
        (160, 120, 171, 128, None, True), (33, 20, 20, 33, None, False),
        (50, 40, 25, 20, None, False), (7, 5, 64, 64, None, False),
        (120, 90, 171, 128, (30, 10, 112, 100), True), (200, 150, 91, 68, None, True), (45, 80, 45, 33, None, False),
    ]:
        src = image(rng, sw, sh, smooth)
        out = cv2_resize(src, dw, dh)
        if window:
            x, y, w, h = window
            out = out[y:y + h, x:x + w]
        golden["resize"].append({"src": img_json(src), "width": dw, "height": dh,
                                 "window": list(window) if window else None, "out": img_json(out)})

    for (op, factor) in [("brightness", 0.63), ("brightness", 1.37), ("contrast", 0.6),
                         ("contrast", 1.4), ("saturation", 0.8), ("saturation", 1.2),
                         ("hue", -0.1), ("hue", 0.07), ("hue", 0.0), ("hue", 0.5), ("grayscale", 0)]:
        src = image(rng, 41, 23, False)
        fn = {"brightness": brightness, "contrast": contrast, "saturation": saturation,
              "hue": hue, "grayscale": lambda a, f: grayscale(a)}[op]
        golden["color"].append({"op": op, "factor": factor, "src": img_json(src),
                                "out": img_json(fn(src, np.float32(factor)))})

    for order in ([0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]):
        src = image(rng, 30, 20, True)
        params = [float(np.float32(x)) for x in rng.uniform([0.6, 0.6, 0.8, -0.1], [1.4, 1.4, 1.2, 0.1])]
        golden["jitter"].append({"order": order, "params": params, "src": img_json(src),
                                 "out": img_json(jitter(src, order, *params))})

    for (w, h, pair, position, flip, jit, gray) in [
        (80, 60, 0, 0, False, False, False), (80, 60, 3, 4, True, True, False),
        (60, 90, 9, 3, False, True, True), (100, 56, 5, 1, True, False, True),
    ]:
        frames = [image(rng, w, h, True) for _ in range(2)]
        jitters = None
        if jit:
            jitters = []
            for _ in frames:
                order = rng.permutation(4).tolist()
                params = [float(np.float32(x)) for x in rng.uniform([0.6, 0.6, 0.8, -0.1], [1.4, 1.4, 1.2, 0.1])]
                jitters.append([order] + params)
        out = train_pipeline(frames, 40, pair, position, flip, jitters, gray)
        golden["train"].append({"size": 40, "pair": pair, "position": position, "flip": flip,
                                "jitters": jitters, "gray": gray,
                                "frames": [img_json(f) for f in frames],
                                "out": b64(out.astype("<f4")), "shape": list(out.shape)})

    for (w, h, crops) in [(80, 60, 1), (80, 60, 3), (60, 90, 3), (64, 64, 3), (101, 57, 1)]:
        frames = [image(rng, w, h, True) for _ in range(2)]
        out = eval_pipeline(frames, 40, crops)
        golden["eval"].append({"size": 40, "crops": crops, "frames": [img_json(f) for f in frames],
                               "out": b64(out.astype("<f4")), "shape": list(out.shape)})

    golden["sampling"]["test"] = [{"n": n, "t": t, "indices": sample_test(n, t)}
                                  for n, t in [(300, 32), (20, 32), (1, 8), (31, 32), (33, 32),
                                               (1000, 16), (250, 8), (7, 3)]]
    golden["sampling"]["train_short"] = [{"n": n, "t": t, "indices": sample_train_short(n, t)}
                                         for n, t in [(20, 32), (31, 32), (1, 8), (5, 16), (12, 32)]]
    golden["multi_scale_candidates"] = {"341x256": multi_scale_candidates(341, 256),
                                        "256x455": multi_scale_candidates(256, 455)}

    levels = np.repeat(np.arange(256, dtype=np.uint8)[None, :, None], 3, axis=2)
    golden["normalisation"] = b64(normalize_chw(levels).astype("<f4"))  # [3, 1, 256]

    cross_check(golden)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "resources", "io", "github", "vificlip", "data", "transform",
                        "reference_transforms.json")
    with open(path, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
    print("wrote", os.path.normpath(path))


def cross_check(golden):
    """Compares the NumPy code with OpenCV and Pillow when they are installed."""
    def decode(j):
        return np.frombuffer(base64.b64decode(j["rgb"]), np.uint8).reshape(j["height"], j["width"], 3)

    try:
        import cv2
        for case in golden["resize"]:
            src = decode(case["src"])
            real = cv2.resize(src, (case["width"], case["height"]), interpolation=cv2.INTER_LINEAR)
            if case["window"]:
                x, y, w, h = case["window"]
                real = real[y:y + h, x:x + w]
            assert np.array_equal(real, decode(case["out"])), "cv2.resize differs: %s" % case["window"]
        print("cross-check: NumPy resize == cv2", cv2.__version__, "on", len(golden["resize"]), "cases")
        levels = np.repeat(np.arange(256, dtype=np.uint8)[None, :, None], 3, axis=2)
        real = levels.astype(np.float32)  # mmcv.imnormalize_ on a float32 image
        cv2.subtract(real, np.float64(IMAGENET_MEAN.reshape(1, -1)), real)
        cv2.multiply(real, 1 / np.float64(IMAGENET_STD.reshape(1, -1)), real)
        assert np.array_equal(real.transpose(2, 0, 1), normalize_chw(levels)), "cv2 normalisation"
        print("cross-check: NumPy normalisation == cv2 on all 768 levels")
    except ImportError:
        print("cross-check: cv2 not installed, skipped")
    try:
        from PIL import Image, ImageEnhance
        for case in golden["color"]:
            src = decode(case["src"])
            pil = Image.fromarray(src)
            f = float(np.float32(case["factor"]))
            if case["op"] == "grayscale":
                real = np.repeat(np.asarray(pil.convert("L"))[..., None], 3, axis=2)
            elif case["op"] == "hue":
                h, s, v = pil.convert("HSV").split()
                nh = np.array(h, dtype=np.uint8)
                nh += np.array(int(f * 255)).astype(np.uint8)  # torchvision: wraps as uint8
                real = np.asarray(Image.merge("HSV", (Image.fromarray(nh, "L"), s, v)).convert("RGB"))
            else:
                enhancer = {"brightness": ImageEnhance.Brightness, "contrast": ImageEnhance.Contrast,
                            "saturation": ImageEnhance.Color}[case["op"]]
                real = np.asarray(enhancer(pil).enhance(f))
            assert np.array_equal(real, decode(case["out"])), "Pillow differs: %s %s" % (case["op"], f)
        import PIL
        print("cross-check: NumPy colour ops == Pillow", PIL.__version__, "on", len(golden["color"]), "cases")
    except ImportError:
        print("cross-check: Pillow not installed, skipped")


if __name__ == "__main__":
    sys.exit(main())
