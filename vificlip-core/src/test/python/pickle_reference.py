"""Pickles of plain Python values in every protocol (0-5), and what an unpickler must rebuild.

The values cover the opcodes PyTorch checkpoints use: every int width, floats, str and bytes of
every length class, tuples of 0-3 and more items, lists and dicts large enough to be batched,
sets, frozensets, OrderedDict, shared references (memo), an argparse Namespace and a dict
subclass (yacs CfgNode's structure). values_expected.json describes each value in a neutral
form that the Java test rebuilds from what its unpickler returns:

  null / true / false, {"int": "<decimal>"}, {"float": <number>}, {"str": ...},
  {"bytes": "<hex>"}, {"list": [...]}, {"tuple": [...]}, {"dict": [[key, value], ...]},
  {"set": [...]}, {"instance": "<module.Class>", "state": ..., "dict_items": [[k, v], ...]}

Run from the repository root: python3 vificlip-core/src/test/python/pickle_reference.py
"""

import argparse
import collections
import json
import os
import pickle
import sys
import types

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "io", "github", "vificlip", "weights", "pickles")


class CfgNode(dict):
    """A dict subclass with instance attributes, as yacs.config.CfgNode."""


CfgNode.__module__ = "yacs.config"
sys.modules.setdefault("yacs", types.ModuleType("yacs"))
sys.modules["yacs.config"] = types.ModuleType("yacs.config")
sys.modules["yacs.config"].CfgNode = CfgNode


def values():
    shared = [1, 2]
    node = CfgNode({"LR": 2.2e-05, "NAME": "tiny"})
    node.__dict__["__immutable__"] = True
    result = collections.OrderedDict()
    result["none"] = None
    result["true"] = True
    result["false"] = False
    result["ints"] = [0, 7, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, -(2**31), 2**31,
                      2**40, -(2**40), 2**63 - 1, -(2**63), 2**70, -(2**70)]
    result["floats"] = [0.0, -0.0, 0.1, -2.5e-300, 1e300, 3.0]
    result["str"] = "h\u00e9llo \u2713 \U0001F600 back\\slash new\nline"
    result["empty_str"] = ""
    result["long_str"] = "x" * 300
    result["bytes"] = b"\x00\x01\xff\n\\"
    result["long_bytes"] = bytes(range(256)) * 2
    result["empty_tuple"] = ()
    result["tuple1"] = (5,)
    result["tuple2"] = (1, "a")
    result["tuple3"] = (1, 2, (None,))
    result["tuple5"] = (1, 2, 3, 4, 5)
    result["nested"] = [1, [2, [3, []]], {"k": (4,)}]
    result["dict"] = {"a": 1, 2: "b", (1, 2): None}
    result["set"] = {3, 1, 2}
    result["frozenset"] = frozenset({"f"})
    result["ordered"] = collections.OrderedDict([("y", 1), ("x", 2)])
    result["shared"] = [shared, shared]
    result["big_list"] = list(range(1500))
    result["big_dict"] = {str(i): i for i in range(1200)}
    result["namespace"] = argparse.Namespace(lr=0.1, name="run")
    result["cfg"] = node
    return result


def describe(value):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, str):
        return {"str": value}
    if isinstance(value, bytes):
        return {"bytes": value.hex()}
    if isinstance(value, tuple):
        return {"tuple": [describe(v) for v in value]}
    if isinstance(value, list):
        return {"list": [describe(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"set": [describe(v) for v in value]}
    if isinstance(value, CfgNode):
        return {"instance": "yacs.config.CfgNode", "state": describe(dict(value.__dict__)),
                "dict_items": [[describe(k), describe(v)] for k, v in value.items()]}
    if isinstance(value, dict):
        return {"dict": [[describe(k), describe(v)] for k, v in value.items()]}
    if isinstance(value, argparse.Namespace):
        return {"instance": "argparse.Namespace", "state": describe(vars(value)),
                "dict_items": []}
    raise TypeError(value)


def main():
    os.makedirs(OUT, exist_ok=True)
    data = values()
    for protocol in range(6):
        with open(os.path.join(OUT, "values_protocol_%d.pkl" % protocol), "wb") as out:
            pickle.dump(data, out, protocol=protocol)
    with open(os.path.join(OUT, "values_expected.json"), "w") as out:
        json.dump(describe(data), out, ensure_ascii=True)
        out.write("\n")


if __name__ == "__main__":
    main()
