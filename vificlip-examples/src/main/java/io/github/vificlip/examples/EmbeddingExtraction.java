/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.data.video.VideoDecodeException;
import io.github.vificlip.model.ViFiClip;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Embedding extraction: one unit-length vector per video (the mean of its frame embeddings,
 * L2-normalised, as the classifier uses), written as JSON lines for retrieval, clustering or t-SNE
 * pictures.
 *
 * <pre>
 * java -cp vificlip-examples/target/vificlip.jar io.github.vificlip.examples.EmbeddingExtraction \
 *     ViT-B-16.pt,vifi_clip_k400.pth 32 embeddings.jsonl videos/a.mp4 videos/b.mp4
 * </pre>
 *
 * Arguments: weights files (comma-separated), frames per video, output file, videos. A video that
 * cannot be read is skipped with a message.
 */
public final class EmbeddingExtraction {

    private EmbeddingExtraction() {}

    /**
     * Runs the example.
     *
     * @param args weights, frames, output file, videos
     * @throws IOException if a video or the output cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path[] weights = Arrays.stream(args[0].split(",")).map(Path::of).toArray(Path[]::new);
        int frames = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        List<Path> videos = Arrays.stream(args).skip(3).map(Path::of).toList();

        ObjectMapper json = new ObjectMapper();
        try (ViFiClip model = ViFiClip.builder().optWeights(weights).build();
                NDManager manager = NDManager.newBaseManager();
                PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            // decode, take T segment centres (1 clip), resize and centre-crop (1 crop)
            ClipLoader loader =
                    ClipLoader.forTesting(
                            HumbleVideoDecoder.builder().build(),
                            frames,
                            1,
                            1,
                            model.getConfig().imageSize());
            int written = 0;
            for (Path video : videos) {
                try (NDArray clip =
                        loader.load(video, new SplittableRandom(0)).toNDArray(manager)) {
                    float[] embedding = model.videoEmbeddings(clip)[0];
                    writer.println(
                            json.writeValueAsString(
                                    Map.of("video", video.toString(), "embedding", embedding)));
                    written++;
                } catch (VideoDecodeException e) {
                    System.err.println("skipped " + e.getMessage()); // unreadable: say why
                }
            }
            System.out.printf(
                    "%d embeddings of %d values in %s%n",
                    written, model.getConfig().embedDim(), out);
        }
    }
}
