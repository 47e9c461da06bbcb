/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.VideoTensor;
import io.github.vificlip.data.video.HumbleVideoDecoder;
import io.github.vificlip.data.video.RgbFrame;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.prompts.PromptLearner;
import io.github.vificlip.prompts.PromptedViFiClip;
import io.github.vificlip.protocols.VideoDatasets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vificlip embed}: prints unit-length embeddings of video files, prepared clips, images and
 * texts as JSON, one line per input in the order given, or writes them all to one {@code .npy}
 * matrix.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the embedding of each input as one JSON line, in the order given.",
            "Inputs are video files (--video, prepared as classify prepares them, the"
                    + " embeddings of their --views averaged), prepared clips (--input-npy),"
                    + " pictures (--image, resized, centre-cropped and normalised like a test"
                    + " frame) and texts (--text, embedded exactly as given, with no template).",
            "With --prompts FILE, videos, clips and images go through the learned"
                    + " vision prompts and each text is a class name after the learned context"
                    + " (\"X X ... X {text}.\", or \"{CTX_INIT} {text}.\" for a ViFi-CLIP"
                    + " checkpoint with N_CTX_TEXT <= 4).",
            "With --out-npy FILE, all embeddings go to one float32 [inputs, dim]"
                    + " array and each JSON line names its row instead of listing the values.",
            "Embeddings are L2-normalised, so dot products are cosine similarities."
        })
public final class EmbedCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @Mixin private VideoViewOptions viewOptions = new VideoViewOptions();

    @Option(
            names = "--out-npy",
            paramLabel = "FILE",
            description = "Write all embeddings to this .npy file, one row per input.")
    private Path outNpy;

    @ArgGroup(exclusive = true, multiplicity = "1..*")
    private List<Input> inputs = new ArrayList<>();

    /** One input; the group keeps the order of inputs across the four options. */
    static final class Input {
        @Option(
                names = "--video",
                paramLabel = "FILE",
                required = true,
                description = "A video file, prepared as --frames and --views say.")
        Path video;

        @Option(
                names = "--input-npy",
                paramLabel = "FILE",
                required = true,
                description =
                        "A prepared float32 array [T,3,H,W] (a clip: the mean of its frames) or"
                                + " [3,H,W] (one frame), already resized and normalised.")
        Path npy;

        @Option(
                names = "--image",
                paramLabel = "FILE",
                required = true,
                description = "A picture (PNG, JPEG, BMP, GIF), prepared like a test frame.")
        Path image;

        @Option(
                names = "--text",
                paramLabel = "TEXT",
                required = true,
                description = "A text, embedded exactly as given (no template).")
        String text;
    }

    @Override
    public Integer call() throws IOException {
        int[] clipsAndCrops = viewOptions.clipsAndCrops();
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> lines = new ArrayList<>();
        float[][] embeddings = new float[inputs.size()][];
        try (ViFiClip vifi = model.build(TuningMode.NONE, 0);
                PromptedViFiClip prompted = model.prompted(vifi);
                NDManager manager = NDManager.newBaseManager()) {
            Embedder embedder =
                    new Embedder(
                            vifi,
                            prompted,
                            ClipLoader.forTesting(
                                    HumbleVideoDecoder.builder().build(),
                                    viewOptions.frames,
                                    clipsAndCrops[0],
                                    clipsAndCrops[1],
                                    vifi.getConfig().imageSize()),
                            viewOptions.frames,
                            manager);
            for (int i = 0; i < inputs.size(); i++) {
                ObjectNode line = json.createObjectNode();
                embeddings[i] = embedder.embed(inputs.get(i), line);
                lines.add(line);
            }
        }
        if (outNpy != null) {
            NpyWriter.write(outNpy, embeddings);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < lines.size(); i++) {
            if (outNpy != null) {
                lines.get(i).put("row", i);
            } else {
                lines.get(i).set("embedding", json.valueToTree(embeddings[i]));
            }
            out.println(lines.get(i));
        }
        out.flush();
        return 0;
    }

    /** Embeds one input of any kind, describing it in its JSON line. */
    private record Embedder(
            ViFiClip vifi,
            PromptedViFiClip prompted,
            ClipLoader videos,
            int frames,
            NDManager manager) {

        float[] embed(Input input, ObjectNode line) throws IOException {
            if (input.text != null) {
                line.put("text", input.text).put("kind", "text");
                if (prompted == null) {
                    return vifi.textEmbeddings(List.of(input.text))[0];
                }
                PromptLearner learner = prompted.getLearner();
                line.put("prompt", learner.promptText(input.text, learner.template()));
                return prompted.classEmbeddings(List.of(input.text))[0];
            }
            if (input.video != null) {
                line.put("video", input.video.toString()).put("kind", "video");
                return videoEmbedding(input.video, line);
            }
            int size = vifi.getConfig().imageSize();
            NDArray array =
                    input.image != null
                            ? readImage(input.image, size, manager)
                            : readNpy(input.npy, size, manager);
            boolean clip = array.getShape().dimension() == 4;
            if (input.image != null) {
                line.put("image", input.image.toString());
            } else {
                line.put("input", input.npy.toString());
            }
            line.put("kind", clip ? "video" : "image");
            if (prompted != null) {
                // a picture is a clip of one frame: the vision prompts apply to it too
                return prompted.videoEmbeddings(clip ? array : array.expandDims(0))[0];
            }
            return clip ? vifi.videoEmbeddings(array)[0] : vifi.imageEmbeddings(array)[0];
        }

        /** Decodes and prepares the video's views, embeds each, and averages them (unit length). */
        private float[] videoEmbedding(Path video, ObjectNode line) throws IOException {
            VideoTensor views = videos.load(video, new SplittableRandom(0)); // test: no draws
            int size = vifi.getConfig().imageSize();
            try (NDManager scope = manager.newSubManager()) {
                NDArray clips = views.toNDArray(scope).reshape(-1, frames, 3, size, size);
                float[][] perView =
                        prompted != null
                                ? prompted.videoEmbeddings(clips)
                                : vifi.videoEmbeddings(clips);
                line.put("views", perView.length);
                return unitMean(perView);
            }
        }
    }

    /** The mean of unit rows, scaled back to unit length. */
    static float[] unitMean(float[][] rows) {
        float[] mean = new float[rows[0].length];
        for (float[] row : rows) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += row[d];
            }
        }
        double norm = 0;
        for (float value : mean) {
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < mean.length; d++) {
            mean[d] *= scale;
        }
        return mean;
    }

    /** Reads a float32 .npy array of shape [T,3,S,S] or [3,S,S]; says what is wrong otherwise. */
    static NDArray readNpy(Path file, int size, NDManager manager) throws IOException {
        NpyHeader.checkFloat32(file);
        NDArray array;
        try (InputStream in = Files.newInputStream(file)) {
            NDList list = NDList.decode(manager, in);
            if (list.size() != 1) {
                throw new IOException(file + ": expected one array, found " + list.size());
            }
            array = list.head();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + " is not a NumPy .npy array: " + e.getMessage(), e);
        }
        Shape shape = array.getShape();
        int rank = shape.dimension();
        boolean fits =
                (rank == 3 || rank == 4)
                        && shape.get(rank - 3) == 3
                        && shape.get(rank - 2) == size
                        && shape.get(rank - 1) == size;
        if (!fits) {
            throw new IOException(
                    file
                            + ": expected a float32 array [T,3,"
                            + size
                            + ","
                            + size
                            + "] or [3,"
                            + size
                            + ","
                            + size
                            + "] for this model, found "
                            + array.getDataType()
                            + " "
                            + shape);
        }
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IOException(file + ": expected float32 values, found " + array.getDataType());
        }
        return array;
    }

    /** Reads a picture and prepares it as a test frame [3,S,S]. */
    static NDArray readImage(Path file, int size, NDManager manager) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(
                    file + " is not a picture this JVM can read (PNG, JPEG, BMP, GIF)");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = image.getRGB(x, y);
                int offset = (y * width + x) * 3;
                rgb[offset] = (byte) (pixel >> 16);
                rgb[offset + 1] = (byte) (pixel >> 8);
                rgb[offset + 2] = (byte) pixel;
            }
        }
        VideoTensor frame =
                EvalTransform.builder()
                        .optSize(size)
                        .optShortSide(VideoDatasets.shortSide(size))
                        .build()
                        .apply(
                                new RgbFrame[] {new RgbFrame(width, height, rgb)},
                                new SplittableRandom(0));
        return frame.toNDArray(manager).squeeze(0);
    }
}
