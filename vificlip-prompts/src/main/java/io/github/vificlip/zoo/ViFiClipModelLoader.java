/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.repository.MRL;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import ai.djl.util.Progress;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Loads a ViFi-CLIP model folder for {@link ViFiClipModelZoo}. It hands the folder to DJL's own
 * folder loader, adding what a plain {@code optModelPath} would need the user to say: the block
 * factory, that DJL has no parameter file to read, and the translator factory.
 */
final class ViFiClipModelLoader implements ModelLoader {

    /** The largest {@code serving.properties} read (a real one is a few hundred bytes). */
    private static final int MAX_PROPERTIES_BYTES = 1 << 20;

    /** A local zoo has no repository: each {@code Criteria} brings its folder. */
    private final MRL mrl =
            MRL.model(
                    null,
                    Application.CV.ACTION_RECOGNITION,
                    ViFiClipModelZoo.GROUP_ID,
                    ViFiClipModelZoo.ARTIFACT_ID,
                    null,
                    null);

    @Override
    public String getGroupId() {
        return ViFiClipModelZoo.GROUP_ID;
    }

    @Override
    public String getArtifactId() {
        return ViFiClipModelZoo.ARTIFACT_ID;
    }

    @Override
    public Application getApplication() {
        return Application.CV.ACTION_RECOGNITION;
    }

    @Override
    public MRL getMrl() {
        return mrl;
    }

    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        TranslatorFactory translators = criteria.getTranslatorFactory();
        if (translators == null) {
            translators = new VideoClassificationTranslatorFactory();
        }
        if (!translators.isSupported(criteria.getInputClass(), criteria.getOutputClass())) {
            throw new ModelNotFoundException(
                    "The ViFi-CLIP zoo classifies video files (Path -> Classifications), not "
                            + criteria.getInputClass().getSimpleName()
                            + " -> "
                            + criteria.getOutputClass().getSimpleName());
        }
        Map<String, Object> arguments = criteria.getArguments();
        Object folder = arguments == null ? null : arguments.get(ZooArguments.MODEL_PATH);
        // Not ModelNotFoundException: DJL would catch it, try the next loader and report only
        // "No model ... is found" with this message hidden in the cause. A Path -> Classifications
        // action recognition Criteria is meant for this zoo, so its user reads what to do.
        if (folder == null) {
            throw new IllegalArgumentException(
                    "Name the ViFi-CLIP model folder: Criteria.builder()...optArgument(\""
                            + ZooArguments.MODEL_PATH
                            + "\", folder) (a folder with serving.properties naming the weights),"
                            + " or load a folder directly with optModelPath(folder)");
        }
        Path path = Path.of(folder.toString());
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    "The ViFi-CLIP model folder "
                            + path
                            + " (argument modelPath) "
                            + (Files.exists(path) ? "is not a folder" : "does not exist"));
        }
        checkProperties(path.resolve("serving.properties"));
        return criteria.toBuilder()
                .optGroupId(null)
                .optArtifactId(null)
                .optModelPath(path)
                .optArgument("blockFactory", new ViFiClipBlockFactory())
                .optOption("hasParameter", "false")
                .optTranslatorFactory(new ClosingOnFailure(translators))
                .build()
                .loadModel();
    }

    /**
     * Reads a folder's {@code serving.properties}, if it has one, as DJL will, so that a broken
     * file is refused naming it (DJL's own message names neither the file nor the line).
     */
    private static void checkProperties(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            if (Files.size(file) > MAX_PROPERTIES_BYTES) {
                throw new IOException(
                        Files.size(file) + " bytes, expected at most " + MAX_PROPERTIES_BYTES);
            }
            new Properties().load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    file + ": not a readable properties file (key=value lines in UTF-8): " + e, e);
        }
    }

    /**
     * Closes the model when its translator cannot be made (no class names, say): DJL's loader would
     * drop the model, weights loaded, without closing it.
     */
    private record ClosingOnFailure(TranslatorFactory factory) implements TranslatorFactory {

        @Override
        public Set<Pair<Type, Type>> getSupportedTypes() {
            return factory.getSupportedTypes();
        }

        @Override
        public <I, O> Translator<I, O> newInstance(
                Class<I> input, Class<O> output, Model model, Map<String, ?> arguments)
                throws TranslateException {
            try {
                return factory.newInstance(input, output, model, arguments);
            } catch (TranslateException | RuntimeException e) {
                model.close();
                throw e;
            }
        }
    }

    /** Returns {@code true}: the models are folders on disk. */
    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return true;
    }

    /** Does nothing: there is nothing to download. */
    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {}

    @Override
    public String toString() {
        return mrl + " [ViFi-CLIP model folders, Criteria.optArgument(\"modelPath\", folder)]";
    }
}
