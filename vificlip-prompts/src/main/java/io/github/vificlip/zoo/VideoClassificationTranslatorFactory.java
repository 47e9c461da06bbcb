/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import io.github.vificlip.model.DjlDefaults;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Makes {@link VideoClassificationTranslator}s from DJL arguments (a model folder's {@code
 * serving.properties} and {@code Criteria.optArgument} values; keys in {@link ZooArguments}), so
 * that {@code Criteria} builds the translator itself:
 *
 * <pre>{@code
 * Criteria<Path, Classifications> criteria = Criteria.builder()
 *         .setTypes(Path.class, Classifications.class)
 *         .optApplication(Application.CV.ACTION_RECOGNITION)
 *         .optModelPath(folder)
 *         .optTranslatorFactory(new VideoClassificationTranslatorFactory())
 *         .optArgument("classes", "archery,surfing water")   // overrides the folder's labels
 *         .build();
 * }</pre>
 *
 * A label CSV named by {@code labels} is read relative to the model folder.
 */
public final class VideoClassificationTranslatorFactory implements TranslatorFactory {

    static {
        DjlDefaults.apply();
    }

    private static final Set<Pair<Type, Type>> SUPPORTED =
            Set.of(new Pair<>(Path.class, Classifications.class));

    /** Creates the factory. */
    public VideoClassificationTranslatorFactory() {}

    /**
     * Returns the one pair of types supported: video {@link Path} to {@link Classifications}.
     *
     * @return the supported input and output types
     */
    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    /**
     * Creates a translator configured by {@code arguments}.
     *
     * @param input {@code Path.class}
     * @param output {@code Classifications.class}
     * @param model the model the translator serves; its folder resolves relative file names
     * @param arguments the keys of {@link ZooArguments}
     * @return the translator
     * @throws IllegalArgumentException if the types are not supported or an argument is invalid
     *     (the message names the key)
     * @throws java.io.UncheckedIOException if the label CSV cannot be read (the message names it)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(
            Class<I> input, Class<O> output, Model model, Map<String, ?> arguments) {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException(
                    "VideoClassificationTranslatorFactory makes Path -> Classifications"
                            + " translators, not "
                            + input.getSimpleName()
                            + " -> "
                            + output.getSimpleName());
        }
        int[] views = ZooArguments.views(arguments);
        return (Translator<I, O>)
                VideoClassificationTranslator.builder()
                        .setClassNames(ZooArguments.classNames(model.getModelPath(), arguments))
                        .optTemplate(ZooArguments.template(arguments))
                        .optFrames(ZooArguments.frames(arguments))
                        .optViews(views[0], views[1])
                        .optTopK(ZooArguments.topK(arguments))
                        .optDecoder(ZooArguments.decoder(arguments))
                        .build();
    }
}
