/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vificlip probe VIDEO...}: prints each video's metadata as one JSON object per line; an
 * unreadable video gets {@code {"path": ..., "error": ...}} and the exit status becomes 1.
 */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        description = {
            "Print each VIDEO's metadata as one JSON object per line.",
            "The fields are container, codec, size, frame rate, frame count (exact or"
                    + " estimated) and duration. An unreadable video prints an \"error\" and"
                    + " makes the exit status 1."
        })
public final class ProbeCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin private DecoderOption decoderOption = new DecoderOption();

    @Parameters(paramLabel = "VIDEO", arity = "1..*", description = "Video files.")
    private List<Path> videos;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        VideoDecoder decoder = decoderOption.decoder();
        int status = 0;
        for (Path video : videos) {
            ObjectNode node = json.createObjectNode().put("path", video.toString());
            try {
                VideoInfo info = decoder.probe(video);
                node.put("container", info.container())
                        .put("codec", info.codec())
                        .put("width", info.width())
                        .put("height", info.height())
                        .put("frameRate", info.frameRate())
                        .put("frameCount", info.frameCount())
                        .put("frameCountExact", info.frameCountExact())
                        .put("durationSeconds", info.durationSeconds());
            } catch (IOException e) {
                node.put("error", e.getMessage());
                status = 1;
            }
            out.println(node);
        }
        out.flush();
        return status;
    }
}
