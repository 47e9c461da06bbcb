/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The videos of a dataset split with their labels: a root folder, a {@link LabelMap} and entries
 * whose paths are relative to the root.
 *
 * <p>List files are ViFi-CLIP's (and X-CLIP's) format: one {@code <relative/path> <label>} per
 * line, whitespace-separated, 0-based labels indexing the rows of the label CSV; CRLF line ends and
 * blank lines are accepted, as is a last line without a newline. Paths cannot contain spaces.
 *
 * <pre>{@code
 * LabelMap labels = LabelMap.readCsv(Path.of("labels/hmdb_51_labels.csv"));
 * VideoList train = VideoList.read(Path.of("splits/train1.txt"), Path.of("/data/hmdb51"), labels);
 * }</pre>
 */
public final class VideoList {

    /** File extensions that {@link #fromFolders} treats as videos. */
    public static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "avi", "webm", "mkv", "mov", "m4v", "mpg", "mpeg", "flv", "wmv", "3gp");

    private final Path root;
    private final LabelMap labels;
    private final List<VideoEntry> entries;

    private VideoList(Path root, LabelMap labels, List<VideoEntry> entries) {
        this.root = root;
        this.labels = labels;
        this.entries = List.copyOf(entries);
    }

    /**
     * Creates a list from entries.
     *
     * @param root the folder that entry paths are relative to
     * @param labels the classes
     * @param entries the videos
     * @return the list
     * @throws IllegalArgumentException if a label is outside the label map
     */
    public static VideoList of(Path root, LabelMap labels, List<VideoEntry> entries) {
        for (VideoEntry entry : entries) {
            if (entry.label() >= labels.size()) {
                throw new IllegalArgumentException(
                        "Label "
                                + entry.label()
                                + " of "
                                + entry.path()
                                + " is outside the "
                                + labels.size()
                                + " classes");
            }
        }
        return new VideoList(root, labels, entries);
    }

    /**
     * Reads a list file.
     *
     * @param listFile the list file
     * @param root the folder the paths are relative to (the reference's {@code DATA.ROOT})
     * @param labels the classes the labels index
     * @return the list
     * @throws DataFormatException if a line is malformed or a label is out of range (names the file
     *     and line)
     * @throws IOException if the file cannot be read
     */
    public static VideoList read(Path listFile, Path root, LabelMap labels) throws IOException {
        List<String> lines = Utf8Text.read(listFile).lines().toList();
        List<VideoEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String[] fields = stripped.split("\\s+");
            if (fields.length != 2) {
                throw new DataFormatException(
                        listFile,
                        i + 1,
                        "expected '<path> <label>' (two fields; paths cannot contain spaces), got "
                                + fields.length
                                + " fields: \""
                                + stripped
                                + "\"");
            }
            int label;
            try {
                label = Integer.parseInt(fields[1]);
            } catch (NumberFormatException e) {
                throw new DataFormatException(
                        listFile, i + 1, "label '" + fields[1] + "' is not an integer");
            }
            if (label < 0 || label >= labels.size()) {
                throw new DataFormatException(
                        listFile,
                        i + 1,
                        "label "
                                + label
                                + " is outside 0.."
                                + (labels.size() - 1)
                                + " ("
                                + labels.size()
                                + " classes in the label file)");
            }
            entries.add(new VideoEntry(fields[0], label));
        }
        return new VideoList(root, labels, entries);
    }

    /**
     * Builds a list from a folder-per-class layout: each sub-folder of {@code root} is a class
     * (classes sorted by folder name), each video file inside it (any depth) an entry.
     *
     * @param root the dataset folder
     * @return the list, entries sorted by path
     * @throws DataFormatException if the folder has no class folders or no videos
     * @throws IOException if the folder cannot be read
     */
    public static VideoList fromFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, 0, "not a folder");
        }
        List<Path> classDirs;
        try (Stream<Path> children = Files.list(root)) {
            classDirs = children.filter(Files::isDirectory).sorted().toList();
        }
        if (classDirs.isEmpty()) {
            throw new DataFormatException(
                    root, 0, "no class folders (expected <root>/<class name>/<video>)");
        }
        List<String> names = new ArrayList<>();
        List<VideoEntry> entries = new ArrayList<>();
        for (Path classDir : classDirs) {
            int label = names.size();
            names.add(classDir.getFileName().toString());
            try (Stream<Path> files = Files.walk(classDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (isVideo(file)) {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        if (relative.chars().anyMatch(Character::isWhitespace)) {
                            throw new DataFormatException(
                                    file, 0, "video paths cannot contain whitespace");
                        }
                        entries.add(new VideoEntry(relative, label));
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(
                    root, 0, "no video files (" + VIDEO_EXTENSIONS + ") in the class folders");
        }
        return new VideoList(root, LabelMap.of(names), entries);
    }

    private static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0
                && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Writes the entries as a list file ({@code path label} per line, LF line ends), atomically: a
     * failed or killed write leaves the previous file untouched.
     *
     * @param file the file to write
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (VideoEntry entry : entries) {
            out.append(entry.path()).append(' ').append(entry.label()).append('\n');
        }
        TextFiles.writeAtomically(file, out);
    }

    /**
     * Returns a list with the same root and labels and other entries.
     *
     * @param newEntries the entries
     * @return the new list
     */
    public VideoList withEntries(List<VideoEntry> newEntries) {
        return of(root, labels, newEntries);
    }

    /**
     * Returns the folder that entry paths are relative to.
     *
     * @return the root
     */
    public Path root() {
        return root;
    }

    /**
     * Returns the classes.
     *
     * @return the label map
     */
    public LabelMap labels() {
        return labels;
    }

    /**
     * Returns the entries in list order.
     *
     * @return an unmodifiable list
     */
    public List<VideoEntry> entries() {
        return entries;
    }

    /**
     * Returns the number of videos.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    /**
     * Returns one entry.
     *
     * @param index the position in the list
     * @return the entry
     */
    public VideoEntry get(int index) {
        return entries.get(index);
    }

    /**
     * Returns the file of one entry: the root joined with its path.
     *
     * @param index the position in the list
     * @return the video file
     */
    public Path resolve(int index) {
        return root.resolve(entries.get(index).path());
    }

    /**
     * Counts the videos of each class.
     *
     * @return {@code counts[label]}
     */
    public int[] countsPerClass() {
        int[] counts = new int[labels.size()];
        for (VideoEntry entry : entries) {
            counts[entry.label()]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "VideoList["
                + entries.size()
                + " videos, "
                + labels.size()
                + " classes, "
                + root
                + "]";
    }
}
