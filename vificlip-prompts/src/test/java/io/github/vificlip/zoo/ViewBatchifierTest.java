/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Videos of several views each batched as one batch of clips and split back per video. */
class ViewBatchifierTest {

    /** Video v, view w holds the value 10·v + w everywhere. */
    private static NDList video(NDManager manager, int v, int views) {
        float[] values = new float[views * 2];
        for (int w = 0; w < views; w++) {
            values[2 * w] = 10 * v + w;
            values[2 * w + 1] = 10 * v + w;
        }
        return new NDList(manager.create(values, new Shape(views, 2)));
    }

    @Test
    void batchesTheViewsOfAllVideosAndSplitsThemBackPerVideo() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ViewBatchifier batchifier = new ViewBatchifier(3);
            NDList[] videos = new NDList[4];
            for (int v = 0; v < videos.length; v++) {
                videos[v] = video(manager, v, 3);
            }

            NDList batch = batchifier.batchify(videos);
            assertThat(batch.singletonOrThrow().getShape()).isEqualTo(new Shape(12, 2));

            NDList[] back = batchifier.unbatchify(batch);
            assertThat(back).hasSize(4);
            for (int v = 0; v < 4; v++) {
                assertThat(back[v].singletonOrThrow().toFloatArray())
                        .containsExactly(videos[v].singletonOrThrow().toFloatArray());
            }

            NDList[] slices = batchifier.split(batch, 3, false); // 4 videos: 2 + 2
            assertThat(slices).hasSize(2);
            NDArray second = slices[1].singletonOrThrow();
            assertThat(second.getShape()).isEqualTo(new Shape(6, 2));
            assertThat(second.get(0).getFloat(0)).isEqualTo(20f); // video 2, view 0
            assertThatThrownBy(() -> batchifier.split(batch, 3, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4 videos cannot be split evenly into 3");
        }
    }

    @Test
    void aBatchThatIsNotWholeVideosIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList rows = new NDList(manager.zeros(new Shape(5, 2)));
            assertThatThrownBy(() -> new ViewBatchifier(2).unbatchify(rows))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5 rows is not a whole number of videos of 2 views");
        }
    }
}
