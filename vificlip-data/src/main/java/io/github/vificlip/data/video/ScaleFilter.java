/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

/**
 * One direction of swscale's resampling filter, as FFmpeg 5.1's {@code initFilter} ({@code
 * libswscale/utils.c}) builds it for the {@code ffmpeg} command line's default bicubic scaler (B =
 * 0, C = 0.6) on x86: 64-bit fixed-point taps, near-zero taps trimmed, the size padded to the SIMD
 * alignment, taps outside the source folded onto its edges, then normalised to {@code one} with the
 * rounding error carried from tap to tap. Output sample {@code i} is {@code sum over j of coeff(i,
 * j) * source[position(i) + j]}.
 */
final class ScaleFilter {

    private static final double MAX_REDUCE_CUTOFF = 0.002;

    final int size;
    final int[] position;
    final int[] coeff;

    private ScaleFilter(int size, int[] position, int[] coeff) {
        this.size = size;
        this.position = position;
        this.coeff = coeff;
    }

    /**
     * Builds the filter from {@code srcSize} to {@code dstSize} samples.
     *
     * @param srcSize source samples
     * @param dstSize destination samples
     * @param align the SIMD alignment of the filter size (4 horizontally, 2 vertically on x86)
     * @param one the sum the taps are normalised to (1 << 14 horizontally, 1 << 12 vertically)
     * @param srcPos the source's chroma position in 1/256 ({@code get_local_pos})
     * @param dstPos the destination's chroma position in 1/256
     * @return the filter
     */
    static ScaleFilter bicubic(
            int srcSize, int dstSize, int align, int one, int srcPos, int dstPos) {
        long inc = (((long) srcSize << 16) + (dstSize >> 1)) / dstSize;
        long fone = 1L << (54 - Math.min(log2(srcSize / dstSize), 8));
        int[] pos = new int[dstSize];
        int filterSize;
        long[] filter;
        if (Math.abs(inc - 0x10000) < 10 && srcPos == dstPos) {
            filterSize = 1;
            filter = new long[dstSize];
            for (int i = 0; i < dstSize; i++) {
                filter[i] = fone;
                pos[i] = i;
            }
        } else {
            filterSize = inc <= 1 << 16 ? 1 + 4 : 1 + (4 * srcSize + dstSize - 1) / dstSize;
            filterSize = Math.max(Math.min(filterSize, srcSize - 2), 1);
            filter = new long[dstSize * filterSize];
            long xDstInSrc = ((dstPos * inc) >> 7) - ((srcPos * 0x10000L) >> 7);
            for (int i = 0; i < dstSize; i++) {
                int xx = (int) ((xDstInSrc - (filterSize - 2) * (1L << 16)) / (1 << 17));
                pos[i] = xx;
                for (int j = 0; j < filterSize; j++) {
                    long d = Math.abs(((long) xx << 17) - xDstInSrc) << 13;
                    if (inc > 1 << 16) {
                        d = d * dstSize / srcSize;
                    }
                    filter[i * filterSize + j] = bicubicTap(d) / ((1L << 54) / fone);
                    xx++;
                }
                xDstInSrc += 2 * inc;
            }
        }
        return reduceAndNormalise(filter, filterSize, pos, srcSize, dstSize, align, one, fone);
    }

    /** The bicubic kernel at distance {@code d} (1 << 30 is one sample), B = 0, C = 0.6. */
    private static long bicubicTap(long d) {
        long b = 0;
        long c = (long) (0.6 * (1 << 24));
        if (d >= 1L << 31) {
            return 0;
        }
        long dd = (d * d) >> 30;
        long ddd = (dd * d) >> 30;
        if (d < 1L << 30) {
            return (12 * (1L << 24) - 9 * b - 6 * c) * ddd
                    + (-18 * (1L << 24) + 12 * b + 6 * c) * dd
                    + (6 * (1L << 24) - 2 * b) * (1L << 30);
        }
        return (-b - 6 * c) * ddd
                + (6 * b + 30 * c) * dd
                + (-12 * b - 48 * c) * d
                + (8 * b + 24 * c) * (1L << 30);
    }

    private static ScaleFilter reduceAndNormalise(
            long[] filter2,
            int filter2Size,
            int[] pos,
            int srcSize,
            int dstSize,
            int align,
            int one,
            long fone) {
        int minFilterSize = trimNearZeroTaps(filter2, filter2Size, pos, dstSize, fone);
        if (minFilterSize == 1 && align == 2) {
            align = 1;
        }
        int size = (minFilterSize + align - 1) & ~(align - 1);
        long[] filter = resize(filter2, filter2Size, size, dstSize);
        fixBorders(filter, size, pos, srcSize, dstSize);
        return new ScaleFilter(size, pos, normalise(filter, size, dstSize, one));
    }

    /**
     * Drops each row's leading taps while their running sum stays under the cut-off (moving the
     * row's position on, but never onto the next row's), and returns the longest row once its
     * trailing near-zero taps are left out.
     */
    private static int trimNearZeroTaps(
            long[] filter2, int filter2Size, int[] pos, int dstSize, long fone) {
        double cutOffLimit = MAX_REDUCE_CUTOFF * fone;
        int minFilterSize = 0;
        for (int i = dstSize - 1; i >= 0; i--) {
            int min = filter2Size;
            long cutOff = 0;
            int row = i * filter2Size;
            for (int j = 0; j < filter2Size; j++) {
                cutOff += Math.abs(filter2[row]);
                if (cutOff > cutOffLimit) {
                    break;
                }
                if (i < dstSize - 1 && pos[i] >= pos[i + 1]) {
                    break;
                }
                System.arraycopy(filter2, row + 1, filter2, row, filter2Size - 1);
                filter2[row + filter2Size - 1] = 0;
                pos[i]++;
            }
            cutOff = 0;
            for (int j = filter2Size - 1; j > 0; j--) {
                cutOff += Math.abs(filter2[row + j]);
                if (cutOff > cutOffLimit) {
                    break;
                }
                min--;
            }
            minFilterSize = Math.max(minFilterSize, min);
        }
        return minFilterSize;
    }

    /** Copies each row's first taps into rows of the new size, zero-padded. */
    private static long[] resize(long[] filter2, int filter2Size, int size, int dstSize) {
        long[] filter = new long[dstSize * size];
        for (int i = 0; i < dstSize; i++) {
            for (int j = 0; j < size && j < filter2Size; j++) {
                filter[i * size + j] = filter2[i * filter2Size + j];
            }
        }
        return filter;
    }

    /**
     * Scales each row to sum to {@code one} in integers, carrying each tap's rounding error to the
     * next.
     */
    private static int[] normalise(long[] filter, int size, int dstSize, int one) {
        int[] coeff = new int[dstSize * size];
        for (int i = 0; i < dstSize; i++) {
            long sum = 0;
            for (int j = 0; j < size; j++) {
                sum += filter[i * size + j];
            }
            sum = (sum + one / 2) / one;
            if (sum == 0) {
                sum = 1;
            }
            long error = 0;
            for (int j = 0; j < size; j++) {
                long v = filter[i * size + j] + error;
                long intV = v >= 0 ? (v + (sum >> 1)) / sum : (v - (sum >> 1)) / sum;
                coeff[i * size + j] = (int) intV;
                error = v - intV * sum;
            }
        }
        return coeff;
    }

    /** Folds taps that fall before the first or after the last source sample onto the edge. */
    private static void fixBorders(long[] filter, int size, int[] pos, int srcSize, int dstSize) {
        for (int i = 0; i < dstSize; i++) {
            int row = i * size;
            if (pos[i] < 0) {
                for (int j = 1; j < size; j++) {
                    int left = Math.max(j + pos[i], 0);
                    filter[row + left] += filter[row + j];
                    filter[row + j] = 0;
                }
                pos[i] = 0;
            }
            if (pos[i] + size > srcSize) {
                int shift = pos[i] + Math.min(size - srcSize, 0);
                long acc = 0;
                for (int j = size - 1; j >= 0; j--) {
                    if (pos[i] + j >= srcSize) {
                        acc += filter[row + j];
                        filter[row + j] = 0;
                    }
                }
                for (int j = size - 1; j >= 0; j--) {
                    filter[row + j] = j < shift ? 0 : filter[row + j - shift];
                }
                pos[i] -= shift;
                filter[row + srcSize - 1 - pos[i]] += acc;
            }
        }
    }

    /** FFmpeg's {@code av_log2}: the index of the highest set bit, 0 for 0. */
    private static int log2(int v) {
        return v <= 0 ? 0 : 31 - Integer.numberOfLeadingZeros(v);
    }
}
