/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RgbConverter} alone, independent of any decoder: the {@code ffmpeg} 5.1 command line's own
 * decoded planes ({@code -pix_fmt yuv420p10le} etc.) must convert to exactly its {@code rgb24}
 * output, from packed heap buffers and from padded direct buffers alike.
 */
class RgbConverterGoldenTest {

    static List<ExactGoldens.Planes> planes() {
        return ExactGoldens.planes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planes")
    void convertsTheCommandLinesPlanesToItsRgb(ExactGoldens.Planes clip) throws Exception {
        byte[] yuv = ExactGoldens.yuv(clip.name());
        byte[] golden = ExactGoldens.rgb(clip.name());
        RgbConverter converter = new RgbConverter();
        int frameBytes = frameBytes(clip);
        assertThat(yuv).hasSize(frameBytes * clip.frames());
        for (int i = 0; i < clip.frames(); i++) {
            ExactGoldens.compare(
                    clip.name(), i, converter.convert(frame(clip, yuv, i, 0)), golden, 0);
            ExactGoldens.compare(
                    clip.name(), i, converter.convert(frame(clip, yuv, i, 37)), golden, 0);
        }
    }

    static List<ExactGoldens.Noise> noise() {
        return ExactGoldens.noise();
    }

    /**
     * Random samples at every size from 1x1 to 12x12: every pixel an edge, every size's own filter
     * (including filters longer than the image) and both chroma rounding directions.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("noise")
    void convertsRandomPlanesAtEverySmallSizeAsTheCommandLine(ExactGoldens.Noise noise)
            throws Exception {
        byte[] yuv = ExactGoldens.noise(noise.name(), "yuv");
        byte[] golden = ExactGoldens.noise(noise.name(), "rgb");
        PlanarFormat format = noise.format();
        RgbConverter converter = new RgbConverter();
        int in = 0;
        int out = 0;
        for (int w = 1; w <= noise.maxSize(); w++) {
            for (int h = 1; h <= noise.maxSize(); h++) {
                ByteBuffer[] planes = new ByteBuffer[3];
                int[] lineSizes = new int[3];
                for (int p = 0; p < 3; p++) {
                    lineSizes[p] = format.planeWidth(p, w) * format.bytesPerSample();
                    int bytes = lineSizes[p] * format.planeHeight(p, h);
                    planes[p] = ByteBuffer.wrap(yuv, in, bytes).slice();
                    in += bytes;
                }
                RgbFrame frame =
                        converter.convert(
                                new PlanarFrame(
                                        w,
                                        h,
                                        format,
                                        noise.fullRange(),
                                        YuvMatrix.BT601,
                                        planes,
                                        lineSizes));
                ExactGoldens.compareAt(noise.name() + " " + w + "x" + h, 0, frame, golden, out, 0);
                out += w * h * 3;
            }
        }
        assertThat(in).as("noise planes used").isEqualTo(yuv.length);
        assertThat(out).as("golden bytes used").isEqualTo(golden.length);
    }

    static List<ExactGoldens.Planes> yuvPlanes() {
        return ExactGoldens.planes().stream().filter(p -> p.format() != PlanarFormat.GBRP).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yuvPlanes")
    void theGoldensCatchAWrongRange(ExactGoldens.Planes clip) throws Exception {
        byte[] yuv = ExactGoldens.yuv(clip.name());
        byte[] golden = ExactGoldens.rgb(clip.name());
        ExactGoldens.Planes wrong =
                new ExactGoldens.Planes(
                        clip.name(),
                        clip.width(),
                        clip.height(),
                        clip.frames(),
                        clip.format(),
                        !clip.fullRange(),
                        clip.matrix());
        RgbFrame frame = new RgbConverter().convert(frame(wrong, yuv, 0, 0));
        assertThatThrownBy(() -> ExactGoldens.compare(clip.name(), 0, frame, golden, 0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(clip.name() + " frame 0");
    }

    private static int frameBytes(ExactGoldens.Planes clip) {
        int bytes = 0;
        for (int p = 0; p < 3; p++) {
            bytes +=
                    clip.format().planeWidth(p, clip.width())
                            * clip.format().bytesPerSample()
                            * clip.format().planeHeight(p, clip.height());
        }
        return bytes;
    }

    /** Frame {@code index} of packed planes, copied to rows {@code padding} bytes apart if > 0. */
    private static PlanarFrame frame(ExactGoldens.Planes clip, byte[] yuv, int index, int padding) {
        PlanarFormat format = clip.format();
        ByteBuffer[] planes = new ByteBuffer[3];
        int[] lineSizes = new int[3];
        int offset = index * frameBytes(clip);
        for (int p = 0; p < 3; p++) {
            int row = format.planeWidth(p, clip.width()) * format.bytesPerSample();
            int rows = format.planeHeight(p, clip.height());
            lineSizes[p] = row + padding;
            planes[p] =
                    padding == 0
                            ? ByteBuffer.wrap(yuv, offset, row * rows).slice()
                            : ByteBuffer.allocateDirect(lineSizes[p] * rows);
            if (padding > 0) {
                for (int r = 0; r < rows; r++) {
                    planes[p].put(r * lineSizes[p], yuv, offset + r * row, row);
                }
            }
            offset += row * rows;
        }
        return new PlanarFrame(
                clip.width(),
                clip.height(),
                format,
                clip.fullRange(),
                clip.matrix(),
                planes,
                lineSizes);
    }
}
