/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vificlip.data.list.DataFormatException;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoEntry;
import io.github.vificlip.data.list.VideoList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {

    @TempDir Path dir;

    /** Class i gets counts[i] videos named c{i}_{j}.avi. */
    private VideoList listWithCounts(String[] names, int... counts) {
        List<VideoEntry> entries = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++) {
                entries.add(new VideoEntry("c" + c + "_" + j + ".avi", c));
            }
        }
        return VideoList.of(dir, LabelMap.of(List.of(names)), entries);
    }

    @Test
    void frequencyRuleMakesTheLessFrequentHalfNovelInAscendingOrder() {
        VideoList train = listWithCounts(new String[] {"a", "b", "c", "d", "e"}, 9, 3, 7, 3, 5);

        BaseNovelSplit split = BaseNovelSplit.byFrequency(train);

        // ascending, stable: b(3) d(3) e(5) c(7) a(9); 5 classes -> 2 novel, 3 base
        assertThat(split.novel().names()).containsExactly("b", "d");
        assertThat(split.base().names()).containsExactly("e", "c", "a");
        VideoList base = split.baseList(train);
        assertThat(base.size()).isEqualTo(21);
        assertThat(base.entries())
                .contains(new VideoEntry("c0_0.avi", 2), new VideoEntry("c4_4.avi", 0));
        assertThat(split.novelList(train).entries()).contains(new VideoEntry("c3_1.avi", 1));
    }

    @Test
    void equalCountsKeepAlphabeticalOrderAsHmdb() {
        String[] names = new String[51];
        int[] counts = new int[51];
        for (int i = 0; i < 51; i++) {
            names[i] = String.format("class%02d", i);
            counts[i] = 2;
        }
        BaseNovelSplit split = BaseNovelSplit.byFrequency(listWithCounts(names, counts));

        assertThat(split.novel().size()).isEqualTo(25);
        assertThat(split.base().size()).isEqualTo(26);
        assertThat(split.novel().name(0)).isEqualTo("class00");
        assertThat(split.base().name(0)).isEqualTo("class25");
    }

    @Test
    void releasedLabelFilesAreReadFromDiskAndChecked() throws Exception {
        LabelMap all = LabelMap.of(List.of("abseiling", "archery", "surfing", "yoga"));
        Path base =
                Files.writeString(dir.resolve("base.csv"), "id,name\r\n0,yoga\r\n1,abseiling\r\n");
        Path novel = Files.writeString(dir.resolve("novel.csv"), "id,name\n0,surfing\n1,archery\n");
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "id,name\n0,surfing\n1,skating\n");

        BaseNovelSplit split = BaseNovelSplit.fromLabelFiles(all, base, novel);

        assertThat(split.base().names()).containsExactly("yoga", "abseiling");
        VideoList full =
                VideoList.of(
                        dir,
                        all,
                        List.of(new VideoEntry("val/x.mp4", 0), new VideoEntry("y.mp4", 2)));
        // "abseiling" is row 1 of the base CSV, as the K400 example in SPEC 5.1 (0 -> 169).
        assertThat(split.baseList(full).entries()).containsExactly(new VideoEntry("val/x.mp4", 1));
        assertThatThrownBy(() -> BaseNovelSplit.fromLabelFiles(all, base, wrong))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(wrong + ":3: class \"skating\" is not in the full label file");
    }

    @Test
    void kShotTakesExactlyKPerClassReproducibly() {
        VideoList train = listWithCounts(new String[] {"a", "b", "c"}, 30, 20, 16);

        VideoList one = KShotSampler.builder().setShots(16).optSeed(1).build().sample(train);
        VideoList again = KShotSampler.builder().setShots(16).optSeed(1).build().sample(train);
        VideoList other = KShotSampler.builder().setShots(16).optSeed(2).build().sample(train);

        assertThat(one.countsPerClass()).containsExactly(16, 16, 16);
        assertThat(one.entries()).isEqualTo(again.entries());
        assertThat(one.entries()).isNotEqualTo(other.entries());
        assertThat(train.entries()).containsAll(one.entries());
        assertThat(new HashSet<>(one.entries())).hasSize(48);
        // Same seed on any machine: SplittableRandom's algorithm is fixed by its specification.
        // Pinned so that a change of the draw (which would change users' split files) fails here.
        assertThat(one.entries().subList(0, 16).stream().map(VideoEntry::path).toList())
                .isEqualTo(PINNED_CLASS_A_SEED_1);
    }

    private static final List<String> PINNED_CLASS_A_SEED_1 =
            List.of(
                    "c0_2.avi",
                    "c0_3.avi",
                    "c0_5.avi",
                    "c0_7.avi",
                    "c0_10.avi",
                    "c0_11.avi",
                    "c0_13.avi",
                    "c0_16.avi",
                    "c0_17.avi",
                    "c0_18.avi",
                    "c0_19.avi",
                    "c0_21.avi",
                    "c0_22.avi",
                    "c0_23.avi",
                    "c0_25.avi",
                    "c0_28.avi");

    @Test
    void differentKAreIndependentDrawsNotNested() {
        VideoList train = listWithCounts(new String[] {"a", "b"}, 200, 200);
        int nested = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Set<VideoEntry> two =
                    new HashSet<>(
                            KShotSampler.builder()
                                    .setShots(2)
                                    .optSeed(seed)
                                    .build()
                                    .sample(train)
                                    .entries());
            Set<VideoEntry> four =
                    new HashSet<>(
                            KShotSampler.builder()
                                    .setShots(4)
                                    .optSeed(seed)
                                    .build()
                                    .sample(train)
                                    .entries());
            if (four.containsAll(two)) {
                nested++;
            }
        }
        assertThat(nested).isLessThan(3);
    }

    @Test
    void classWithTooFewVideosIsNamedUnlessAllowed() {
        VideoList train = listWithCounts(new String[] {"a", "rare one"}, 10, 3);

        assertThatThrownBy(() -> KShotSampler.builder().setShots(4).build().sample(train))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Class 1 \"rare one\" has 3 videos, fewer than K=4");
        VideoList relaxed =
                KShotSampler.builder().setShots(4).optAllowFewer(true).build().sample(train);
        assertThat(relaxed.countsPerClass()).containsExactly(4, 3);
    }
}
