/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanarFrame}'s checks, {@link YuvMatrix}'s tag mapping and {@link RgbConverter} basics.
 */
class PlanarFrameTest {

    @Test
    void refusesAStrideShorterThanARowNamingThePlane() {
        assertThatThrownBy(() -> yuv420(5, 4, new int[] {5, 2, 3}, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plane 1 of a 5x4 YUV420P frame")
                .hasMessageContaining("line size >= 3");
    }

    @Test
    void refusesABufferTooSmallForItsPlane() {
        assertThatThrownBy(() -> yuv420(8, 8, new int[] {8, 4, 4}, 40))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plane 0")
                .hasMessageContaining("64 bytes")
                .hasMessageContaining("got line size 8 and 40 bytes");
    }

    @Test
    void countsTwoBytesPerTenBitSample() {
        ByteBuffer[] planes = {
            ByteBuffer.allocate(2 * 3 * 3), ByteBuffer.allocate(2 * 2 * 2), ByteBuffer.allocate(8)
        };
        assertThatThrownBy(
                        () ->
                                new PlanarFrame(
                                        3,
                                        3,
                                        PlanarFormat.YUV420P10,
                                        false,
                                        YuvMatrix.BT601,
                                        planes,
                                        new int[] {3, 2, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line size >= 6");
    }

    @Test
    void refusesWrongPlaneCountsAndSizes() {
        assertThatThrownBy(
                        () ->
                                new PlanarFrame(
                                        2,
                                        2,
                                        PlanarFormat.YUV444P,
                                        false,
                                        YuvMatrix.BT601,
                                        new ByteBuffer[] {ByteBuffer.allocate(4)},
                                        new int[] {2}))
                .hasMessageContaining("needs 3 planes");
        assertThatThrownBy(() -> yuv420(0, 4, new int[] {8, 4, 4}, 64))
                .hasMessageContaining("positive");
    }

    @Test
    void refusesAnOutputArrayOfTheWrongLength() {
        PlanarFrame frame = yuv420(4, 2, new int[] {4, 2, 2}, 8);
        assertThatThrownBy(() -> new RgbConverter().convert(frame, new byte[23]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 24 bytes, got 23");
    }

    @Test
    void mapsColourSpaceTagsAsTheCommandLineDoes() {
        assertThat(YuvMatrix.fromAvColorSpace(1)).isEqualTo(YuvMatrix.BT709);
        assertThat(YuvMatrix.fromAvColorSpace(4)).isEqualTo(YuvMatrix.FCC);
        assertThat(YuvMatrix.fromAvColorSpace(7)).isEqualTo(YuvMatrix.SMPTE240M);
        assertThat(YuvMatrix.fromAvColorSpace(9)).isEqualTo(YuvMatrix.BT2020);
        assertThat(YuvMatrix.fromAvColorSpace(10)).isEqualTo(YuvMatrix.BT2020);
        for (long unspecifiedOrOther : new long[] {0, 2, 3, 5, 6, 8, 11, 14, -1, 1L << 40}) {
            assertThat(YuvMatrix.fromAvColorSpace(unspecifiedOrOther))
                    .as("code %d", unspecifiedOrOther)
                    .isEqualTo(YuvMatrix.BT601);
        }
    }

    @Test
    void readsFfmpegFormatNamesAndRangesAsTheCommandLineDoes() {
        assertThat(PlanarFormat.fromFfmpegName("yuvj420p")).isEqualTo(PlanarFormat.YUV420P);
        assertThat(PlanarFormat.fromFfmpegName("yuv422p10le")).isEqualTo(PlanarFormat.YUV422P10);
        assertThat(PlanarFormat.fromFfmpegName("gbrp")).isEqualTo(PlanarFormat.GBRP);
        assertThat(PlanarFormat.fromFfmpegName("nv12")).isNull();
        assertThat(PlanarFormat.fromFfmpegName("yuv420p12le")).isNull();
        assertThat(PlanarFormat.isFullRange("yuvj420p", 0)).isTrue();
        assertThat(PlanarFormat.isFullRange("yuvj420p", 1)).isFalse();
        assertThat(PlanarFormat.isFullRange("yuv420p", 0)).isFalse();
        assertThat(PlanarFormat.isFullRange("yuv420p", 2)).isTrue();
    }

    @Test
    void limitedRangeBlackAndWhiteOnEveryPath() {
        // {width, height, white}: 4x2 takes the special converter, 3x3 the general path with full
        // chroma, 4x3 the general path's lookup tables, whose white is 253 (yuvTable's offset of
        // 326): `ffmpeg -f rawvideo -pix_fmt yuv420p -s 4x3 -i white.yuv -pix_fmt rgb24` says so.
        for (int[] size : new int[][] {{4, 2, 255}, {3, 3, 255}, {4, 3, 253}}) {
            for (int[] level : new int[][] {{16, 0}, {235, size[2]}}) {
                int w = size[0];
                int h = size[1];
                int cw = (w + 1) / 2;
                int ch = (h + 1) / 2;
                ByteBuffer[] planes = {
                    filled(w * h, level[0]), filled(cw * ch, 128), filled(cw * ch, 128)
                };
                PlanarFrame frame =
                        new PlanarFrame(
                                w,
                                h,
                                PlanarFormat.YUV420P,
                                false,
                                YuvMatrix.BT709,
                                planes,
                                new int[] {w, cw, cw});
                assertThat(new RgbConverter().convert(frame).data())
                        .as("%dx%d luma %d", w, h, level[0])
                        .containsOnly((byte) level[1]);
            }
        }
    }

    private static ByteBuffer filled(int size, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            buffer.put(i, (byte) value);
        }
        return buffer;
    }

    private static PlanarFrame yuv420(int w, int h, int[] lineSizes, int bufferSize) {
        ByteBuffer[] planes = {
            ByteBuffer.allocate(bufferSize), ByteBuffer.allocate(64), ByteBuffer.allocate(64)
        };
        return new PlanarFrame(
                w, h, PlanarFormat.YUV420P, false, YuvMatrix.BT601, planes, lineSizes);
    }
}
