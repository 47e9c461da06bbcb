/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import io.github.vificlip.data.sampling.SegmentSampler;
import io.github.vificlip.data.transform.EvalTransform;
import io.github.vificlip.data.transform.Normalization;
import io.github.vificlip.data.transform.TrainTransform;
import io.github.vificlip.data.transform.VideoTensor;
import io.github.vificlip.data.transform.VideoTransform;
import io.github.vificlip.data.video.RgbFrame;
import io.github.vificlip.data.video.VideoReader;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.protocols.VideoDatasets;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip frames}: writes chosen frames of one video as lossless RGB PNGs named by their
 * 0-based frame index, either as decoded or as the model sees them after a transform.
 */
@Command(
        name = "frames",
        mixinStandardHelpOptions = true,
        description = {
            "Write chosen frames of a video as lossless RGB PNG files.",
            "Each PNG is named by its 0-based frame index, zero-padded to 6 digits"
                    + " (DIR/000000.png): every frame, the frames given by --indices, or the T"
                    + " frames TSN sampling picks (--sample).",
            "With --transform none (the default) a PNG holds the decoded frame exactly; with"
                    + " test or train it shows what the model sees (the transform's crop at"
                    + " --size, normalisation undone), one PNG per sampled frame."
        })
public final class FramesCommand implements Callable<Integer> {

    /** What is applied to the decoded frames before writing them. */
    enum Transform {
        none,
        test,
        train
    }

    /** Sampling modes, as {@code vificlip sample}. */
    enum Mode {
        train,
        test
    }

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private DecoderOption decoder = new DecoderOption();

    @ArgGroup(exclusive = true)
    private Selection selection;

    /** {@code --indices} or {@code --sample}: at most one. */
    static final class Selection {
        @Option(
                names = "--indices",
                split = ",",
                paramLabel = "I",
                description = "Frame indices, comma-separated (0-based).")
        List<Integer> indices;

        @Option(
                names = "--sample",
                paramLabel = "T",
                description = "The T frames TSN segment sampling picks (one clip).")
        Integer sample;
    }

    @Option(
            names = "--mode",
            defaultValue = "test",
            description =
                    "With --sample: train (random frame per segment) or test (segment centres);"
                            + " default: ${DEFAULT-VALUE}.")
    private Mode mode;

    @Option(
            names = "--seed",
            defaultValue = "1024",
            description =
                    "Seed of training sampling and the training transform (default:"
                            + " ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--transform",
            defaultValue = "none",
            description = "none, test or train (default: ${DEFAULT-VALUE}).")
    private Transform transform;

    @Option(
            names = "--size",
            defaultValue = "224",
            description = "Crop size of the test and train transforms (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    private Path out;

    @Parameters(paramLabel = "VIDEO", description = "The video file.")
    private Path video;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeastOne(spec.commandLine(), "--size", size);
        RgbFrame[] frames;
        int[] indices;
        try (VideoReader reader = decoder.decoder().open(video)) {
            indices = indices(reader.info().frameCount());
            frames = reader.read(indices);
        }
        if (transform != Transform.none) {
            frames = modelView(frames);
        }
        Files.createDirectories(out);
        for (int i = 0; i < indices.length; i++) {
            writePng(frames[i], out.resolve(String.format("%06d.png", indices[i])));
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf(
                "Wrote %d frames of %s (%dx%d) to %s%n",
                indices.length, video, frames[0].width(), frames[0].height(), out);
        console.flush();
        return 0;
    }

    private int[] indices(int frameCount) {
        if (selection != null && selection.indices != null) {
            for (int index : selection.indices) {
                if (index < 0) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--indices must be >= 0, got " + index);
                }
            }
            return selection.indices.stream().mapToInt(Integer::intValue).toArray();
        }
        if (selection != null && selection.sample != null) {
            OptionChecks.atLeastOne(spec.commandLine(), "--sample", selection.sample);
            SegmentSampler sampler =
                    mode == Mode.train
                            ? SegmentSampler.train(selection.sample)
                            : SegmentSampler.test(selection.sample);
            return sampler.sample(frameCount, new SplittableRandom(seed));
        }
        return IntStream.range(0, frameCount).toArray();
    }

    /** The frames after the chosen transform, back on the 0-255 scale. */
    private RgbFrame[] modelView(RgbFrame[] frames) {
        VideoTransform chosen =
                transform == Transform.test
                        ? EvalTransform.builder()
                                .optSize(size)
                                .optShortSide(VideoDatasets.shortSide(size))
                                .build()
                        : TrainTransform.builder()
                                .optSize(size)
                                .optShortSide(VideoDatasets.shortSide(size))
                                .build();
        VideoTensor tensor = chosen.apply(frames, new SplittableRandom(seed));
        return unnormalise(tensor, Normalization.IMAGENET);
    }

    /**
     * Turns a normalised {@code [N, 3, H, W]} clip back into RGB frames: {@code x * std + mean},
     * rounded and clipped to 0-255.
     *
     * @param tensor the clip
     * @param normalization the statistics the transform used
     * @return one frame per clip frame
     */
    static RgbFrame[] unnormalise(VideoTensor tensor, Normalization normalization) {
        double[] mean = normalization.mean();
        double[] std = normalization.std();
        int plane = tensor.height() * tensor.width();
        float[] data = tensor.data();
        RgbFrame[] frames = new RgbFrame[tensor.frames()];
        for (int f = 0; f < frames.length; f++) {
            byte[] rgb = new byte[plane * 3];
            for (int c = 0; c < 3; c++) {
                int base = (f * 3 + c) * plane;
                for (int p = 0; p < plane; p++) {
                    long value = Math.round(data[base + p] * std[c] + mean[c]);
                    rgb[p * 3 + c] = (byte) Math.max(0, Math.min(255, value));
                }
            }
            frames[f] = new RgbFrame(tensor.width(), tensor.height(), rgb);
        }
        return frames;
    }

    /** Writes a frame as an 8-bit RGB PNG, through a temporary file renamed into place. */
    private static void writePng(RgbFrame frame, Path file) throws IOException {
        BufferedImage image =
                new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.data();
        for (int p = 0; p < rgb.length; p += 3) {
            bgr[p] = rgb[p + 2];
            bgr[p + 1] = rgb[p + 1];
            bgr[p + 2] = rgb[p];
        }
        AtomicFile.write(
                file,
                out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("No PNG writer for " + file);
                    }
                });
    }
}
