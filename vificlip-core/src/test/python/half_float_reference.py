"""float32 -> float16 rounding and float16 -> float32 widening, computed by NumPy.

half_floats.json holds float32 bit patterns with the float16 bit patterns NumPy's
astype(float16) gives them (round to nearest, ties to even; overflow to infinity; subnormals),
and float16 bit patterns with the float32 bit patterns they widen to. The float32 values are the
edge cases (ties, the subnormal range, the overflow threshold, infinities, NaN) plus a random
sample spread over all exponents.

Run from the repository root: python3 vificlip-core/src/test/python/half_float_reference.py
"""

import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "io", "github", "vificlip", "weights", "half_floats.json")


def main():
    edges = [0.0, -0.0, 1.0, -1.0, 65504.0, 65519.99, 65520.0, -65520.0, 1e-8, 2.0**-24,
             2.0**-25, 2.0**-25 * 1.0000001, 3 * 2.0**-26, 2.0**-14, 2.0**-14 * (1 - 2.0**-11),
             1 + 2.0**-11, 1 + 3 * 2.0**-11, 1 + 2.0**-11 + 2.0**-20, 0.1, 1 / 3,
             np.inf, -np.inf, 1e38, 5.960464477539063e-08, 6.097555160522461e-05]
    rng = np.random.default_rng(7)
    sample = rng.normal(0, 1, 800) * np.exp2(rng.uniform(-30, 20, 800))
    floats = np.asarray(edges + list(sample), dtype=np.float32)
    with np.errstate(over="ignore"):
        halves = floats.astype(np.float16)  # overflow to infinity is what is tested
    half_bits = rng.integers(0, 1 << 16, 1000, dtype=np.uint16)
    half_bits = np.concatenate([half_bits, np.asarray([0, 0x8000, 1, 0x3ff, 0x400, 0x7bff,
                                                       0x7c00, 0xfc00], dtype=np.uint16)])
    # NaN payloads differ between conversions; compare finite and infinite values only.
    half_bits = half_bits[~np.isnan(half_bits.view(np.float16))]
    widened = half_bits.view(np.float16).astype(np.float32)
    result = {
        "float_bits": [int(b) for b in floats.view(np.uint32)],
        "half_bits_of_float": [int(b) for b in halves.view(np.uint16)],
        "half_bits": [int(b) for b in half_bits],
        "float_bits_of_half": [int(b) for b in widened.view(np.uint32)],
    }
    with open(OUT, "w") as out:
        json.dump(result, out)
        out.write("\n")


if __name__ == "__main__":
    main()
