/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsFormatTest {

    @TempDir Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "openai_tiny.safetensors, SAFETENSORS",
        "hf_tiny.safetensors, SAFETENSORS",
        "open_clip_tiny_epoch_32.pt, TORCH_ZIP",
        "vifi_clip_tiny.pth, TORCH_ZIP",
        "openai_tiny_jit.pt, TORCHSCRIPT",
        "tensor_views.pt, TORCH_ZIP"
    })
    void tellsFormatsApartByContent(String fixture, WeightsFormat format) throws Exception {
        assertThat(WeightsFormat.detect(Fixtures.path(fixture))).isEqualTo(format);
    }

    @Test
    void contentWinsOverTheExtension() throws Exception {
        Path renamed = temp.resolve("pytorch_model.bin");
        Files.copy(Fixtures.path("openai_tiny.safetensors"), renamed);

        assertThat(WeightsFormat.detect(renamed)).isEqualTo(WeightsFormat.SAFETENSORS);
    }

    @Test
    void truncatedZipIsCalledDamaged() {
        Path file = Fixtures.path("truncated.pth");

        assertThatThrownBy(() -> WeightsFormat.detect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageStartingWith(file + ": damaged zip archive")
                .hasMessageContaining("truncated");
    }

    @Test
    void legacyTorchSaveSaysHowToConvert() {
        Path file = Fixtures.path("legacy_format.pt");

        assertThatThrownBy(() -> WeightsFormat.detect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("legacy format")
                .hasMessageContaining(
                        "torch.save(torch.load('legacy_format.pt', map_location='cpu',"
                                + " weights_only=True), 'converted.pt')");
    }

    @Test
    void otherFilesAreRefusedSayingWhatTheyStartWith() {
        Path file = Fixtures.path("not_weights.txt");

        assertThatThrownBy(() -> WeightsFormat.detect(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("is not a weights file (47 bytes, starting")
                .hasMessageContaining("'These ar'")
                .hasMessageContaining("expected safetensors, a PyTorch checkpoint");
    }

    @Test
    void zipsOfOtherThingsAreNamed() throws Exception {
        Path npz = temp.resolve("weights.npz");
        zip(npz, "visual.proj.npy");
        Path other = temp.resolve("photos.zip");
        zip(other, "a.jpg");
        Path hfFolder = Files.createDirectory(temp.resolve("clip-vit-base-patch16"));

        assertThatThrownBy(() -> WeightsFormat.detect(npz)).hasMessageContaining("NumPy .npz");
        assertThatThrownBy(() -> WeightsFormat.detect(other))
                .hasMessageContaining("without a data.pkl record")
                .hasMessageContaining("a.jpg");
        assertThatThrownBy(() -> WeightsFormat.detect(hfFolder))
                .hasMessageContaining("is a directory")
                .hasMessageContaining("model.safetensors");
        assertThatThrownBy(() -> WeightsFormat.detect(temp.resolve("absent.pt")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void barePickleIsNotATorchArchive() throws Exception {
        Path file = temp.resolve("state.pkl");
        Files.write(file, new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '.'});

        assertThatThrownBy(() -> WeightsFormat.detect(file))
                .hasMessageContaining("bare Python pickle");
    }

    private static void zip(Path file, String entry) throws Exception {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
    }
}
