/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.vificlip.loading.SilentProgress;
import io.github.vificlip.loading.UnreadableVideo;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.testing.TrainingFixtures;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoEvaluatorTest {

    @Test
    void unreadableRecordsAreLeftOutAndListedNotReplaced() throws Exception {
        try (ViFiClip model = TrainingFixtures.tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            RandomAccessDataset clips = TrainingFixtures.colourClips(manager, 4, 1);
            // Records 3 and 4 form one whole batch: that batch has nothing left to score.
            RandomAccessDataset damaged = new Unreadable(clips, Set.of(3L, 4L, 9L));

            EvaluationResult all =
                    evaluator().evaluate(model.getBlock(), clips, TrainingFixtures.CLASSES);
            EvaluationResult result =
                    evaluator().evaluate(model.getBlock(), damaged, TrainingFixtures.CLASSES);

            assertThat(all.videos()).isEqualTo(16);
            assertThat(result.videos()).isEqualTo(13);
            assertThat(java.util.Arrays.stream(result.support()).sum()).isEqualTo(13);
            assertThat(result.unreadable())
                    .containsExactly(
                            new UnreadableVideo(3, "clip-3.mp4: not a readable video container"),
                            new UnreadableVideo(4, "clip-4.mp4: not a readable video container"),
                            new UnreadableVideo(9, "clip-9.mp4: not a readable video container"));
            JsonNode json = result.toJson();
            assertThat(json.get("videos").asInt()).isEqualTo(13);
            assertThat(json.get("unreadable").asInt()).isEqualTo(3);
            assertThat(json.get("unreadableVideos").get(2).get("reason").asText())
                    .isEqualTo("clip-9.mp4: not a readable video container");
        }
    }

    @Test
    void failFastEndsAtTheFirstUnreadableRecord() throws Exception {
        try (ViFiClip model = TrainingFixtures.tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            RandomAccessDataset damaged =
                    new Unreadable(TrainingFixtures.colourClips(manager, 4, 1), Set.of(5L));
            VideoEvaluator evaluator =
                    VideoEvaluator.builder()
                            .setFramesPerView(2)
                            .optWorkers(2)
                            .optFailFast(true)
                            .optProgress(new SilentProgress())
                            .build();

            assertThatThrownBy(
                            () ->
                                    evaluator.evaluate(
                                            model.getBlock(), damaged, TrainingFixtures.CLASSES))
                    .isInstanceOf(IOException.class)
                    .hasMessage("clip-5.mp4: not a readable video container");
        }
    }

    private static VideoEvaluator evaluator() {
        return VideoEvaluator.builder()
                .setFramesPerView(2)
                .optWorkers(2)
                .optProgress(new SilentProgress())
                .build();
    }

    /** A dataset some of whose records cannot be read, as undecodable videos. */
    private static final class Unreadable extends RandomAccessDataset {
        private final RandomAccessDataset inner;
        private final Set<Long> bad;

        Unreadable(RandomAccessDataset inner, Set<Long> bad) {
            super(new ai.djl.training.dataset.ArrayDataset.Builder().setSampling(1, false));
            this.inner = inner;
            this.bad = bad;
        }

        @Override
        public Record get(NDManager manager, long index) throws IOException {
            if (bad.contains(index)) {
                throw new IOException("clip-" + index + ".mp4: not a readable video container");
            }
            return inner.get(manager, index);
        }

        @Override
        protected long availableSize() {
            return inner.size();
        }

        @Override
        public void prepare(Progress progress) {}
    }
}
