/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The non-tensor entries of torch.save checkpoints, as plain values. */
class CheckpointEntriesTest {

    @Test
    void aViFiClipConfigComesBackAsNestedMaps() throws Exception {
        Object config =
                CheckpointEntries.read(Fixtures.path("vifi_clip_tiny.pth"), "config").orElseThrow();
        Map<String, Object> root = map(config);
        assertThat(root.keySet())
                .containsExactly("MODEL", "DATA", "TRAIN", "TRAINER", "SEED"); // file order
        assertThat(root.get("SEED")).isEqualTo(1024L);
        assertThat(map(root.get("MODEL")).get("ARCH")).isEqualTo("ViT-B/16");
        assertThat(map(root.get("TRAIN")).get("LR")).isEqualTo(2.2e-05);
        Map<String, Object> trainer = map(map(root.get("TRAINER")).get("ViFi_CLIP"));
        assertThat(trainer).containsEntry("USE", "both").containsEntry("ZS_EVAL", false);
    }

    @Test
    void otherValuesKeepTheirKindAndObjectsAreNamed() throws Exception {
        var file = Fixtures.path("real/checkpoint.pth");
        assertThat(CheckpointEntries.read(file, "epoch")).contains(3L);
        assertThat(CheckpointEntries.read(file, "args")).contains("<argparse.Namespace>");
        Map<String, Object> optimizer =
                map(CheckpointEntries.read(file, "optimizer").orElseThrow());
        Map<String, Object> group = map(((List<?>) optimizer.get("param_groups")).get(0));
        assertThat(group.get("betas")).isInstanceOf(List.class);
        assertThat(map(CheckpointEntries.read(file, "model").orElseThrow()).values())
                .isNotEmpty()
                .allMatch("<tensor>"::equals);
        assertThat(CheckpointEntries.read(file, "no such entry")).isEmpty();
    }

    @Test
    void filesOfOtherFormatsHaveNoEntries() throws Exception {
        assertThat(CheckpointEntries.read(Fixtures.path("openai_tiny.safetensors"), "config"))
                .isEmpty();
        assertThat(CheckpointEntries.read(Fixtures.path("openai_tiny_jit.pt"), "config")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
