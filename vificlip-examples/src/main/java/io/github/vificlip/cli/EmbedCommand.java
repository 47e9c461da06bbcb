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
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.VideoTensor;
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
 * {@code vificlip embed}: prints unit-length embeddings of prepared clips, images and texts as
 * JSON, one line per input in the order given.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print the embedding of each input as one JSON line, in the order given:",
            "  --input-npy F  a prepared float32 array [T,3,H,W] (a clip: mean of its frames)",
            "                 or [3,H,W] (one frame), already resized and normalised;",
            "  --image F      a picture file, resized (short side), centre-cropped and",
            "                 normalised like a test frame;",
            "  --text T       a text, embedded exactly as given (no template).",
            "With --prompts FILE, clips and images go through the learned vision prompts and",
            "each text is a class name after the learned context (\"X X ... X {text}.\").",
            "Embeddings are L2-normalised, so dot products are cosine similarities."
        })
public final class EmbedCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ModelOptions model = new ModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "1..*")
    private List<Input> inputs = new ArrayList<>();

    /** One input; the group keeps the order of inputs across the three options. */
    static final class Input {
        @Option(names = "--input-npy", paramLabel = "FILE", required = true)
        Path npy;

        @Option(names = "--image", paramLabel = "FILE", required = true)
        Path image;

        @Option(names = "--text", paramLabel = "TEXT", required = true)
        String text;
    }

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        try (ViFiClip vifi = model.build(TuningMode.NONE, 0);
                PromptedViFiClip prompted = model.prompted(vifi);
                NDManager manager = NDManager.newBaseManager()) {
            int size = vifi.getConfig().imageSize();
            for (Input input : inputs) {
                ObjectNode line = json.createObjectNode();
                float[] embedding;
                if (input.text != null) {
                    line.put("text", input.text).put("kind", "text");
                    if (prompted == null) {
                        embedding = vifi.textEmbeddings(List.of(input.text))[0];
                    } else {
                        PromptLearner learner = prompted.getLearner();
                        line.put("prompt", learner.promptText(input.text, learner.template()));
                        embedding = prompted.classEmbeddings(List.of(input.text))[0];
                    }
                } else {
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
                        embedding = prompted.videoEmbeddings(clip ? array : array.expandDims(0))[0];
                    } else {
                        embedding =
                                clip
                                        ? vifi.videoEmbeddings(array)[0]
                                        : vifi.imageEmbeddings(array)[0];
                    }
                }
                line.set("embedding", json.valueToTree(embedding));
                out.println(line);
            }
        }
        out.flush();
        return 0;
    }

    /** Reads a float32 .npy array of shape [T,3,S,S] or [3,S,S]; says what is wrong otherwise. */
    static NDArray readNpy(Path file, int size, NDManager manager) throws IOException {
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
