/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import java.util.Map;
import java.util.Set;

/**
 * Tells the module-level names a pickle may mention from those that only an attack needs.
 *
 * <p>The {@link Unpickler} never imports or calls anything, so a hostile pickle cannot run here;
 * but a file that names {@code os.system} is a trojan for anyone who opens it with Python's {@code
 * pickle} or with {@code torch.load(..., weights_only=False)}, and the user must learn that rather
 * than see it load. The list follows the globals that PyTorch's {@code weights_only} unpickler
 * refuses and that the Hugging Face hub's pickle scanner flags: modules that reach the operating
 * system, the network, the interpreter or another deserialiser, and the builtins that evaluate,
 * import, open files or look up attributes. Data-only classes (yacs {@code CfgNode}, argparse
 * {@code Namespace}, {@code collections.OrderedDict}, PyTorch's tensor and storage rebuilding,
 * optimizer and scheduler state, numpy scalars and arrays) are not on it.
 */
final class PickleGlobals {

    /** Modules (and their submodules) whose every name gives access to code or the system. */
    private static final Set<String> MODULES =
            Set.of(
                    "os",
                    "posix",
                    "nt",
                    "subprocess",
                    "_posixsubprocess",
                    "_winapi",
                    "sys",
                    "shutil",
                    "socket",
                    "importlib",
                    "runpy",
                    "code",
                    "codeop",
                    "pty",
                    "commands",
                    "pickle",
                    "_pickle",
                    "cPickle",
                    "marshal",
                    "shelve",
                    "dill",
                    "ctypes",
                    "_ctypes",
                    "multiprocessing",
                    "asyncio",
                    "threading",
                    "_thread",
                    "signal",
                    "webbrowser",
                    "http",
                    "httplib",
                    "urllib",
                    "urllib2",
                    "requests",
                    "ftplib",
                    "smtplib",
                    "telnetlib",
                    "bdb",
                    "pdb",
                    "pip",
                    "venv",
                    "platform",
                    "zipimport",
                    "pkgutil",
                    "cProfile",
                    "profile",
                    "timeit",
                    "trace",
                    "tempfile",
                    "io",
                    "_io",
                    "fileinput",
                    "pathlib",
                    "glob",
                    "zipfile",
                    "tarfile",
                    "logging.config",
                    "logging.handlers",
                    "distutils",
                    "setuptools",
                    "gc",
                    "inspect",
                    "operator",
                    "functools",
                    "torch.hub",
                    "torch.package",
                    "torch._inductor",
                    "torch.utils.cpp_extension",
                    "numpy.testing",
                    "numpy.f2py",
                    "numpy.distutils");

    /** Single names in otherwise harmless modules. */
    private static final Map<String, Set<String>> NAMES =
            Map.ofEntries(
                    Map.entry("builtins", builtins()),
                    Map.entry("__builtin__", builtins()),
                    Map.entry("__builtins__", builtins()),
                    Map.entry("torch", Set.of("load")),
                    Map.entry("torch.serialization", Set.of("load", "_load")),
                    // torch.load of embedded bytes, without weights_only
                    Map.entry("torch.storage", Set.of("_load_from_bytes")),
                    Map.entry("numpy", Set.of("load")),
                    Map.entry("numpy.lib.npyio", Set.of("load")),
                    Map.entry("codecs", Set.of("open", "EncodedFile")),
                    Map.entry("pydoc", Set.of("pipepager", "locate")),
                    Map.entry(
                            "types",
                            Set.of(
                                    "FunctionType",
                                    "CodeType",
                                    "LambdaType",
                                    "MethodType",
                                    "ModuleType")));

    /** The dunder names that protocol 0 and 1 pickles use to make plain instances. */
    private static final Set<String> DUNDERS = Set.of("__newobj__", "__newobj_ex__");

    private PickleGlobals() {}

    private static Set<String> builtins() {
        return Set.of(
                "eval",
                "exec",
                "execfile",
                "compile",
                "getattr",
                "setattr",
                "delattr",
                "__import__",
                "open",
                "input",
                "breakpoint",
                "apply",
                "globals",
                "locals",
                "vars",
                "reload",
                "file",
                "help",
                "exit",
                "quit",
                "memoryview");
    }

    /**
     * Returns why a global must not appear in a weights file.
     *
     * @param global the global a pickle names
     * @return the reason, or null if the global is allowed
     */
    static String danger(Pickled.Global global) {
        String module = global.module();
        // The module and its parents, shortest first; denied modules have at most three parts.
        for (int end = module.indexOf('.'), parts = 1;
                parts <= 3;
                end = module.indexOf('.', end + 1), parts++) {
            String denied = end < 0 ? module : module.substring(0, end);
            if (MODULES.contains(denied)) {
                return "module '" + denied + "' reaches the operating system or runs code";
            }
            if (end < 0) {
                break;
            }
        }
        for (String part : global.name().split("\\.")) {
            if (part.length() > 4
                    && part.startsWith("__")
                    && part.endsWith("__")
                    && !DUNDERS.contains(part)) {
                return "its attribute "
                        + part
                        + " reaches Python's internals (a gadget for running code)";
            }
        }
        Set<String> names = NAMES.get(module);
        if (names != null && names.contains(global.name())) {
            return "it evaluates, imports, opens or looks up whatever the file says";
        }
        return null;
    }
}
