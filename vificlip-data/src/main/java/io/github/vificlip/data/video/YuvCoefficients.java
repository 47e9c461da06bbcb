/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * The fixed-point coefficients FFmpeg 5.1's swscale derives for one matrix and range ({@code
 * ff_yuv2rgb_c_init_tables} in {@code libswscale/yuv2rgb.c}, with brightness 0 and contrast and
 * saturation 1), in the three forms its YUV-to-RGB code paths use, each with the integer rounding
 * of the original.
 */
final class YuvCoefficients {

    private static final YuvCoefficients[] CACHE =
            new YuvCoefficients[YuvMatrix.values().length * 2];

    /** 16-bit coefficients of the SIMD special converter ({@code c->yCoeff} etc.). */
    final int simdY;

    final int simdYOffset;
    final int simdVr;
    final int simdUb;
    final int simdUg;
    final int simdVg;

    /**
     * The special converter's per-sample terms: {@code simdLuma[y]} is {@code pmulhw((y << 3) -
     * yOffset, yCoeff)} plus {@link Clip#OFFSET} (so that sums index {@link Clip#BYTE} directly),
     * the others {@code pmulhw((c << 3) - 1024, coeff)} for chroma value c.
     */
    final int[] simdLuma = new int[256];

    final int[] simdRedV = new int[256];
    final int[] simdBlueU = new int[256];
    final int[] simdGreenU = new int[256];
    final int[] simdGreenV = new int[256];

    /** Coefficients of the general path's full-chroma output ({@code c->yuv2rgb_y_coeff} etc.). */
    final int fullY;

    final int fullYOffset;
    final int fullVr;
    final int fullVg;
    final int fullUg;
    final int fullUb;

    /** The general path's lookup tables for half-chroma output ({@code c->yuvTable} etc.). */
    final byte[] yTable;

    final int[] tableRv;
    final int[] tableGu;
    final int[] tableGv;
    final int[] tableBu;

    private YuvCoefficients(YuvMatrix matrix, boolean fullRange) {
        long crv = matrix.vToRed();
        long cbu = matrix.uToBlue();
        long cgu = -matrix.uToGreen();
        long cgv = -matrix.vToGreen();
        long cy = 1 << 16;
        long oy = 0;
        if (!fullRange) {
            cy = (cy * 255) / 219;
            oy = 16 << 16;
        } else {
            crv = (crv * 224) / 255;
            cbu = (cbu * 224) / 255;
            cgu = (cgu * 224) / 255;
            cgv = (cgv * 224) / 255;
        }
        simdY = roundToInt16(cy << 13);
        simdYOffset = roundToInt16(oy << 3);
        simdVr = roundToInt16(crv << 13);
        simdUb = roundToInt16(cbu << 13);
        simdVg = roundToInt16(cgv << 13);
        simdUg = roundToInt16(cgu << 13);
        for (int i = 0; i < 256; i++) {
            int c = (i << 3) - 1024;
            simdLuma[i] = Clip.OFFSET + ((((i << 3) - simdYOffset) * simdY) >> 16);
            simdRedV[i] = (c * simdVr) >> 16;
            simdBlueU[i] = (c * simdUb) >> 16;
            simdGreenU[i] = (c * simdUg) >> 16;
            simdGreenV[i] = (c * simdVg) >> 16;
        }
        fullY = roundToInt16(cy << 13);
        fullYOffset = roundToInt16(oy << 9);
        fullVr = roundToInt16(crv << 13);
        fullVg = roundToInt16(cgv << 13);
        fullUg = roundToInt16(cgu << 13);
        fullUb = roundToInt16(cbu << 13);

        long scale = Math.max(cy, 1);
        crv = ((crv << 16) + 0x8000) / scale;
        cbu = ((cbu << 16) + 0x8000) / scale;
        cgu = ((cgu << 16) + 0x8000) / scale;
        cgv = ((cgv << 16) + 0x8000) / scale;
        yTable = new byte[TABLE_PLANE_SIZE];
        long yb = -(384L << 16) - HEADROOM * cy - oy;
        for (int i = 0; i < TABLE_PLANE_SIZE; i++) {
            yTable[i] = (byte) clipUint8((yb + 0x8000) >> 16);
            yb += cy;
        }
        int yOffsetInTable = (fullRange ? 384 : 326) + HEADROOM;
        tableRv = fillTable(crv, yOffsetInTable);
        tableGu = fillTable(cgu, yOffsetInTable);
        tableBu = fillTable(cbu, yOffsetInTable);
        tableGv = fillTable(cgv, 0);
    }

    /** Luma headroom of the table ({@code YUVRGB_TABLE_LUMA_HEADROOM}). */
    static final int HEADROOM = 512;

    private static final int TABLE_PLANE_SIZE = 1024 + 2 * HEADROOM;

    /**
     * Returns the coefficients for a matrix and range (computed once, then shared).
     *
     * @param matrix the matrix
     * @param fullRange whether the input is full range
     * @return the coefficients
     */
    static YuvCoefficients of(YuvMatrix matrix, boolean fullRange) {
        int key = matrix.ordinal() * 2 + (fullRange ? 1 : 0);
        synchronized (CACHE) {
            if (CACHE[key] == null) {
                CACHE[key] = new YuvCoefficients(matrix, fullRange);
            }
            return CACHE[key];
        }
    }

    /** {@code fill_table}: offsets into {@link #yTable} per chroma value (with headroom). */
    private static int[] fillTable(long inc, int base) {
        int[] table = new int[256 + 2 * HEADROOM];
        int start = base - (int) (inc >> 9);
        for (int i = 0; i < table.length; i++) {
            long cb = clipUint8(i - HEADROOM) * inc;
            table[i] = start + (int) (cb >> 16);
        }
        return table;
    }

    /** {@code roundToInt16}: rounds a 16.16 value to a signed 16-bit one. */
    private static int roundToInt16(long f) {
        long r = (f + (1 << 15)) >> 16;
        if (r < -0x7FFF) {
            return -0x8000;
        }
        return (int) Math.min(r, 0x7FFF);
    }

    private static int clipUint8(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
