/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;

/**
 * Finds a model folder on an executor: a local path every executor sees (a shared disk), a folder
 * shipped with the job ({@code --archives model.zip#model}, or {@code SparkContext.addFile(folder,
 * true)}) by its name among Spark's files, or the same name in the working directory (where YARN
 * unpacks archives).
 */
final class ModelFolders {

    private ModelFolders() {}

    /**
     * Returns the local folder for {@code name}.
     *
     * @throws IllegalArgumentException if none of the places holds it; the message lists them
     */
    static Path resolve(String name) {
        Path given = Path.of(name);
        if (Files.isDirectory(given)) {
            return given;
        }
        Path shipped = Path.of(SparkFiles.get(name));
        if (Files.isDirectory(shipped)) {
            return shipped;
        }
        Path working = Path.of("").toAbsolutePath().resolve(name);
        if (Files.isDirectory(working)) {
            return working;
        }
        throw new IllegalArgumentException(
                "The model folder '"
                        + name
                        + "' is neither a local folder, nor among the job's files ("
                        + shipped
                        + "), nor in the working directory ("
                        + working
                        + "): give a path every executor sees, or ship the folder with"
                        + " --archives model.zip#"
                        + given.getFileName());
    }
}
