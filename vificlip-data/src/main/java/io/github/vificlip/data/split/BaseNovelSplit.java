/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.split;

import io.github.vificlip.data.list.DataFormatException;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoEntry;
import io.github.vificlip.data.list.VideoList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A division of a dataset's classes into base classes (trained on) and novel classes (held out),
 * with its own label numbering: the base and novel label CSVs list their classes in their own row
 * order, and base/novel list files index those CSVs, as in ViFi-CLIP's released splits.
 *
 * <p>Two ways to get one:
 *
 * <ul>
 *   <li>{@link #byFrequency}: the rule the released splits ({@code
 *       datasets_splits/base2novel_splits}) follow: sort the classes by their number of training
 *       videos, ascending, with a stable sort (ties keep label order); the less frequent half is
 *       novel, the more frequent half base (base gets the extra class when the count is odd); each
 *       side keeps the sorted order.
 *   <li>{@link #fromLabelFiles}: the released base and novel label CSVs, read from your disk and
 *       matched by name against the full label CSV.
 * </ul>
 */
public final class BaseNovelSplit {

    private final LabelMap all;
    private final LabelMap base;
    private final LabelMap novel;
    private final int[] toBase;
    private final int[] toNovel;

    private BaseNovelSplit(LabelMap all, List<Integer> baseLabels, List<Integer> novelLabels) {
        this.all = all;
        this.toBase = new int[all.size()];
        this.toNovel = new int[all.size()];
        Arrays.fill(toBase, -1);
        Arrays.fill(toNovel, -1);
        List<String> baseNames = new ArrayList<>();
        for (int label : baseLabels) {
            toBase[label] = baseNames.size();
            baseNames.add(all.name(label));
        }
        List<String> novelNames = new ArrayList<>();
        for (int label : novelLabels) {
            toNovel[label] = novelNames.size();
            novelNames.add(all.name(label));
        }
        this.base = LabelMap.of(baseNames);
        this.novel = LabelMap.of(novelNames);
    }

    /**
     * Divides the classes by training frequency (the released splits' rule).
     *
     * @param train the full training list (all classes)
     * @return the split
     * @throws IllegalArgumentException if there are fewer than two classes
     */
    public static BaseNovelSplit byFrequency(VideoList train) {
        LabelMap labels = train.labels();
        if (labels.size() < 2) {
            throw new IllegalArgumentException("A base/novel split needs at least two classes");
        }
        int[] counts = train.countsPerClass();
        List<Integer> order =
                IntStream.range(0, labels.size())
                        .boxed()
                        .sorted(Comparator.comparingInt(label -> counts[label])) // stable
                        .toList();
        int novelCount = labels.size() / 2;
        return new BaseNovelSplit(
                labels, order.subList(novelCount, order.size()), order.subList(0, novelCount));
    }

    /**
     * Reads a released split: the base and novel label CSVs (for example ViFi-CLIP's {@code
     * labels/ucf_101_base_labels.csv} and {@code ucf_101_novel_labels.csv}), matched by name
     * against the full label CSV. Their row order is kept.
     *
     * @param all the full label map
     * @param baseCsv the base label CSV
     * @param novelCsv the novel label CSV
     * @return the split
     * @throws DataFormatException if a name is not in the full map, or the two files overlap or do
     *     not cover every class
     * @throws IOException if a file cannot be read
     */
    public static BaseNovelSplit fromLabelFiles(LabelMap all, Path baseCsv, Path novelCsv)
            throws IOException {
        LabelMap base = LabelMap.readCsv(baseCsv);
        LabelMap novel = LabelMap.readCsv(novelCsv);
        List<Integer> baseLabels = labelsIn(all, base, baseCsv);
        List<Integer> novelLabels = labelsIn(all, novel, novelCsv);
        Set<Integer> seen = new HashSet<>(baseLabels);
        for (int label : novelLabels) {
            if (!seen.add(label)) {
                throw new DataFormatException(
                        novelCsv,
                        0,
                        "class \"" + all.name(label) + "\" is in both the base and the novel file");
            }
        }
        if (seen.size() != all.size()) {
            List<String> missing =
                    IntStream.range(0, all.size())
                            .filter(label -> !seen.contains(label))
                            .mapToObj(all::name)
                            .limit(5)
                            .toList();
            throw new DataFormatException(
                    baseCsv,
                    0,
                    (all.size() - seen.size())
                            + " classes are in neither the base nor the novel file, e.g. "
                            + missing);
        }
        return new BaseNovelSplit(all, baseLabels, novelLabels);
    }

    private static List<Integer> labelsIn(LabelMap all, LabelMap part, Path file)
            throws DataFormatException {
        List<Integer> labels = new ArrayList<>();
        for (int row = 0; row < part.size(); row++) {
            String name = part.name(row);
            Integer label = all.labelOf(name).orElse(null);
            if (label == null) {
                throw new DataFormatException(
                        file, row + 2, "class \"" + name + "\" is not in the full label file");
            }
            labels.add(label);
        }
        return labels;
    }

    /**
     * Returns the full label map the split divides.
     *
     * @return all classes
     */
    public LabelMap all() {
        return all;
    }

    /**
     * Returns the base classes in their own label order.
     *
     * @return the base label map
     */
    public LabelMap base() {
        return base;
    }

    /**
     * Returns the novel classes in their own label order.
     *
     * @return the novel label map
     */
    public LabelMap novel() {
        return novel;
    }

    /**
     * Keeps the base-class videos of a full list, relabelled to the base label map.
     *
     * @param list a list labelled with {@link #all()}
     * @return the base list
     * @throws IllegalArgumentException if the list uses another label map
     */
    public VideoList baseList(VideoList list) {
        return remap(list, toBase, base);
    }

    /**
     * Keeps the novel-class videos of a full list, relabelled to the novel label map.
     *
     * @param list a list labelled with {@link #all()}
     * @return the novel list
     * @throws IllegalArgumentException if the list uses another label map
     */
    public VideoList novelList(VideoList list) {
        return remap(list, toNovel, novel);
    }

    private VideoList remap(VideoList list, int[] mapping, LabelMap target) {
        if (!list.labels().equals(all)) {
            throw new IllegalArgumentException(
                    "The list's classes are not the ones this split divides");
        }
        List<VideoEntry> entries = new ArrayList<>();
        for (VideoEntry entry : list.entries()) {
            int label = mapping[entry.label()];
            if (label >= 0) {
                entries.add(new VideoEntry(entry.path(), label));
            }
        }
        return VideoList.of(list.root(), target, entries);
    }
}
