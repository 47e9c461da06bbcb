/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The preset architectures: one JSON {@link ClipConfig} per file in the resource folder {@value
 * #FOLDER} (as open_clip's {@code model_configs/*.json}), so that a new architecture is one file.
 * The files are read once, when the class loads, and ordered by the image tower's cost per frame.
 */
final class ClipPresets {

    /** The resource folder holding the presets, one {@code <name>.json} each. */
    static final String FOLDER = "io/github/vificlip/model/presets/";

    private static final List<ClipConfig> ALL = load();

    private ClipPresets() {}

    /** Returns every preset, the cheapest image tower first. */
    static List<ClipConfig> all() {
        return ALL;
    }

    private static List<ClipConfig> load() {
        List<ClipConfig> presets = new ArrayList<>();
        for (String file : fileNames()) {
            try (InputStream in = resource(FOLDER + file).openStream()) {
                presets.add(ClipConfig.fromJson(in, FOLDER + file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the preset " + FOLDER + file, e);
            }
        }
        if (presets.isEmpty()) {
            throw new IllegalStateException("No CLIP presets found in the resources " + FOLDER);
        }
        presets.sort(Comparator.comparingLong(ClipConfig::visionMacsPerImage));
        return List.copyOf(presets);
    }

    /** Lists the {@code .json} files of the folder, from a directory or a jar. */
    private static List<String> fileNames() {
        URL folder = resource(FOLDER);
        try {
            if ("file".equals(folder.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    return files.map(path -> path.getFileName().toString())
                            .filter(name -> name.endsWith(".json"))
                            .sorted()
                            .toList();
                }
            }
            if (folder.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return jsonEntries(jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the CLIP presets in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the CLIP presets in " + folder, e);
        }
        throw new IllegalStateException(
                "Cannot list the CLIP presets in " + folder + ": not a folder or a jar");
    }

    private static List<String> jsonEntries(JarFile jar) {
        List<String> names = new ArrayList<>();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            String file = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : "";
            if (file.endsWith(".json") && !file.contains("/")) {
                names.add(file);
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static URL resource(String name) {
        URL url = ClipPresets.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("The resource " + name + " is missing");
        }
        return url;
    }
}
