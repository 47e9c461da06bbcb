/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.split.BaseNovelSplit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip split base-novel}: divides the classes into base and novel (by training
 * frequency, or as released label files say) and writes base/novel label CSVs and remapped lists.
 */
@Command(
        name = "base-novel",
        mixinStandardHelpOptions = true,
        description = {
            "Divide the classes into base and novel and write the split's label CSVs"
                    + " and lists.",
            "Writes base_labels.csv, novel_labels.csv, base_train.txt,"
                    + " novel_train.txt and, for each --val list, base_<name> and novel_<name>,"
                    + " with labels renumbered to the base and novel CSVs.",
            "Without --base-labels/--novel-labels the split follows the rule of"
                    + " ViFi-CLIP's released splits: classes sorted by training count (stable,"
                    + " ascending), the less frequent half novel."
        })
public final class SplitBaseNovelCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--labels", required = true, description = "Full label CSV (id,name).")
    private Path labels;

    @Option(names = "--train", required = true, description = "Full training list file.")
    private Path train;

    @Option(names = "--val", description = "Evaluation list files to split as well.")
    private List<Path> validation = List.of();

    @Option(
            names = "--base-labels",
            description = "Released base label CSV, read from disk (with --novel-labels).")
    private Path baseLabels;

    @Option(names = "--novel-labels", description = "Released novel label CSV, read from disk.")
    private Path novelLabels;

    @Option(names = "--out", required = true, description = "Folder for the files.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if ((baseLabels == null) != (novelLabels == null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--base-labels and --novel-labels go together");
        }
        LabelMap all = LabelMap.readCsv(labels);
        Path root = Path.of("");
        VideoList trainList = VideoList.read(train, root, all);
        BaseNovelSplit split =
                baseLabels != null
                        ? BaseNovelSplit.fromLabelFiles(all, baseLabels, novelLabels)
                        : BaseNovelSplit.byFrequency(trainList);
        split.base().writeCsv(out.resolve("base_labels.csv"));
        split.novel().writeCsv(out.resolve("novel_labels.csv"));
        PrintWriter print = spec.commandLine().getOut();
        print.printf(
                "classes: %d base, %d novel (of %d)%n",
                split.base().size(), split.novel().size(), all.size());
        write(print, split.baseList(trainList), "base_train.txt");
        write(print, split.novelList(trainList), "novel_train.txt");
        for (Path val : validation) {
            VideoList list = VideoList.read(val, root, all);
            String name = val.getFileName().toString();
            write(print, split.baseList(list), "base_" + name);
            write(print, split.novelList(list), "novel_" + name);
        }
        print.flush();
        return 0;
    }

    private void write(PrintWriter print, VideoList list, String name) throws IOException {
        Path file = out.resolve(name);
        list.write(file);
        print.printf("%s: %d videos%n", file, list.size());
    }
}
