/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.VideoTextBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys that describe a ViFi-CLIP model to DJL: lines of a model folder's {@code
 * serving.properties}, or {@code Criteria.optArgument(key, value)} calls, which win over the file.
 * File names are relative to the model folder (absolute ones are used as they are).
 *
 * <pre>
 * weights=ViT-B-16.pt,vifi_clip_k400.pth   # required; later files replace earlier tensors
 * prompts=hmdb-b2n.prompts.safetensors     # optional learned prompts (bridge and prompt)
 * labels=labels.csv                        # class names: a label CSV (id,name) ...
 * classes=archery,surfing water            # ... or a comma-separated list, which wins
 * template=a photo of a {}.                # default; {} alone is the bare class name (not
 *                                          # with prompts, which bring their own class text)
 * frames=32                                # frames per view (default 32)
 * views=1x1                                # temporal clips x spatial crops (1 or 3)
 * topK=5                                   # classes Classifications.toString shows
 * decoder=ffmpeg                           # video decoding backend: humble (default) or
 *                                          # ffmpeg (FFmpeg 8, needs bytedeco's ffmpeg)
 * config=config.json                       # optional architecture; else preset=ViT-B/16,
 *                                          # else detected from the weights
 * </pre>
 */
public final class ZooArguments {

    /** Weights files, comma-separated, in any format the library reads; later files win. */
    public static final String WEIGHTS = "weights";

    /**
     * Learned prompts (bridge and prompt) to attach to the weights: a prompt-only safetensors file
     * or a ViFi-CLIP prompting checkpoint, whose backbone is then loaded over {@value #WEIGHTS} as
     * the reference's resume loads it (need not be listed there too). The class text is then the
     * learned context before each name, so {@value #TEMPLATE} is refused with it.
     */
    public static final String PROMPTS = "prompts";

    /** A JSON {@link ClipConfig} file for a custom architecture. */
    public static final String CONFIG = "config";

    /** A preset architecture name ({@code ViT-B/32}, {@code ViT-B/16}, {@code ViT-L/14}). */
    public static final String PRESET = "preset";

    /** Class names, comma-separated (or a {@code Collection} given to {@code optArgument}). */
    public static final String CLASSES = "classes";

    /** A label CSV ({@code id,name}) holding the class names in label order. */
    public static final String LABELS = "labels";

    /** The class-name prompt with one {@code {}}; {@code {}} alone is vanilla CLIP's bare name. */
    public static final String TEMPLATE = "template";

    /** Frames sampled per view, at segment centres, as {@code SampleFrames} in test mode. */
    public static final String FRAMES = "frames";

    /** Views per video as {@code CLIPSxCROPS}, for example {@code 4x3}. */
    public static final String VIEWS = "views";

    /** How many classes {@code Classifications.toString()} shows. */
    public static final String TOP_K = "topK";

    /**
     * The video decoding backend by name: {@code humble} (Humble Video, the default) or {@code
     * ffmpeg} (FFmpeg 8 through bytedeco's presets, when they are on the class path).
     */
    public static final String DECODER = "decoder";

    /** The model folder, for {@link ViFiClipModelZoo}'s loader. */
    public static final String MODEL_PATH = "modelPath";

    static final int DEFAULT_FRAMES = 32;
    static final int DEFAULT_TOP_K = 5;

    private static final Pattern VIEWS_PATTERN =
            Pattern.compile("\\s*(\\d+)\\s*[x×]\\s*(\\d+)\\s*");

    private ZooArguments() {}

    /** Returns the weights files, resolved against {@code folder}. */
    static List<Path> weights(Path folder, Map<String, ?> arguments) {
        List<String> names = list(arguments, WEIGHTS);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(
                    "A ViFi-CLIP model needs '"
                            + WEIGHTS
                            + "' (weights files, comma-separated) in serving.properties of "
                            + describe(folder)
                            + " or as Criteria.optArgument(\""
                            + WEIGHTS
                            + "\", ...)");
        }
        return names.stream().map(name -> resolve(folder, name)).toList();
    }

    /** Returns the architecture from {@code config} or {@code preset}, or null to detect it. */
    static ClipConfig config(Path folder, Map<String, ?> arguments) {
        String file = string(arguments, CONFIG);
        String preset = string(arguments, PRESET);
        if (file != null && preset != null) {
            throw new IllegalArgumentException(
                    "Give '"
                            + CONFIG
                            + "' or '"
                            + PRESET
                            + "', not both ("
                            + describe(folder)
                            + ")");
        }
        if (preset != null) {
            return ClipConfig.preset(preset);
        }
        return file == null ? null : ClipConfig.fromJson(resolve(folder, file));
    }

    /** Returns the class names: {@code classes} if given, else the rows of {@code labels}. */
    static List<String> classNames(Path folder, Map<String, ?> arguments) {
        List<String> classes = list(arguments, CLASSES);
        if (!classes.isEmpty()) {
            checkClassNames(folder, arguments.get(CLASSES), classes);
            return classes;
        }
        String labels = string(arguments, LABELS);
        if (labels == null) {
            throw new IllegalArgumentException(
                    "A ViFi-CLIP classifier needs class names: '"
                            + CLASSES
                            + "' (comma-separated) or '"
                            + LABELS
                            + "' (a label CSV) in serving.properties of "
                            + describe(folder)
                            + " or as Criteria.optArgument(...)");
        }
        Path file = resolve(folder, labels);
        try {
            return LabelMap.readCsv(file).names();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    "'" + LABELS + "' names a label CSV that does not exist: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "'" + LABELS + "' names an unreadable label CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a null in a given collection (which would read as the name "null") and, as {@link
     * VideoTextBlock#checkClassNames} does, blank and repeated names, before any weights load.
     */
    private static void checkClassNames(Path folder, Object given, List<String> classes) {
        try {
            if (given instanceof Collection<?> collection
                    && collection.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("Class names must not hold a null");
            }
            VideoTextBlock.checkClassNames(classes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + CLASSES + "' of " + describe(folder) + ": " + e.getMessage(), e);
        }
    }

    /** Returns the prompt template, or null when none is given ("a photo of a {}." then). */
    static PromptTemplate template(Map<String, ?> arguments) {
        String pattern = string(arguments, TEMPLATE);
        return pattern == null ? null : PromptTemplate.of(pattern);
    }

    /** Returns the learned-prompts file, resolved against {@code folder}, or null without one. */
    static Path prompts(Path folder, Map<String, ?> arguments) {
        String name = string(arguments, PROMPTS);
        return name == null ? null : resolve(folder, name);
    }

    /**
     * Checks the translator's settings (class names when given, template, frames, views, topK,
     * decoder) so that a folder with a bad value fails before its weights load.
     */
    static void checkSettings(Path folder, Map<String, ?> arguments) {
        if (string(arguments, CLASSES) != null || string(arguments, LABELS) != null) {
            classNames(folder, arguments);
        }
        if (template(arguments) != null && prompts(folder, arguments) != null) {
            throw new IllegalArgumentException(
                    "'"
                            + PROMPTS
                            + "' brings its own class text (the learned context): drop '"
                            + TEMPLATE
                            + "' ("
                            + describe(folder)
                            + ")");
        }
        frames(arguments);
        views(arguments);
        topK(arguments);
        decoder(arguments);
    }

    /**
     * Returns the video decoder named by {@value #DECODER} (the default backend when none is
     * named).
     */
    static VideoDecoder decoder(Map<String, ?> arguments) {
        String name = string(arguments, DECODER);
        try {
            return VideoDecoders.byName(name == null ? VideoDecoders.defaultName() : name);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("'" + DECODER + "': " + e.getMessage(), e);
        }
    }

    /** Returns the frames per view (32 by default). */
    static int frames(Map<String, ?> arguments) {
        return positive(arguments, FRAMES, DEFAULT_FRAMES);
    }

    /** Returns how many classes {@code toString} shows (5 by default). */
    static int topK(Map<String, ?> arguments) {
        return positive(arguments, TOP_K, DEFAULT_TOP_K);
    }

    /** Returns {clips, crops} (1x1 by default). */
    static int[] views(Map<String, ?> arguments) {
        String value = string(arguments, VIEWS);
        return value == null ? new int[] {1, 1} : parseViews(value);
    }

    /**
     * Parses a views value such as {@code 4x3}.
     *
     * @param value temporal clips, {@code x}, spatial crops
     * @return {clips, crops}
     * @throws IllegalArgumentException if the value does not look like {@code 4x3} or crops is not
     *     1 or 3
     */
    public static int[] parseViews(String value) {
        Matcher matcher = VIEWS_PATTERN.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + VIEWS + "' must look like 4x3 (clips x crops), got '" + value + "'");
        }
        int clips = Integer.parseInt(matcher.group(1));
        int crops = Integer.parseInt(matcher.group(2));
        if (clips < 1 || (crops != 1 && crops != 3)) {
            throw new IllegalArgumentException(
                    "'"
                            + VIEWS
                            + "' needs at least one clip and 1 or 3 crops, got '"
                            + value
                            + "'");
        }
        return new int[] {clips, crops};
    }

    private static int positive(Map<String, ?> arguments, String key, int fallback) {
        String value = string(arguments, key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "'" + key + "' must be a positive whole number, got '" + value + "'");
    }

    /** Returns a trimmed string value, or null when the key is absent or blank. */
    private static String string(Map<String, ?> arguments, String key) {
        Object value = arguments == null ? null : arguments.get(key);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().strip();
    }

    /**
     * Returns a comma-separated string as a list of trimmed, non-empty items, or a collection's
     * items as they are.
     */
    private static List<String> list(Map<String, ?> arguments, String key) {
        Object value = arguments == null ? null : arguments.get(key);
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item))); // verbatim
        } else if (value != null) {
            for (String item : value.toString().split(",")) {
                items.add(item.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return items;
    }

    private static Path resolve(Path folder, String name) {
        Path path = Path.of(name);
        return folder == null || path.isAbsolute() ? path : folder.resolve(path);
    }

    private static String describe(Path folder) {
        return folder == null ? "the model" : "the model folder " + folder;
    }
}
