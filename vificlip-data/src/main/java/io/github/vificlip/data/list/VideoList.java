/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.list;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The videos of a dataset split with their labels: a root folder, a {@link LabelMap} and entries
 * whose paths are relative to the root.
 *
 * <p>List files are ViFi-CLIP's (and X-CLIP's) format: one {@code <relative/path> <label>} per
 * line, whitespace-separated, 0-based labels indexing the rows of the label CSV; CRLF line ends and
 * blank lines are accepted, as is a last line without a newline. Paths cannot contain spaces and
 * stay inside the root ({@link VideoEntry}); a path listed twice is refused.
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

    private static final Logger LOG = LoggerFactory.getLogger(VideoList.class);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A label field: ASCII digits only ({@code Integer.parseInt} also takes other scripts'). */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

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
     * @throws DataFormatException if a line is malformed, a path leaves the root ({@link
     *     VideoEntry}) or is listed again with another label, a label is out of range, or the file
     *     has no entries, is not a regular file or is over 128 MiB (names the file and line); a
     *     video listed again with the same label is kept, with a warning
     * @throws IOException if the file cannot be read
     */
    public static VideoList read(Path listFile, Path root, LabelMap labels) throws IOException {
        List<String> lines = Utf8Text.read(listFile).lines().toList();
        List<VideoEntry> entries = new ArrayList<>();
        Map<String, Listed> firstListed = new HashMap<>();
        int repeats = 0;
        int firstRepeat = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            VideoEntry entry = parseLine(listFile, i + 1, stripped, labels);
            Listed first = firstListed.putIfAbsent(entry.path(), new Listed(i + 1, entry.label()));
            if (first != null) {
                checkRepeat(listFile, i + 1, entry, first);
                if (repeats++ == 0) {
                    firstRepeat = i + 1;
                }
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(
                    listFile, 0, "no entries (expected lines '<path> <label>')");
        }
        if (repeats > 0) {
            LOG.warn(
                    "{}: {} line(s) repeat a video with the same label (first: line {}, {}); each"
                            + " repeat is one more record: it counts again in training and in every"
                            + " metric",
                    listFile,
                    repeats,
                    firstRepeat,
                    lines.get(firstRepeat - 1).strip());
        }
        return new VideoList(root, labels, entries);
    }

    /**
     * A video listed again is refused when the labels disagree (the list contradicts itself); with
     * the same label it is kept (repeating lines is how some lists oversample a class) and warned
     * about once per file.
     */
    private static void checkRepeat(Path listFile, int line, VideoEntry entry, Listed first)
            throws DataFormatException {
        if (entry.label() != first.label()) {
            throw new DataFormatException(
                    listFile,
                    line,
                    entry.path()
                            + " has label "
                            + entry.label()
                            + " here but "
                            + first.label()
                            + " on line "
                            + first.line());
        }
    }

    /** Where a video was first listed, and with which label. */
    private record Listed(int line, int label) {}

    /** One non-blank, stripped line as an entry. */
    private static VideoEntry parseLine(Path listFile, int line, String text, LabelMap labels)
            throws DataFormatException {
        String[] fields = WHITESPACE.split(text);
        if (fields.length != 2) {
            throw new DataFormatException(
                    listFile,
                    line,
                    "expected '<path> <label>' (two fields; paths cannot contain spaces), got "
                            + fields.length
                            + " fields: \""
                            + text
                            + "\"");
        }
        String problem = VideoEntry.pathProblem(fields[0]);
        if (problem != null) {
            throw new DataFormatException(listFile, line, problem);
        }
        return new VideoEntry(fields[0], label(listFile, line, fields[1], labels));
    }

    /** A label field: ASCII digits (an optional sign) naming a class of the label map. */
    private static int label(Path listFile, int line, String field, LabelMap labels)
            throws DataFormatException {
        if (!INTEGER.matcher(field).matches()) {
            throw new DataFormatException(
                    listFile, line, "label '" + field + "' is not an integer");
        }
        String digits = field.charAt(0) == '+' ? field.substring(1) : field;
        // Over nine characters cannot be a class index (and might not fit an int).
        int label = digits.length() <= 9 ? Integer.parseInt(digits) : -1;
        if (label < 0 || label >= labels.size()) {
            throw new DataFormatException(
                    listFile,
                    line,
                    "label "
                            + digits
                            + " is outside 0.."
                            + (labels.size() - 1)
                            + " ("
                            + labels.size()
                            + " classes in the label file)");
        }
        return label;
    }

    /**
     * Builds a list from a folder-per-class layout: each sub-folder of {@code root} is a class
     * (classes sorted by folder name), each video file inside it (any depth) an entry. Symbolic
     * links are followed, so linked class folders and videos count.
     *
     * @param root the dataset folder
     * @return the list, entries sorted by path
     * @throws DataFormatException if the folder has no class folders or no videos, a link loops
     *     back to a folder above it, or a folder inside cannot be read (names it)
     * @throws IOException if the folder cannot be read
     */
    public static VideoList fromFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, 0, "not a folder");
        }
        List<Path> classDirs;
        try (Stream<Path> children = Files.list(root)) {
            classDirs = children.filter(Files::isDirectory).sorted().toList();
        } catch (UncheckedIOException e) {
            throw unreadable(root, e.getCause());
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
            for (Path file : videosIn(classDir)) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.chars().anyMatch(Character::isWhitespace)) {
                    throw new DataFormatException(file, 0, "video paths cannot contain whitespace");
                }
                entries.add(new VideoEntry(relative, label));
            }
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(
                    root, 0, "no video files (" + VIDEO_EXTENSIONS + ") in the class folders");
        }
        return new VideoList(root, LabelMap.of(names), entries);
    }

    /**
     * The video files under a class folder, any depth, sorted; symbolic links are followed (a
     * linked class folder or video counts), a link back to a folder above is refused.
     */
    private static List<Path> videosIn(Path classDir) throws DataFormatException {
        try (Stream<Path> files = Files.walk(classDir, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(VideoList::isVideo).filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw unreadable(classDir, e.getCause());
        } catch (IOException e) {
            throw unreadable(classDir, e);
        }
    }

    /** A folder walk that failed: the file and the reason, in words. */
    private static DataFormatException unreadable(Path folder, IOException e) {
        if (e instanceof FileSystemLoopException loop) {
            return new DataFormatException(
                    Path.of(loop.getFile()),
                    0,
                    "symbolic link loop (it leads back to a folder above it); remove the link");
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return new DataFormatException(
                    Path.of(fs.getFile()),
                    0,
                    "cannot be read while listing "
                            + folder
                            + " ("
                            + (fs.getReason() != null
                                    ? fs.getReason()
                                    : e.getClass().getSimpleName())
                            + ")");
        }
        return new DataFormatException(folder, 0, "cannot be listed (" + e + ")");
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
