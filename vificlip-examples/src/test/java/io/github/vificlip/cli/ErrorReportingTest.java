/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every failure of the command line is one line naming the input; traces only on request. */
class ErrorReportingTest {

    @TempDir Path dir;

    /** A command that fails with the error its test gives it. */
    @CommandLine.Command(name = "failing")
    static final class Failing implements Callable<Integer> {

        @CommandLine.Option(names = ErrorReporter.VERBOSE)
        boolean verbose;

        @CommandLine.Parameters String kind;

        @Override
        public Integer call() {
            switch (kind) {
                case "deep":
                    return recurse(0);
                case "memory":
                    throw new OutOfMemoryError("Java heap space");
                default:
                    throw new IllegalStateException("plain failure");
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    private static CommandRun runFailing(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine =
                new CommandLine(new Failing())
                        .setExecutionStrategy(ErrorReporter::strategy)
                        .setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setErr(new PrintWriter(err, true));
        return new CommandRun(commandLine.execute(args), "", err.toString());
    }

    @Test
    void errorsAreOneLineNamingTheCommandLineWithTracesOnlyWhenVerbose() {
        CommandRun deep = runFailing("deep");
        CommandRun memory = runFailing("memory");
        CommandRun verbose = runFailing("--verbose", "deep");

        assertThat(deep.exitCode()).isEqualTo(1);
        assertThat(deep.err())
                .isEqualTo(
                        "failing: error: an input is nested too deeply to process (stack"
                                + " overflow) while running: vificlip deep (--verbose shows the"
                                + " stack trace)\n");
        assertThat(memory.err())
                .startsWith("failing: error: out of memory (Java heap space) with a Java heap of")
                .contains("while running: vificlip memory; give the JVM more with java -Xmx")
                .doesNotContain("\tat ");
        assertThat(memory.err().lines()).hasSize(1);
        assertThat(verbose.err())
                .contains("java.lang.StackOverflowError")
                .contains("\tat io.github.vificlip.cli.ErrorReportingTest$Failing.recurse");
    }

    @Test
    void missingAndNonRegularWeightsFilesSayWhy() {
        Path missing = dir.resolve("missing.pt");

        CommandRun absent = CommandRun.of("inspect-weights", missing.toString());
        CommandRun device = CommandRun.of("inspect-weights", "/dev/zero");

        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err())
                .isEqualTo("vificlip inspect-weights: error: " + missing + ": no such file\n");
        assertThat(device.err())
                .isEqualTo(
                        "vificlip inspect-weights: error: /dev/zero: is not a regular file (a"
                                + " pipe, device or socket): weights are read at positions a"
                                + " stream cannot seek to, so pass the file itself\n");
    }

    @Test
    void aTrojanCheckpointIsRefusedInOneLine() throws Exception {
        Path file = dir.resolve("trojan.safetensors.pt");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("archive/data.pkl"));
            zip.write(
                    "\u0080\u0002cposix\nsystem\n(Vtouch pwned\ntR."
                            .getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }

        CommandRun run = CommandRun.of("inspect-weights", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith(
                        "vificlip inspect-weights: error: "
                                + file
                                + ": archive/data.pkl: refused: the pickle names posix.system (at"
                                + " byte 2)");
    }

    @Test
    void emptyAndOverlongClassNamesAreRefusedNamingTheClass() {
        String word = "extraordinarily ".repeat(40);

        CommandRun gap = classify("--classes", "archery,,surfing");
        CommandRun empty = classify("--classes", "");
        CommandRun longName = classify("--classes", "archery," + word);

        assertThat(gap.exitCode()).isEqualTo(2);
        assertThat(gap.err())
                .contains(
                        "class 2 of 3 in --classes is empty (\"archery,,surfing\"): class names are"
                                + " separated by single commas and none may be empty");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).containsPattern("--classes (gives no class names|is empty)");
        assertThat(longName.exitCode()).isEqualTo(2);
        assertThat(longName.err())
                .contains("class 2 of 2 in --classes is too long: its prompt \"a photo of a")
                .contains(
                        "needs 87 tokens with the start and end tokens, but CLIP's context holds 77");
    }

    @Test
    void repeatedClassNamesAreRefusedNamingBoth() {
        CommandRun twice = classify("--classes", "archery,surfing,archery");

        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("class 3 of 3 in --classes repeats class 1 (\"archery\")");
    }

    @Test
    void aClassNameOfControlCharactersOnlyIsRefusedBeforeTheWeightsLoad() {
        CommandRun control = classify("--classes", "archery,\u0001\u0002");

        assertThat(control.exitCode()).isEqualTo(2);
        assertThat(control.err())
                .contains("--classes: Class name 2 of 2 is empty or only spaces and control")
                .doesNotContain("never-read.pt");
    }

    private CommandRun classify(String... classes) {
        String[] args = new String[classes.length + 4];
        args[0] = "classify";
        args[1] = "--weights";
        args[2] = dir.resolve("never-read.pt").toString();
        System.arraycopy(classes, 0, args, 3, classes.length);
        args[args.length - 1] = dir.resolve("video.mp4").toString();
        return CommandRun.of(args);
    }

    @Test
    void npyFilesDjlWouldMisreadAreRefused() throws Exception {
        Path big = npy("big.npy", "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8);
        Path fortran =
                npy("f.npy", "{'descr': '<f4', 'fortran_order': True, 'shape': (1, 2), }", 8);
        Path truncated =
                npy("t.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000,), }", 8);
        Path good = npy("g.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NpyHeader.checkFloat32(big))
                .hasMessage(
                        big
                                + ": big-endian float32 ('>f4'), which would be read as other"
                                + " numbers; save it little-endian: np.save(f, a.astype('<f4'))");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NpyHeader.checkFloat32(fortran))
                .hasMessageContaining("saved in Fortran order");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NpyHeader.checkFloat32(truncated))
                .hasMessageContaining(
                        "shape (1000000,) needs 4000000 bytes of float32, but the file holds 8");
        NpyHeader.checkFloat32(good);
    }

    private Path npy(String name, String header, int dataBytes) throws Exception {
        String padded = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeBytes(
                ByteBuffer.allocate(2)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putShort((short) padded.length())
                        .array());
        out.writeBytes(padded.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[dataBytes]);
        return Files.write(dir.resolve(name), out.toByteArray());
    }
}
