/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and malformed weights files, built here, each refused by a budget checked before the
 * allocation or the work it guards, with a message naming the file and the problem.
 */
class HostileWeightsTest {

    private static final Path FILE = Path.of("hostile.pt");

    @TempDir Path temp;

    private static Object unpickle(byte[] pickle) throws WeightsException {
        return new Unpickler(FILE, "archive/data.pkl", pickle, new TorchPickles()).load();
    }

    @Test
    void textIntegersLongerThanPythonAllowsAreRefusedBeforeParsing() throws Exception {
        // 2,000,000 digits took 124 s in BigInteger's parser; Python refuses beyond 4300.
        String digits = "7".repeat(2_000_000);
        byte[] intOp = new PickleBytes().ops("I" + digits + "\n").stop();
        byte[] longOp = new PickleBytes().ops("L" + digits + "L\n").stop();

        for (byte[] pickle : List.of(intOp, longOp)) {
            assertThatThrownBy(() -> unpickle(pickle))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining("hostile.pt: archive/data.pkl: an integer literal has")
                    .hasMessageContaining("more than 4300 digits");
        }
        assertThat(unpickle(new PickleBytes().ops("I" + "9".repeat(4300) + "\n").stop()))
                .hasToString("9".repeat(4300));
    }

    @Test
    void megabytesOfJunkInATextNumberAreNotEchoed() {
        byte[] memo = new PickleBytes().op('N').ops("p" + "x".repeat(1 << 20) + "\n").stop();
        byte[] global = new PickleBytes().global("os" + ".x".repeat(1 << 19), "system").stop();

        assertThatThrownBy(() -> unpickle(memo))
                .hasMessageContaining("a number or memo index in text form cannot be read")
                .message()
                .hasSizeLessThan(300);
        assertThatThrownBy(() -> unpickle(global))
                .hasMessageContaining("refused: the pickle names os.x.x.x")
                .message()
                .hasSizeLessThan(600);
    }

    @Test
    void binaryIntegersBeyondTheSameSizeAreRefusedBeforeCopying() {
        byte[] pickle =
                new PickleBytes()
                        .op(0x8b)
                        .raw(new byte[] {0, 0, 16, 0})
                        .raw(new byte[1 << 20])
                        .stop();

        assertThatThrownBy(() -> unpickle(pickle))
                .hasMessageContaining("a binary integer of 1048576 bytes exceeds 4300 decimal");
    }

    @Test
    void picklesThatBuildMoreValuesThanTheBudgetAreRefused() {
        // Each "N0" builds a value and drops it: bytes, not memory, bound the work otherwise.
        byte[] pickle =
                new PickleBytes().ops("N0".repeat(Unpickler.MAX_VALUES + 1)).ops("N").stop();

        assertThatThrownBy(() -> unpickle(pickle))
                .hasMessageContaining("the pickle builds more than 5000000 values");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a list that holds itself | ]q\u0000h\u0000a | list contains itself",
                "a dict that holds itself | }q\u0000X\u0001\u0000\u0000\u0000kh\u0000s | dict"
                        + " contains itself",
                "a list used as a dict key | }]Kas | a list is used as a dict key",
                "a list in a frozenset | (]\u0091 | a list is used as a dict key or set element"
            })
    void cyclesAndUnhashableKeysAreRefused(String what, String opcodes, String message) {
        byte[] pickle = new PickleBytes().ops(opcodes).stop();

        assertThatThrownBy(() -> unpickle(pickle))
                .as(what)
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining(message);
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        // 200,000 nested lists: walking them recursively ended in a StackOverflowError.
        int depth = 200_000;
        byte[] lists = new PickleBytes().ops("]".repeat(depth) + "a".repeat(depth - 1)).stop();
        byte[] tuples = new PickleBytes().ops(")" + "\u0085".repeat(depth)).stop();

        assertThatThrownBy(() -> unpickle(lists))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("containers nest more than 100 levels deep");
        assertThatThrownBy(() -> unpickle(tuples))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("tuples nest more than 100 levels deep");
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
        "os, system",
        "posix, system",
        "nt, system",
        "subprocess, Popen",
        "subprocess, check_output",
        "sys, modules",
        "shutil, rmtree",
        "socket, socket",
        "importlib, import_module",
        "importlib.machinery, SourceFileLoader",
        "builtins, eval",
        "builtins, exec",
        "builtins, getattr",
        "builtins, __import__",
        "builtins, open",
        "__builtin__, compile",
        "runpy, _run_code",
        "pickle, loads",
        "torch.serialization, load",
        "torch.storage, _load_from_bytes",
        "numpy.testing._private.utils, runstring",
        "operator, attrgetter",
        "functools, partial",
        "types, CodeType",
        "io, open",
        "codecs, open",
        "pathlib, Path.unlink",
        "logging.config, listen",
        "zipfile, ZipFile.extractall",
        "builtins, object.__subclasses__",
        "mymodule, Helper.__init__.__globals__"
    })
    void picklesReachingForDangerousCallablesAreRefusedNamingThem(String module, String name)
            throws Exception {
        Path marker = temp.resolve("pwned");
        byte[] global =
                new PickleBytes()
                        .global(module, name)
                        .op('(')
                        .text("touch " + marker)
                        .op('t')
                        .op('R')
                        .stop();
        byte[] stackGlobal =
                new PickleBytes()
                        .stackGlobal(module, name)
                        .op('(')
                        .text("x")
                        .op('t')
                        .op('R')
                        .stop();
        byte[] inst = ("(S'x'\ni" + module + "\n" + name + "\n.").getBytes(StandardCharsets.UTF_8);

        for (byte[] pickle : List.of(global, stackGlobal, inst)) {
            assertThatThrownBy(() -> unpickle(pickle))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining("refused: the pickle names " + module + "." + name)
                    .hasMessageContaining("weights_only=True");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void dataOnlyClassesOfRealCheckpointsStillLoad() throws Exception {
        // {'config': CfgNode(...), 'args': Namespace(...), 'sched': set(...), 'np': numpy scalar,
        //  'obj': copyreg._reconstructor(Base, object, None)}
        byte[] pickle =
                new PickleBytes()
                        .op('}')
                        .text("config")
                        .global("yacs.config", "CfgNode")
                        .op(')')
                        .op(0x81)
                        .op('}')
                        .text("LR")
                        .int32(1)
                        .op('s')
                        .op('b')
                        .op('s')
                        .text("args")
                        .global("argparse", "Namespace")
                        .op(')')
                        .op(0x81)
                        .op('}')
                        .op('b')
                        .op('s')
                        .text("sched")
                        .global("builtins", "set")
                        .op('(')
                        .op(']')
                        .int32(3)
                        .op('a')
                        .op('t')
                        .op('R')
                        .op('s')
                        .text("np")
                        .global("numpy.core.multiarray", "scalar")
                        .op('(')
                        .global("numpy", "dtype")
                        .op('(')
                        .text("f8")
                        .op(0x89)
                        .op(0x88)
                        .op('t')
                        .op('R')
                        .op('C')
                        .op(8)
                        .raw(new byte[8])
                        .op('t')
                        .op('R')
                        .op('s')
                        .text("obj")
                        .global("copy_reg", "_reconstructor")
                        .op('(')
                        .global("__main__", "Base")
                        .global("__builtin__", "object")
                        .op('N')
                        .op('t')
                        .op('R')
                        .op('s')
                        .stop();

        Object value = unpickle(pickle);

        assertThat(PickledTrees.keyList(PickledTrees.asMap(value)))
                .isEqualTo("[config, args, sched, np, obj]");
    }

    @Test
    void negativeStorageOffsetsAreRefused() throws Exception {
        Path file = stateDict(temp.resolve("offset.pt"), 4, -1, new long[] {2}, new long[] {1});

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageStartingWith(file + ": archive/data.pkl: offset into storage 0 is -1");
    }

    @Test
    void storagesDeclaringMoreElementsThanTheirRecordAreRefusedWithoutOverflow() throws Exception {
        // numel 2^62: numel * 4 overflowed to 0 and passed the size check.
        byte[] pickle =
                new PickleBytes()
                        .op('}')
                        .text("visual.proj")
                        .tensor("0", 1L << 62, 0, new long[] {2}, new long[] {1})
                        .op('s')
                        .stop();
        Path file = TorchZips.checkpoint(pickle, 4).write(temp.resolve("numel.pt"));

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("has 16 bytes, but the pickle declares 4611686018427387904")
                .hasMessageContaining("(more than 2^63 bytes): the file is damaged");
    }

    @Test
    void viewsReachingBeyondSixtyFourBitsNameTheTensorAndShape() throws Exception {
        long big = 1L << 40;
        Path file =
                stateDict(
                        temp.resolve("view.pt"), 4, 0, new long[] {big, big}, new long[] {big, 1});

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining(
                        "tensor 'visual.proj' (shape [1099511627776, 1099511627776], strides"
                                + " [1099511627776, 1]")
                .hasMessageContaining("than a 64-bit count holds");
    }

    @Test
    void strideZeroViewsCannotTurnKilobytesIntoGigabytes() throws Exception {
        // One stored float viewed 2^30 times: 4 GB from a file of a kilobyte.
        Path file =
                stateDict(
                        temp.resolve("stride0.pt"),
                        1,
                        0,
                        new long[] {1 << 20, 1 << 10},
                        new long[] {0, 0});

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("its tensors would take 4294967296 bytes once read")
                .hasMessageContaining("tensor 'visual.proj' (shape (1048576, 1024))")
                .hasMessageContaining("-Dvificlip.weights.allowExpansion=true");
        System.setProperty(OpenedWeights.ALLOW_EXPANSION, "true");
        try {
            assertThat(StateDicts.inspect(file).tensors()).hasSize(1);
        } finally {
            System.clearProperty(OpenedWeights.ALLOW_EXPANSION);
        }
    }

    @Test
    void duplicateRecordsAreRefused() throws Exception {
        byte[] pickle = new PickleBytes().op('}').stop();
        Path file =
                TorchZips.checkpoint(pickle, 0)
                        .add("archive/data.pkX", new PickleBytes().op('}').stop())
                        .write(temp.resolve("duplicate.pt"));
        TorchZips.rename(file, "archive/data.pkX", "archive/data.pkl");

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("zip archive holds two records named archive/data.pkl");
    }

    @Test
    void recordsOutsideTheArchiveFolderAreRefused() throws Exception {
        Path file =
                TorchZips.checkpoint(new PickleBytes().op('}').stop(), 0)
                        .add("other/payload.py", new byte[1])
                        .write(temp.resolve("outside.pt"));

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining(
                        "zip record other/payload.py lies outside the archive folder archive/");
    }

    @Test
    void aPickleInflatingBeyondTheLimitIsRefusedBeforeItIsRead() throws Exception {
        // 65 MiB of zeros deflate to 65 KB: the directory's size is checked before reading.
        Path file =
                TorchZips.checkpoint(new byte[Unpickler.MAX_BYTES + (1 << 20)], 0)
                        .deflated()
                        .write(temp.resolve("bomb.pt"));
        assertThat(Files.size(file)).isLessThan(100_000);

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("archive/data.pkl is 68157440 bytes or more, over the");
    }

    @Test
    void aZipDirectoryLyingAboutARecordsSizeIsRefused() throws Exception {
        byte[] pickle = new PickleBytes().op('}').ops("N0".repeat(100)).stop();
        Path file = TorchZips.checkpoint(pickle, 0).deflated().write(temp.resolve("lie.pt"));
        TorchZips.declareSize(file, "archive/data.pkl", 10);

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("zip record archive/data.pkl holds 204 bytes but the zip")
                .hasMessageContaining("directory says 10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "overlap | {'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]},"
                        + "'b':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}} | 8 | (the"
                        + " tensors overlap)",
                "gap | {'a':{'dtype':'F32','shape':[1],'data_offsets':[4,8]}} | 8 | (a gap of"
                        + " unnamed bytes)",
                "bytes left over | {'a':{'dtype':'F32','shape':[1],'data_offsets':[0,4]}} | 8"
                        + " | describes 4 bytes of tensor data, but the file holds 8",
                "duplicate key | {'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]},"
                        + "'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}} | 8 | Duplicate"
                        + " field 'a'",
                "float shape | {'a':{'dtype':'F32','shape':[2.0],'data_offsets':[0,8]}} | 8 |"
                        + " has shape [2.0], expected an array of non-negative integers",
                "float offset | {'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8.0]}} | 8 |"
                        + " has data_offsets [begin, end] [0,8.0]",
                "string offset | {'a':{'dtype':'F32','shape':[2],'data_offsets':['0',8]}} | 8"
                        + " | has data_offsets [begin, end] [\"0\",8]",
                "metadata array | {'__metadata__':[1],"
                        + "'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}} | 8 |"
                        + " __metadata__ is a JSON ARRAY, not an object",
                "metadata number | {'__metadata__':{'x':1},"
                        + "'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}} | 8 |"
                        + " __metadata__ entry 'x' is a JSON NUMBER, not a string",
                "tensor not an object | {'a':5} | 8 | tensor 'a' in the safetensors header is a"
                        + " JSON NUMBER",
                "shape overflow | {'a':{'dtype':'F32','shape':[4611686018427387904,8],"
                        + "'data_offsets':[0,8]}} | 8 | whose size in bytes overflows 64 bits",
                "trailing text | {'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}}x | 8 |"
                        + " not valid JSON"
            })
    void safetensorsHeadersTheReferenceRefusesAreRefused(
            String what, String header, int dataBytes, String message) throws Exception {
        Path file =
                safetensors(
                        temp.resolve("bad.safetensors"),
                        header.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
                        dataBytes);

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .as(what)
                .isInstanceOf(WeightsException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void safetensorsHeadersMustBeUtf8() throws Exception {
        byte[] header =
                "{\"a\u00ff\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        Path file = safetensors(temp.resolve("latin1.safetensors"), header, 8);

        assertThatThrownBy(() -> StateDicts.inspect(file))
                .hasMessageContaining("safetensors header is not valid UTF-8 (at header byte 3)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "spaces around the header |  {'visual.proj':{'dtype':'F32','shape':[2],"
                        + "'data_offsets':[0,8]}}   | 8",
                "null metadata | {'__metadata__':null,'visual.proj':{'dtype':'F32','shape':[2],"
                        + "'data_offsets':[0,8]}} | 8",
                "extra field | {'visual.proj':{'dtype':'F32','shape':[2],'data_offsets':[0,8],"
                        + "'x':1}} | 8",
                "empty tensor at the end | {'visual.proj':{'dtype':'F32','shape':[2],"
                        + "'data_offsets':[0,8]},'e':{'dtype':'F32','shape':[0],"
                        + "'data_offsets':[8,8]}} | 8"
            })
    void safetensorsHeadersTheReferenceAcceptsAreRead(String what, String header, int dataBytes)
            throws Exception {
        Path file =
                safetensors(
                        temp.resolve("good.safetensors"),
                        header.replace('\'', '"').getBytes(StandardCharsets.UTF_8),
                        dataBytes);

        assertThat(StateDicts.inspect(file).tensors()).as(what).isNotEmpty();
    }

    @Test
    void devicesAndPipesAreRefusedWithoutReadingThem() throws Exception {
        assertThatThrownBy(() -> StateDicts.inspect(Path.of("/dev/zero")))
                .isInstanceOf(WeightsException.class)
                .hasMessage(
                        "/dev/zero: is not a regular file (a pipe, device or socket): weights"
                                + " are read at positions a stream cannot seek to, so pass the file itself");
        Path fifo = temp.resolve("weights.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        // Opening a FIFO for reading blocks until a writer comes: the check must come first.
        assertThatThrownBy(() -> StateDicts.inspect(fifo))
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void missingFilesSaySo() {
        Path missing = temp.resolve("missing.pt");

        assertThatThrownBy(() -> StateDicts.inspect(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such file");
    }

    /** A torch.save archive of {@code {'visual.proj': view}} over a float storage. */
    private static Path stateDict(Path file, int floats, long offset, long[] size, long[] stride)
            throws Exception {
        byte[] pickle =
                new PickleBytes()
                        .op('}')
                        .text("visual.proj")
                        .tensor("0", floats, offset, size, stride)
                        .op('s')
                        .stop();
        return TorchZips.checkpoint(pickle, floats).write(file);
    }

    private static Path safetensors(Path file, byte[] header, int dataBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(header.length)
                        .array());
        out.writeBytes(header);
        out.writeBytes(new byte[dataBytes]);
        return Files.write(file, out.toByteArray());
    }
}
