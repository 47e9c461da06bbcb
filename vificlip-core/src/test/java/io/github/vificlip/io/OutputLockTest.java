/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

    @Test
    void aSecondRunInThisProcessIsRefusedUntilTheFirstEnds(@TempDir Path out) throws Exception {
        try (OutputLock first = OutputLock.acquire(out, "training")) {
            assertThatThrownBy(() -> OutputLock.acquire(out, "evaluation"))
                    .hasMessageContaining("The output folder " + out + " is in use by another run")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("training");
        }
        try (OutputLock second = OutputLock.acquire(out, "evaluation")) {
            assertThat(Files.readString(out.resolve(OutputLock.FILE_NAME))).contains("evaluation");
        }
    }

    @Test
    void aRunInAnotherProcessIsRefusedNamingIt(@TempDir Path out) throws Exception {
        // Another JVM takes the folder (this class's main) and says so on its standard output.
        Process holder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Holder.class.getName(),
                                out.toString())
                        .redirectErrorStream(true)
                        .start();
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> OutputLock.acquire(out, "training"))
                    .hasMessageContaining("is in use by another run (pid " + holder.pid())
                    .hasMessageContaining("holder test");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        // The operating system released the killed holder's lock; its temporary file goes too.
        Files.writeString(out.resolve(".metrics.json.x1.tmp"), "{");
        try (OutputLock lock = OutputLock.acquire(out, "training")) {
            assertThat(out.resolve(".metrics.json.x1.tmp")).doesNotExist();
        }
    }

    /** Holds a folder until killed. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            try (OutputLock lock = OutputLock.acquire(Path.of(args[0]), "holder test")) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }
}
