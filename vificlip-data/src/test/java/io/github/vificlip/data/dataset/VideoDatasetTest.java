/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Record;
import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.list.VideoEntry;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.data.video.TestClips;
import io.github.vificlip.data.video.VideoFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class VideoDatasetTest {

    @TempDir static Path root;
    static VideoList videos;

    @BeforeAll
    static void writeDataset() throws Exception {
        TestClips.write(root.resolve("a/one.mp4"), VideoFormat.MP4_H264, 40, 10);
        TestClips.write(root.resolve("a/two.avi"), VideoFormat.AVI_XVID, 30, 10);
        Files.writeString(root.resolve("a/broken.mp4"), "this is not a video");
        TestClips.write(root.resolve("b/three.webm"), VideoFormat.WEBM_VP9, 25, 10);
        TestClips.write(root.resolve("b/four.webm"), VideoFormat.WEBM_VP8, 12, 10);
        Files.writeString(
                root.resolve("labels.csv"), "id,name\r\n0,\"archery, indoors\"\r\n1,surfing\r\n");
        Files.writeString(
                root.resolve("train.txt"),
                "a/one.mp4 0\na/two.avi 0\na/broken.mp4 0\nb/missing.mp4 1\nb/three.webm 1\n"
                        + "b/four.webm 1\n");
        videos =
                VideoList.read(
                        root.resolve("train.txt"),
                        root,
                        LabelMap.readCsv(root.resolve("labels.csv")));
    }

    private static VideoDataset.Builder train() {
        return VideoDataset.builder()
                .setVideos(videos)
                .setSampler(SegmentSampler.train(4))
                .setTransform(TrainTransform.builder().optSize(32).build())
                .optSeed(7);
    }

    @Test
    void recordsAreFloatClipsWithInt64Labels() throws Exception {
        VideoDataset dataset = train().setSampling(2, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Record record = dataset.get(manager, 4);
            NDArray video = record.getData().singletonOrThrow();
            NDArray label = record.getLabels().singletonOrThrow();
            assertThat(video.getShape().getShape()).containsExactly(4, 3, 32, 32);
            assertThat(video.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(label.getShape().dimension()).isZero();
            assertThat(label.getDataType()).isEqualTo(DataType.INT64);
            assertThat(label.getLong()).isEqualTo(1);
        }
        assertThat(dataset.classNames()).containsExactly("archery, indoors", "surfing");
        assertThat(dataset.framesPerView()).isEqualTo(4);
        assertThat(dataset.views()).isEqualTo(1);
    }

    @Test
    void sameSeedGivesTheSameClipsAndAnotherPassNewAugmentations() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] a =
                    train().setSampling(1, false)
                            .build()
                            .get(manager, 0)
                            .getData()
                            .head()
                            .toFloatArray();
            float[] b =
                    train().setSampling(1, false)
                            .build()
                            .get(manager, 0)
                            .getData()
                            .head()
                            .toFloatArray();
            assertThat(a).isEqualTo(b);

            VideoDataset dataset = train().setSampling(6, false).optDecodeThreads(1).build();
            List<float[]> firstClips = new ArrayList<>();
            List<float[]> secondClips = new ArrayList<>();
            for (Batch batch : dataset.getData(manager)) {
                firstClips.add(batch.getData().head().get(0).toFloatArray());
                batch.close();
            }
            for (Batch batch : dataset.getData(manager)) {
                secondClips.add(batch.getData().head().get(0).toFloatArray());
                batch.close();
            }
            assertThat(firstClips.get(0)).isNotEqualTo(secondClips.get(0));
        }
    }

    @Test
    void setPassReplaysThatPassesAugmentations() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            VideoDataset first = train().setSampling(1, false).build();
            first.setPass(3);
            float[] pass3 = first.get(manager, 1).getData().head().toFloatArray();
            first.setPass(4);
            float[] pass4 = first.get(manager, 1).getData().head().toFloatArray();

            VideoDataset resumed = train().setSampling(1, false).build();
            resumed.setPass(3);

            assertThat(resumed.getPass()).isEqualTo(3);
            assertThat(resumed.get(manager, 1).getData().head().toFloatArray()).isEqualTo(pass3);
            assertThat(pass4).isNotEqualTo(pass3);
        }
    }

    @Test
    void unreadableVideosAreReplacedCountedAndSummarisedPerPass() throws Exception {
        VideoDataset dataset = train().setSampling(2, false).optDecodeThreads(2).build();
        List<Long> labels = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Batch batch : dataset.getData(manager)) {
                assertThat(batch.getData().head().getShape().getShape())
                        .containsExactly(2, 4, 3, 32, 32);
                for (long label : batch.getLabels().head().toLongArray()) {
                    labels.add(label);
                }
                batch.close();
            }
        }
        // broken.mp4 (label 0) and missing.mp4 (label 1) were replaced by the next readable video,
        // three.webm (label 1) in both cases.
        assertThat(labels).containsExactly(0L, 0L, 1L, 1L, 1L, 1L);
        assertThat(dataset.failures().knownBad()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(dataset.failures().currentPass()).isEmpty(); // the summary ended the pass

        try (NDManager manager = NDManager.newBaseManager()) {
            dataset.get(manager, 2);
        }
        // Known-bad videos are not decoded again, but still count in this pass's failures: video 2
        // and its first replacement (3) were both passed over.
        assertThat(dataset.failures().currentPass())
                .extracting(DecodeFailure::path)
                .containsExactly(root.resolve("a/broken.mp4"), root.resolve("b/missing.mp4"));
        String summary = summaryOfFreshPass();
        assertThat(summary)
                .contains("2 unreadable videos (replaced by other videos)")
                .contains(root.resolve("a/broken.mp4") + ": not a readable video container")
                .contains(root.resolve("b/missing.mp4") + ": no such file");
    }

    private static String summaryOfFreshPass() throws Exception {
        VideoDataset dataset = train().setSampling(1, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            dataset.get(manager, 2);
            dataset.get(manager, 3);
        }
        return dataset.failures().endPass();
    }

    @Test
    void evaluationDatasetsThrowForUnreadableVideosInsteadOfReplacing() throws Exception {
        VideoDataset dataset = train().setSampling(1, false).optReplaceUnreadable(false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 2; round++) { // the second time it is known bad
                assertThatThrownBy(() -> dataset.get(manager, 2))
                        .isInstanceOfSatisfying(
                                UnreadableVideoException.class,
                                e ->
                                        assertThat(e.failure().path())
                                                .isEqualTo(root.resolve("a/broken.mp4")))
                        .hasMessageStartingWith(root.resolve("a/broken.mp4").toString());
            }
            assertThat(dataset.get(manager, 4).getLabels().head().getLong()).isEqualTo(1L);
        }
        assertThat(dataset.failures().endPass()).contains("1 unreadable video (left out)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void foldersFifosAndMissingFilesInAListAreUnreadableByNameWithoutBlocking(@TempDir Path other)
            throws Exception {
        Files.createDirectories(other.resolve("c/folder.mp4"));
        boolean fifo =
                new ProcessBuilder("mkfifo", other.resolve("c/fifo.mp4").toString())
                                .start()
                                .waitFor()
                        == 0;
        List<String> expected =
                new ArrayList<>(
                        List.of(
                                "c/folder.mp4: is a directory, not a video file",
                                "c/gone.mp4: no such file"));
        if (fifo) {
            expected.add("c/fifo.mp4: is not a regular file (a FIFO, device or socket)");
        }
        List<VideoEntry> entries =
                expected.stream()
                        .map(e -> new VideoEntry(e.substring(0, e.indexOf(':')), 0))
                        .toList();
        VideoDataset dataset =
                VideoDataset.builder()
                        .setVideos(VideoList.of(other, videos.labels(), entries))
                        .setSampler(SegmentSampler.test(4))
                        .setTransform(EvalTransform.builder().optSize(32).build())
                        .optReplaceUnreadable(false)
                        .setSampling(1, false)
                        .build();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < expected.size(); i++) {
                int index = i;
                assertThatThrownBy(() -> dataset.get(manager, index))
                        .isInstanceOf(UnreadableVideoException.class)
                        .hasMessageStartingWith(other + "/" + expected.get(i));
            }
        }
    }

    @Test
    void aStoppedPassMarksNoVideoUnreadable() throws Exception {
        VideoDataset dataset = train().setSampling(1, false).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            Thread.currentThread().interrupt(); // as shutdownNow() does to the loading threads
            try {
                assertThatThrownBy(() -> dataset.get(manager, 0))
                        .isInstanceOf(java.io.InterruptedIOException.class)
                        .hasMessageContaining("one.mp4");
            } finally {
                Thread.interrupted();
            }
            assertThat(dataset.failures().knownBad()).isEmpty();
            assertThat(dataset.failures().currentPass()).isEmpty();
            assertThat(dataset.get(manager, 0).getData().head().getShape().get(0)).isEqualTo(4);
        }
    }

    @Test
    void failFastThrowsNamingTheVideo() {
        VideoDataset dataset = train().setSampling(1, false).optFailFast(true).build();

        assertThatThrownBy(
                        () -> {
                            try (NDManager manager = NDManager.newBaseManager()) {
                                dataset.get(manager, 3);
                            }
                        })
                .hasMessage(root.resolve("b/missing.mp4") + ": no such file");
    }

    @Test
    void multiViewRecordsAreCropMajorViewsOfTFrames() throws Exception {
        VideoDataset dataset =
                VideoDataset.builder()
                        .setVideos(videos)
                        .setSampler(SegmentSampler.multiView(4, 2))
                        .setTransform(EvalTransform.builder().optSize(32).optCrops(3).build())
                        .setSampling(1, false)
                        .build();

        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray video = dataset.get(manager, 0).getData().head();
            assertThat(dataset.views()).isEqualTo(6);
            assertThat(video.getShape().getShape()).containsExactly(24, 3, 32, 32);
            // 96x64 frames -> short side 32 -> 48x32: crops at x = 0, 16, 8. The left and right
            // crops of the same frame differ; each view is T=4 frames.
            NDArray views = video.reshape(3, 2, 4, 3, 32, 32);
            assertThat(views.get(0, 0).contentEquals(views.get(1, 0))).isFalse();
        }
    }

    @Test
    void missingPartsFailAtBuild() {
        assertThatThrownBy(() -> VideoDataset.builder().setVideos(videos).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setSampler");
    }
}
