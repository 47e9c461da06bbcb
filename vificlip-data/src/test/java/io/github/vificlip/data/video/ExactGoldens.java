/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.data.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The clips and golden frames made by {@code src/test/scripts/make-exact-rgb-goldens.sh} from the
 * {@code ffmpeg} 5.1 command line: their manifests, and a byte comparison that names the first
 * differing pixel.
 */
final class ExactGoldens {

    private static final String ROOT = "exact/";

    private ExactGoldens() {}

    /** One row of {@code clips.tsv}. */
    record Clip(String name, int width, int height, int frames, String pixFmt, int maxDifference) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One row of {@code planes.tsv}. */
    record Planes(
            String name,
            int width,
            int height,
            int frames,
            PlanarFormat format,
            boolean fullRange,
            YuvMatrix matrix) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One row of {@code noise.tsv}. */
    record Noise(String name, int maxSize, PlanarFormat format, boolean fullRange) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Noise> noise() {
        List<Noise> noise = new ArrayList<>();
        for (String[] f : rows("noise.tsv")) {
            noise.add(
                    new Noise(
                            f[0],
                            Integer.parseInt(f[1]),
                            PlanarFormat.valueOf(f[2]),
                            Boolean.parseBoolean(f[3])));
        }
        return noise;
    }

    static List<Clip> clips() {
        List<Clip> clips = new ArrayList<>();
        for (String[] f : rows("clips.tsv")) {
            clips.add(
                    new Clip(
                            f[0],
                            Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]),
                            f[4],
                            Integer.parseInt(f[5])));
        }
        return clips;
    }

    static List<Planes> planes() {
        List<Planes> planes = new ArrayList<>();
        for (String[] f : rows("planes.tsv")) {
            planes.add(
                    new Planes(
                            f[0],
                            Integer.parseInt(f[1]),
                            Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]),
                            PlanarFormat.valueOf(f[4]),
                            Boolean.parseBoolean(f[5]),
                            YuvMatrix.valueOf(f[6])));
        }
        return planes;
    }

    /** The clip file itself (test resources are plain files under target/test-classes). */
    static Path clipPath(String name) {
        URL url = ExactGoldens.class.getResource(ROOT + "clips/" + name);
        if (url == null) {
            throw new IllegalStateException("Missing test resource " + ROOT + "clips/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ffmpeg's rgb24 output for a clip, every frame. */
    static byte[] rgb(String name) throws IOException {
        return gunzip(ROOT + "clips/" + name + ".rgb.gz");
    }

    /** ffmpeg's decoded planes for a clip, every frame. */
    static byte[] yuv(String name) throws IOException {
        return gunzip(ROOT + "planes/" + name + ".yuv.gz");
    }

    /** A noise file ({@code yuv} or {@code rgb}), every size. */
    static byte[] noise(String name, String kind) throws IOException {
        return gunzip(ROOT + "noise/" + name + "." + kind + ".gz");
    }

    /**
     * Compares a decoded frame with frame {@code index} of the golden bytes.
     *
     * @return the largest difference of any byte
     * @throws AssertionError if it exceeds {@code allowed}, naming clip, frame and first pixel
     */
    static int compare(String clip, int index, RgbFrame ours, byte[] golden, int allowed) {
        int size = ours.width() * ours.height() * 3;
        return compareAt(clip, index, ours, golden, index * size, allowed);
    }

    /** As {@link #compare}, with the golden frame at byte {@code offset}. */
    static int compareAt(
            String clip, int index, RgbFrame ours, byte[] golden, int offset, int allowed) {
        return compareColumns(clip, index, ours, golden, offset, allowed, ours.width());
    }

    /** As {@link #compareAt}, on the leftmost {@code columns} columns only. */
    static int compareColumns(
            String clip,
            int index,
            RgbFrame ours,
            byte[] golden,
            int offset,
            int allowed,
            int columns) {
        byte[] data = ours.data();
        int max = 0;
        int differing = 0;
        int first = -1;
        for (int y = 0; y < ours.height(); y++) {
            for (int i = y * ours.width() * 3; i < (y * ours.width() + columns) * 3; i++) {
                int d = Math.abs((data[i] & 0xFF) - (golden[offset + i] & 0xFF));
                if (d > allowed && first < 0) {
                    first = i;
                }
                if (d > 0) {
                    differing++;
                }
                max = Math.max(max, d);
            }
        }
        if (first >= 0) {
            int pixel = first / 3;
            throw new AssertionError(
                    String.format(
                            "%s frame %d (%dx%d): first difference over %d at pixel (x=%d, y=%d)"
                                    + " channel %s: ours %d, ffmpeg %d; %d bytes differ, max %d",
                            clip,
                            index,
                            ours.width(),
                            ours.height(),
                            allowed,
                            pixel % ours.width(),
                            pixel / ours.width(),
                            "RGB".charAt(first % 3),
                            data[first] & 0xFF,
                            golden[offset + first] & 0xFF,
                            differing,
                            max));
        }
        return max;
    }

    private static List<String[]> rows(String manifest) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line :
                    new String(gunzipOrRead(ROOT + manifest, false), StandardCharsets.UTF_8)
                            .split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(String resource) throws IOException {
        return gunzipOrRead(resource, true);
    }

    private static byte[] gunzipOrRead(String resource, boolean gzip) throws IOException {
        InputStream raw = ExactGoldens.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IOException("Missing test resource " + resource);
        }
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        }
    }
}
