/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * ViFi-CLIP in DJL's model-loading API: a {@link ai.djl.translate.Translator} from video files to
 * {@link ai.djl.modality.Classifications}, its factory, a block factory for model folders, and a
 * model zoo registered with DJL.
 *
 * <p>A model folder holds the weights (any format the library reads), the class names (a label CSV)
 * and a {@code serving.properties} that says how to use them (keys in {@link
 * io.github.vificlip.zoo.ZooArguments}):
 *
 * <pre>
 * my-model/
 *   vifi_clip.safetensors
 *   labels.csv
 *   serving.properties:
 *     engine=PyTorch
 *     blockFactory=io.github.vificlip.zoo.ViFiClipBlockFactory
 *     translatorFactory=io.github.vificlip.zoo.VideoClassificationTranslatorFactory
 *     option.hasParameter=false
 *     weights=vifi_clip.safetensors
 *     labels=labels.csv
 *     frames=32
 * </pre>
 *
 * <p>A {@code prompts=} line adds learned prompts (bridge and prompt) on top of the weights; see
 * docs/integration.md for every key.
 *
 * <p>Two ways to load it, both giving a {@code ZooModel<Path, Classifications>}:
 *
 * <pre>{@code
 * // DJL's folder loader, with the translator factory named
 * Criteria.builder().setTypes(Path.class, Classifications.class)
 *         .optApplication(Application.CV.ACTION_RECOGNITION)
 *         .optModelPath(folder)
 *         .optTranslatorFactory(new VideoClassificationTranslatorFactory())
 *         .build().loadModel();
 * // the ViFi-CLIP zoo, which adds the factories itself
 * Criteria.builder().setTypes(Path.class, Classifications.class)
 *         .optApplication(Application.CV.ACTION_RECOGNITION)
 *         .optArgument("modelPath", folder)
 *         .build().loadModel();
 * }</pre>
 *
 * <p>{@code optModelPath} makes DJL use its own folder zoo and skip registered zoos, and DJL picks
 * the translator factory before it reads {@code serving.properties}: that is why the first form
 * names the factory (or {@code new DeferredTranslatorFactory()}, which takes the one the file
 * names).
 */
package io.github.vificlip.zoo;
