/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * mmaction's {@code MultiScaleCrop} with {@code random_crop=False}, as ViFi-CLIP trains: the crop
 * sides are {@code (int) (base * scale)} for {@code base = min(W, H)} and the scales (default 1,
 * .875, .75, .66: 256, 224, 192, 168 on a 256-pixel short side); a (width, height) pair is chosen
 * uniformly among those whose scale indices differ by at most {@code maxScaleGap}; a side within 3
 * pixels of the target size snaps to it; the offset is one of five fixed positions chosen
 * uniformly: upper left, upper right, lower left, lower right, centre, with {@code step = (W - cw)
 * / 4} (and likewise for H), the far positions at {@code 4*step} and the centre at {@code 2*step}.
 */
public final class MultiScaleCrop {

    /** The reference's scales. */
    public static final double[] DEFAULT_SCALES = {1, .875, .75, .66};

    private final int size;
    private final double[] scales;
    private final int maxScaleGap;

    /**
     * Creates the crop chooser.
     *
     * @param size the side the crop is resized to afterwards (224), used for the 3-pixel snap
     * @param scales the crop scales relative to the short side, each in (0, 1]
     * @param maxScaleGap how far apart the width and height scale indices may be (1)
     * @throws IllegalArgumentException if a value is out of range
     */
    public MultiScaleCrop(int size, double[] scales, int maxScaleGap) {
        if (size <= 0) {
            throw new IllegalArgumentException("Crop size must be positive, got " + size);
        }
        if (scales.length == 0) {
            throw new IllegalArgumentException("At least one crop scale is needed");
        }
        for (double scale : scales) {
            if (!(scale > 0 && scale <= 1)) {
                throw new IllegalArgumentException("Crop scales must be in (0, 1], got " + scale);
            }
        }
        if (maxScaleGap < 0) {
            throw new IllegalArgumentException("maxScaleGap must be >= 0, got " + maxScaleGap);
        }
        this.size = size;
        this.scales = scales.clone();
        this.maxScaleGap = maxScaleGap;
    }

    /**
     * The candidate (width, height) pairs for an image, in the reference's order (height scale
     * outer, width scale inner), before the snap.
     *
     * @param width the image width
     * @param height the image height
     * @return the pairs as {@code {cropWidth, cropHeight}}
     */
    public List<int[]> candidateSizes(int width, int height) {
        int base = Math.min(width, height);
        int[] sides = Arrays.stream(scales).mapToInt(s -> (int) (base * s)).toArray();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < sides.length; i++) {
            for (int j = 0; j < sides.length; j++) {
                if (Math.abs(i - j) <= maxScaleGap) {
                    pairs.add(new int[] {sides[j], sides[i]});
                }
            }
        }
        return pairs;
    }

    /**
     * The crop for a given pair and offset position, with the snap applied.
     *
     * @param width the image width
     * @param height the image height
     * @param pair an index into {@link #candidateSizes}
     * @param position 0 upper left, 1 upper right, 2 lower left, 3 lower right, 4 centre
     * @return the crop box
     * @throws IllegalArgumentException if an index is out of range
     */
    public CropBox crop(int width, int height, int pair, int position) {
        int[] chosen = candidateSizes(width, height).get(pair);
        int cw = Math.abs(chosen[0] - size) < 3 ? size : chosen[0];
        int ch = Math.abs(chosen[1] - size) < 3 ? size : chosen[1];
        int wStep = (width - cw) / 4;
        int hStep = (height - ch) / 4;
        return switch (position) {
            case 0 -> new CropBox(0, 0, cw, ch);
            case 1 -> new CropBox(4 * wStep, 0, cw, ch);
            case 2 -> new CropBox(0, 4 * hStep, cw, ch);
            case 3 -> new CropBox(4 * wStep, 4 * hStep, cw, ch);
            case 4 -> new CropBox(2 * wStep, 2 * hStep, cw, ch);
            default -> throw new IllegalArgumentException("Offset position 0-4, got " + position);
        };
    }

    /**
     * Draws a crop: first the size pair, then the offset position, each uniformly.
     *
     * @param width the image width
     * @param height the image height
     * @param random the random source
     * @return the crop box
     */
    public CropBox choose(int width, int height, SplittableRandom random) {
        int pair = random.nextInt(candidateSizes(width, height).size());
        int position = random.nextInt(5);
        return crop(width, height, pair, position);
    }
}
