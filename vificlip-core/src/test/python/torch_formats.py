"""Writers of PyTorch's and safetensors' file formats without PyTorch, for test fixtures.

Only the standard library (zipfile, pickle, struct, json) and NumPy. The structures are the ones
PyTorch writes:

* torch.save (PyTorch >= 1.6, torch/serialization.py `_save`): a zip archive whose records all sit
  under one folder (the file's stem, or "archive"), stored uncompressed and aligned to 64 bytes
  with an "FB" extra field; `data.pkl` is a *Python* pickle (protocol 2) of the object, in which
  every tensor is `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
  OrderedDict())` and every storage a persistent id `("storage", torch.FloatStorage, "<key>",
  "cpu", numel)`; `data/<key>` holds the storage's raw little-endian elements; then
  `.format_version`, `.storage_alignment`, `byteorder`, `version`, `.data/serialization_id`.
  Here Python's real pickler writes data.pkl, with fake `torch` modules registered in sys.modules
  so that it emits the same GLOBALs.
* TorchScript (torch.jit.save, torch/csrc/jit/serialization/export_module.cpp and pickler.cpp):
  the same zip layout with `data.pkl` written by PyTorch's C++ Pickler (protocol 2): each module
  object is GLOBAL `__torch__.<qualified class>`, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK, its
  attributes as (name, value) pairs, SETITEMS, BUILD; strings and globals are memoized; tensors
  are literal `_rebuild_tensor_v2` calls with MARK...TUPLE sizes and strides; generic dicts are
  wrapped in `torch.jit._pickle.restore_type_tag`. Plus `code/`, `constants.pkl`, `constants/`.
  The C++ Pickler is re-implemented below opcode for opcode.
* safetensors: 8-byte little-endian header length, JSON header padded with spaces to 8 bytes,
  contiguous little-endian data.
"""

import collections
import hashlib
import json
import pickle
import struct
import sys
import types
import zipfile

import numpy as np

# --------------------------------------------------------------------------------------------
# Element types
# --------------------------------------------------------------------------------------------

# dtype name -> (storage class, safetensors name, numpy dtype of the stored bits)
DTYPES = {
    "F64": ("DoubleStorage", "F64", np.dtype("<f8")),
    "F32": ("FloatStorage", "F32", np.dtype("<f4")),
    "F16": ("HalfStorage", "F16", np.dtype("<f2")),
    "BF16": ("BFloat16Storage", "BF16", np.dtype("<u2")),
    "I64": ("LongStorage", "I64", np.dtype("<i8")),
    "I32": ("IntStorage", "I32", np.dtype("<i4")),
    "U8": ("ByteStorage", "U8", np.dtype("u1")),
}


def to_bf16_bits(values):
    """Rounds float32 values to bfloat16 (nearest, ties to even), as torch's .bfloat16() does."""
    bits = np.asarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype(np.uint16)


def bf16_bits_to_f32(bits):
    return (np.asarray(bits, dtype=np.uint16).astype(np.uint32) << 16).view(np.float32)


def stored(values, dtype):
    """Returns (raw array in the stored dtype, the float64 values a reader must see)."""
    values = np.asarray(values)
    if dtype == "BF16":
        bits = to_bf16_bits(values)
        return bits, bf16_bits_to_f32(bits).astype(np.float64)
    raw = values.astype(DTYPES[dtype][2])
    # Readers widen everything to float32.
    return raw, raw.astype(np.float32).astype(np.float64)


def checksums(values):
    """Sums that tell tensors apart, including transposed or permuted ones."""
    x = np.asarray(values, dtype=np.float64).ravel()
    weights = (np.arange(x.size) % 7 + 1).astype(np.float64)
    return {
        "sum": float(x.sum()),
        "sum_sq": float((x * x).sum()),
        "weighted": float((x * weights).sum()),
    }


# --------------------------------------------------------------------------------------------
# Fake torch modules: just enough for Python's pickler to write torch.save's GLOBALs
# --------------------------------------------------------------------------------------------


def _module(name):
    module = sys.modules.get(name)
    if module is None:
        module = types.ModuleType(name)
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(_module(parent), child, module)
    return module


def _function(module_name, name):
    def stub(*args):
        raise RuntimeError("fixture stub %s.%s is never called" % (module_name, name))

    stub.__module__ = module_name
    stub.__name__ = stub.__qualname__ = name
    setattr(_module(module_name), name, stub)
    return stub


def fake_class(module_name, name, bases=(object,), attributes=None):
    cls = type(name, bases, dict(attributes or {}))
    cls.__module__ = module_name
    cls.__qualname__ = name
    setattr(_module(module_name), name, cls)
    return cls


_rebuild_tensor_v2 = _function("torch._utils", "_rebuild_tensor_v2")
_rebuild_parameter = _function("torch._utils", "_rebuild_parameter")
_rebuild_from_type_v2 = _function("torch._tensor", "_rebuild_from_type_v2")
STORAGE_CLASSES = {
    storage: fake_class("torch", storage) for storage, _, _ in DTYPES.values()
}
ParameterClass = fake_class("torch.nn.parameter", "Parameter")


class Storage:
    """Raw storage bytes, pickled as a persistent id."""

    def __init__(self, raw, dtype):
        self.raw = np.ascontiguousarray(raw)
        self.dtype = dtype
        self.numel = self.raw.size
        self.data = self.raw.tobytes()


class Tensor:
    """A strided view into a Storage; pickles as torch.Tensor.__reduce_ex__ does."""

    def __init__(self, storage, offset, shape, stride, requires_grad=False):
        self.storage = storage
        self.offset = offset
        self.shape = tuple(shape)
        self.stride = tuple(stride)
        self.requires_grad = requires_grad

    @staticmethod
    def contiguous(raw, dtype, requires_grad=False):
        raw = np.require(raw, requirements="C")  # keeps 0-d arrays 0-d
        strides = tuple(s // raw.itemsize for s in raw.strides) if raw.ndim else ()
        return Tensor(Storage(raw.ravel(), dtype), 0, raw.shape, strides, requires_grad)

    def __reduce_ex__(self, protocol):
        return (
            _rebuild_tensor_v2,
            (self.storage, self.offset, self.shape, self.stride, self.requires_grad,
             collections.OrderedDict()),
        )


class Parameter(Tensor):
    """nn.Parameter: torch._utils._rebuild_parameter(data, requires_grad, hooks)."""

    def __reduce_ex__(self, protocol):
        data = Tensor(self.storage, self.offset, self.shape, self.stride, False)
        return (_rebuild_parameter, (data, True, collections.OrderedDict()))


class SubclassTensor(Tensor):
    """A tensor subclass: torch._tensor._rebuild_from_type_v2(func, type, args, state)."""

    def __reduce_ex__(self, protocol):
        func, args = Tensor.__reduce_ex__(self, protocol)
        return (_rebuild_from_type_v2, (func, ParameterClass, args, {}))


def state_dict(items, module_names=("",)):
    """An OrderedDict as nn.Module.state_dict() returns it, with its _metadata attribute."""
    result = collections.OrderedDict(items)
    result._metadata = collections.OrderedDict((name, {"version": 1}) for name in module_names)
    return result


# --------------------------------------------------------------------------------------------
# Zip archives as PyTorchStreamWriter writes them
# --------------------------------------------------------------------------------------------


def write_aligned_zip(path, prefix, records):
    """Writes records under prefix/, stored, each one's data aligned to 64 bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in records:
            full = (prefix + "/" + name).encode("utf-8")
            offset = archive.fp.tell()
            pad = (-(offset + 30 + len(full) + 4)) % 64
            info = zipfile.ZipInfo(prefix + "/" + name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
            archive.writestr(info, data)


def _serialization_id(records):
    digest = hashlib.sha256()
    for name, data in records:
        digest.update(name.encode("utf-8"))
        digest.update(data)
    return str(int(digest.hexdigest()[:16], 16)).zfill(40).encode("ascii")


def torch_save(obj, path, prefix):
    """Writes obj as torch.save(obj, path) does (zip format, pickle protocol 2)."""
    storages = collections.OrderedDict()

    class TorchPickler(pickle.Pickler):
        def persistent_id(self, value):
            if isinstance(value, Storage):
                key = storages.setdefault(id(value), (str(len(storages)), value))[0]
                storage_class = STORAGE_CLASSES[DTYPES[value.dtype][0]]
                return ("storage", storage_class, key, "cpu", value.numel)
            return None

    buffer = __import__("io").BytesIO()
    TorchPickler(buffer, protocol=2).dump(obj)
    records = [
        ("data.pkl", buffer.getvalue()),
        (".format_version", b"1"),
        (".storage_alignment", b"64"),
        ("byteorder", b"little"),
    ]
    records += [("data/" + key, storage.data) for key, storage in storages.values()]
    records.append(("version", b"3\n"))
    records.append((".data/serialization_id", _serialization_id(records)))
    write_aligned_zip(path, prefix, records)


# --------------------------------------------------------------------------------------------
# TorchScript: PyTorch's C++ Pickler, opcode for opcode
# --------------------------------------------------------------------------------------------


class ScriptObject:
    """A TorchScript object: its qualified class and its attributes in slot order."""

    def __init__(self, qualified_class, attributes):
        self.module, _, self.name = qualified_class.rpartition(".")
        self.attributes = attributes


class ScriptPickler:
    """torch/csrc/jit/serialization/pickler.cpp, for the values a module's state holds."""

    def __init__(self):
        self.out = bytearray()
        self.memo_id = 0
        self.strings = {}
        self.globals = {}
        self.storage_memo = {}
        self.tensor_data = []

    def protocol(self):
        self.out += b"\x80\x02"

    def stop(self):
        self.out += b"."

    def _put(self):
        if self.memo_id <= 0xFF:
            self.out += b"q" + struct.pack("<B", self.memo_id)
        else:
            self.out += b"r" + struct.pack("<I", self.memo_id)
        self.memo_id += 1
        return self.memo_id - 1

    def _get(self, memo_id):
        if memo_id <= 0xFF:
            self.out += b"h" + struct.pack("<B", memo_id)
        else:
            self.out += b"j" + struct.pack("<I", memo_id)

    def push_string(self, text):
        if text in self.strings:
            self._get(self.strings[text])
            return
        data = text.encode("utf-8")
        self.out += b"X" + struct.pack("<I", len(data)) + data
        self.strings[text] = self._put()

    def push_global(self, module, name):
        key = module + "\n" + name + "\n"
        if key in self.globals:
            self._get(self.globals[key])
            return
        self.out += b"c" + key.encode("utf-8")
        self.globals[key] = self._put()

    def push_int(self, n):
        if 0 <= n <= 0xFF:
            self.out += b"K" + struct.pack("<B", n)
        elif 0 <= n <= 0xFFFF:
            self.out += b"M" + struct.pack("<H", n)
        elif -(2**31) <= n < 2**31:
            self.out += b"J" + struct.pack("<i", n)
        else:
            self.out += b"\x8a\x08" + struct.pack("<q", n)

    def push_value(self, value):
        if isinstance(value, Tensor):
            self.push_tensor(value)
        elif isinstance(value, ScriptObject):
            self.push_object(value)
        elif value is None:
            self.out += b"N"
        elif isinstance(value, bool):
            self.out += b"\x88" if value else b"\x89"
        elif isinstance(value, int):
            self.push_int(value)
        elif isinstance(value, float):
            self.out += b"G" + struct.pack(">d", value)
        elif isinstance(value, str):
            self.push_string(value)
        elif isinstance(value, tuple):
            self.push_tuple(value)
        elif isinstance(value, dict):
            self.push_dict(value)
        else:
            raise TypeError(value)

    def push_tuple(self, items):
        if len(items) == 0:
            self.out += b")"
            return
        if len(items) > 3:
            self.out += b"("
        for item in items:
            self.push_value(item)
        self.out += {1: b"\x85", 2: b"\x86", 3: b"\x87"}.get(len(items), b"t")

    def push_dict(self, entries, type_tag="Dict[str, Tensor]"):
        self.push_global("torch.jit._pickle", "restore_type_tag")
        self.out += b"}("
        for key, value in entries.items():
            self.push_value(key)
            self.push_value(value)
        self.out += b"u"
        self.push_string(type_tag)
        self.out += b"\x86R"

    def push_object(self, obj):
        self.push_global(obj.module, obj.name)
        self.out += b")\x81}("
        for name, value in obj.attributes:
            self.push_string(name)
            self.push_value(value)
        self.out += b"ub"

    def push_tensor(self, tensor):
        self.push_global("torch._utils", "_rebuild_tensor_v2")
        self.out += b"("
        self.push_storage(tensor.storage)
        self.push_int(tensor.offset)
        self.out += b"("
        for size in tensor.shape:
            self.push_int(size)
        self.out += b"t("
        for stride in tensor.stride:
            self.push_int(stride)
        self.out += b"t"
        self.push_value(tensor.requires_grad)
        self.push_global("collections", "OrderedDict")
        self.out += b")Rt"
        self.out += b"R"

    def push_storage(self, storage, location="cpu"):
        if id(storage) in self.storage_memo:
            self._get(self.storage_memo[id(storage)])
            return
        self.out += b"("
        self.push_string("storage")
        self.push_global("torch", DTYPES[storage.dtype][0])
        self.push_string(str(len(self.tensor_data)))
        self.push_string(location)
        self.push_int(storage.numel)
        self.out += b"tQ"
        self.storage_memo[id(storage)] = self._put()
        self.tensor_data.append(storage)


def torch_jit_save(root, constants, code_files, path, prefix):
    """Writes a TorchScript archive as ScriptModuleSerializer::serialize does."""
    data = ScriptPickler()
    data.protocol()
    data.push_value(root)
    data.stop()
    records = [("data/" + str(i), s.data) for i, s in enumerate(data.tensor_data)]
    records.append(("data.pkl", bytes(data.out)))
    records += [(name, text.encode("utf-8")) for name, text in code_files.items()]
    consts = ScriptPickler()
    consts.protocol()
    consts.push_tuple(tuple(constants))
    consts.stop()
    records += [("constants/" + str(i), s.data) for i, s in enumerate(consts.tensor_data)]
    records.append(("constants.pkl", bytes(consts.out)))
    records.append(("version", b"3\n"))
    write_aligned_zip(path, prefix, records)


# --------------------------------------------------------------------------------------------
# safetensors
# --------------------------------------------------------------------------------------------


def safetensors_save(tensors, path, metadata=None):
    """tensors: list of (name, raw array, dtype name), written in that order."""
    header = collections.OrderedDict()
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    blobs = []
    for name, raw, dtype in tensors:
        data = np.ascontiguousarray(raw).tobytes()
        header[name] = {
            "dtype": DTYPES[dtype][1],
            "shape": list(np.shape(raw)),
            "data_offsets": [offset, offset + len(data)],
        }
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((-(len(text) + 8)) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for data in blobs:
            out.write(data)
