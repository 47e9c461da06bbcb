/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.list.VideoList;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.data.video.VideoDecodeException;
import io.github.vificlip.model.ViFiClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Text-to-video search: ranks the videos of a folder by how well they match a text query (cosine
 * similarity of the query's text embedding and each video's embedding).
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.TextToVideoSearch \
 *     ViT-B-16.pt,vifi_clip_k400.pth 32 videos/ "a person riding a horse" 5
 * </pre>
 *
 * Arguments: weights files (comma-separated), frames per video, folder (searched recursively),
 * query, number of results.
 */
public final class TextToVideoSearch {

    private TextToVideoSearch() {}

    /** A video and its similarity to the query. */
    private record Hit(Path video, float score) {}

    /**
     * Runs the example.
     *
     * @param args weights, frames, folder, query, number of results
     * @throws IOException if the folder cannot be listed or a video read fails
     */
    public static void main(String[] args) throws IOException {
        Path[] weights = Arrays.stream(args[0].split(",")).map(Path::of).toArray(Path[]::new);
        int frames = Integer.parseInt(args[1]);
        String query = args[3];
        int results = Integer.parseInt(args[4]);
        List<Path> videos;
        try (Stream<Path> files = Files.walk(Path.of(args[2]))) {
            videos = files.filter(TextToVideoSearch::isVideo).sorted().toList();
        }

        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                NDManager manager = NDManager.newBaseManager()) {
            float[] text = model.textEmbeddings(List.of(query))[0]; // unit length
            ClipLoader loader =
                    ClipLoader.forTesting(
                            HumbleVideoDecoder.builder().build(),
                            frames,
                            1,
                            1,
                            model.getConfig().imageSize());
            List<Hit> hits = new ArrayList<>();
            for (Path video : videos) {
                try (NDArray clip =
                        loader.load(video, new SplittableRandom(0)).toNDArray(manager)) {
                    hits.add(new Hit(video, dot(text, model.videoEmbeddings(clip)[0])));
                } catch (VideoDecodeException e) {
                    System.err.println("skipped " + e.getMessage()); // unreadable: say why
                }
            }
            hits.sort(Comparator.comparingDouble(Hit::score).reversed());
            System.out.println("Query: " + query);
            for (int i = 0; i < Math.min(results, hits.size()); i++) {
                System.out.printf(
                        Locale.ROOT,
                        "%2d. %.4f  %s%n",
                        i + 1,
                        hits.get(i).score(),
                        hits.get(i).video());
            }
        }
    }

    private static boolean isVideo(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(file)
                && dot > 0
                && VideoList.VIDEO_EXTENSIONS.contains(name.substring(dot + 1));
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
