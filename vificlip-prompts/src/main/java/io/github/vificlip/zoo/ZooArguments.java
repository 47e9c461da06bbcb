/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import io.github.vificlip.data.list.LabelMap;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final List<String> KEYS =
            List.of(
                    WEIGHTS,
                    PROMPTS,
                    CONFIG,
                    PRESET,
                    CLASSES,
                    LABELS,
                    TEMPLATE,
                    FRAMES,
                    VIEWS,
                    TOP_K,
                    DECODER,
                    MODEL_PATH);

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
        return names.stream().map(name -> resolve(folder, name, WEIGHTS)).toList();
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
            try {
                return ClipConfig.preset(preset);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + PRESET + "': " + e.getMessage(), e);
            }
        }
        return file == null ? null : ClipConfig.fromJson(resolve(folder, file, CONFIG));
    }

    /** Returns the class names: {@code classes} if given, else the rows of {@code labels}. */
    static List<String> classNames(Path folder, Map<String, ?> arguments) {
        List<String> classes = list(arguments, CLASSES);
        if (!classes.isEmpty()) {
            return checkedClassNames(classes, "'" + CLASSES + "'");
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
        Path file = resolve(folder, labels, LABELS);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "'"
                            + LABELS
                            + "' names "
                            + file
                            + ", not a regular file (a folder, device or pipe)");
        }
        List<String> names;
        try {
            names = LabelMap.readCsv(file).names();
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(
                    "'" + LABELS + "' names a label CSV that does not exist: " + file, e);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new UncheckedIOException(
                    "'"
                            + LABELS
                            + "' names an unreadable or invalid label CSV: "
                            + (message.contains(file.toString()) ? message : file + ": " + message),
                    e);
        }
        return checkedClassNames(names, "'" + LABELS + "' (" + file + ")");
    }

    /** Returns {@code names} if a translator takes them, else says why, naming {@code source}. */
    private static List<String> checkedClassNames(List<String> names, String source) {
        try {
            VideoClassificationTranslator.checkClassNames(names);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return names;
    }

    /** Returns the prompt template, or null when none is given ("a photo of a {}." then). */
    static PromptTemplate template(Map<String, ?> arguments) {
        String pattern = string(arguments, TEMPLATE);
        try {
            return pattern == null ? null : PromptTemplate.of(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + TEMPLATE + "': " + e.getMessage(), e);
        }
    }

    /** Returns the learned-prompts file, resolved against {@code folder}, or null without one. */
    static Path prompts(Path folder, Map<String, ?> arguments) {
        String name = string(arguments, PROMPTS);
        return name == null ? null : resolve(folder, name, PROMPTS);
    }

    /**
     * Checks the translator's settings (class names when given, template, frames, views, topK,
     * decoder) so that a folder with a bad value fails before its weights load.
     */
    static void checkSettings(Path folder, Map<String, ?> arguments) {
        checkKeys(folder, arguments);
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
     * Refuses a key one letter (or only case) away from one of ours, such as {@code frame=8}: it
     * would be ignored, the default silently in its place. Other keys are DJL's or the host's.
     */
    private static void checkKeys(Path folder, Map<String, ?> arguments) {
        if (arguments == null) {
            return;
        }
        for (String key : arguments.keySet()) {
            for (String known : KEYS) {
                if (!known.equals(key) && nearMiss(key, known)) {
                    throw new IllegalArgumentException(
                            "Unknown key '"
                                    + key
                                    + "' ("
                                    + describe(folder)
                                    + "): did you mean '"
                                    + known
                                    + "'? The keys are "
                                    + String.join(", ", KEYS));
                }
            }
        }
    }

    /** Tells whether two keys differ only in case or by one letter added, dropped or changed. */
    private static boolean nearMiss(String key, String known) {
        String a = key.toLowerCase(Locale.ROOT);
        String b = known.toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1 || Math.min(a.length(), b.length()) < 4) {
            return false;
        }
        int start = 0;
        while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        return endA - start <= 1 && endB - start <= 1;
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
        return positive(arguments, FRAMES, DEFAULT_FRAMES, Recipe.MAX_FRAMES);
    }

    /** Returns how many classes {@code toString} shows (5 by default). */
    static int topK(Map<String, ?> arguments) {
        return positive(arguments, TOP_K, DEFAULT_TOP_K, Integer.MAX_VALUE);
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
        // more than 9 digits is out of range anyway, and would overflow a parse
        long clips =
                matcher.group(1).length() > 9 ? Long.MAX_VALUE : Long.parseLong(matcher.group(1));
        long crops =
                matcher.group(2).length() > 9 ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
        if (clips < 1 || clips > Recipe.MAX_TEST_CLIPS || (crops != 1 && crops != 3)) {
            throw new IllegalArgumentException(
                    "'"
                            + VIEWS
                            + "' needs 1 to "
                            + Recipe.MAX_TEST_CLIPS
                            + " clips and 1 or 3 crops, got '"
                            + value
                            + "'");
        }
        return new int[] {(int) clips, (int) crops};
    }

    private static int positive(Map<String, ?> arguments, String key, int fallback, int max) {
        String value = string(arguments, key);
        if (value == null) {
            return fallback;
        }
        int parsed = 0;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (parsed < 1) {
            throw new IllegalArgumentException(
                    "'" + key + "' must be a positive whole number, got '" + value + "'");
        }
        if (parsed > max) {
            throw new IllegalArgumentException(
                    "'" + key + "' must be at most " + max + ", got '" + value + "'");
        }
        return parsed;
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
            for (Object item : collection) {
                if (item == null) {
                    throw new IllegalArgumentException(
                            "'" + key + "' holds a null item: " + collection);
                }
                items.add(item.toString()); // verbatim
            }
        } else if (value != null && !value.toString().isBlank()) {
            for (String item : value.toString().split(",", -1)) {
                items.add(item.strip());
            }
        }
        int empty = items.indexOf("");
        if (empty >= 0) {
            throw new IllegalArgumentException(
                    "'"
                            + key
                            + "' has an empty item at position "
                            + (empty + 1)
                            + " of "
                            + items.size()
                            + " (two commas in a row, or one at an end?)");
        }
        return items;
    }

    /**
     * Resolves a file name against the model folder; a relative name must stay inside it ({@code
     * ../} cannot leave it), an absolute one is used as it is.
     */
    private static Path resolve(Path folder, String name, String key) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "'" + key + "' is not a valid file name: " + e.getMessage(), e);
        }
        if (folder == null || path.isAbsolute()) {
            return path;
        }
        Path resolved = folder.resolve(path);
        if (!resolved.normalize().startsWith(folder.normalize())) {
            throw new IllegalArgumentException(
                    "'"
                            + key
                            + "' names "
                            + name
                            + ", outside "
                            + describe(folder)
                            + ": relative names stay inside the folder (give an absolute path"
                            + " for a file elsewhere)");
        }
        return resolved;
    }

    private static String describe(Path folder) {
        return folder == null ? "the model" : "the model folder " + folder;
    }
}
