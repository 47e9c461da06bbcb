/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video model round-trips through DJL's own parameter format. */
class DjlFormatTest {

    @Test
    void modelSaveAndLoadRoundTrip(@TempDir Path dir) throws IOException, MalformedModelException {
        float[] expected;
        try (Model model = Model.newInstance("tiny-vificlip", Device.cpu())) {
            ViFiClipBlock block = TuningTest.tinyBlock(TuningMode.BOTH);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, block.initializationShape());
            block.loadStateDict(TinyClip.weights(model.getNDManager()), true);
            expected = logits(model, block);
            model.save(dir, "tiny-vificlip");
        }
        try (Model model = Model.newInstance("tiny-vificlip", Device.cpu())) {
            ViFiClipBlock block = TuningTest.tinyBlock(TuningMode.IMAGE);
            model.setBlock(block);
            model.load(dir, "tiny-vificlip");
            assertThat(logits(model, block)).isEqualTo(expected);
            // the loaded arrays carry the tuning mode's gradient flags
            block.getClip()
                    .namedParameters()
                    .forEach(
                            (name, parameter) ->
                                    assertThat(parameter.getArray().hasGradient())
                                            .as(name)
                                            .isEqualTo(TuningMode.IMAGE.trains(name)));
        }
    }

    @Test
    void blocksWriteAVersionByteAndRejectAnUnknownOne() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ViFiClipBlock block = TuningTest.tinyBlock(TuningMode.NONE);
            block.initialize(manager, DataType.FLOAT32, block.initializationShape());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            byte[] saved = bytes.toByteArray();
            assertThat(saved[0]).isEqualTo((byte) 1);

            saved[0] = 9;
            ViFiClipBlock other = TuningTest.tinyBlock(TuningMode.NONE);
            assertThatThrownBy(
                            () ->
                                    other.loadParameters(
                                            manager,
                                            new DataInputStream(new ByteArrayInputStream(saved))))
                    .isInstanceOf(MalformedModelException.class)
                    .hasMessageContaining("ViFiClipBlock")
                    .hasMessageContaining("expected version 1, got 9");
        }
    }

    private static float[] logits(Model model, ViFiClipBlock block) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            NDArray video = TinyClip.golden(step).get("video");
            return block.forward(new ParameterStore(step, false), new NDList(video), false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }
}
