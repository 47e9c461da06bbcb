/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.spark;

import ai.djl.Application;
import ai.djl.ModelException;
import ai.djl.modality.Classifications;
import ai.djl.modality.Classifications.Classification;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import io.github.vificlip.model.ClipModel;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.VideoTextBlock;
import io.github.vificlip.zoo.ViFiClipModelZoo;
import io.github.vificlip.zoo.VideoClassificationTranslator;
import io.github.vificlip.zoo.ZooArguments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies and embeds batches of local video files with a model folder, in one forward pass per
 * batch: the model, its translator and its class text features are loaded once and reused; every
 * batch works in a child {@link NDManager} that is closed with it, so native memory stays flat
 * however many batches run.
 *
 * <p>The folder goes through DJL's {@code Criteria} and the ViFi-CLIP model zoo exactly as {@code
 * vificlip classify} and a host's own predictor load it, so decoding, sampling, transforms and the
 * class prompts are those of {@link VideoClassificationTranslator} with the folder's settings
 * (frames, views, template, learned prompts, top-k). The probabilities are the translator's own
 * output; the embedding is the L2-normalised mean of the frame embeddings the logits were computed
 * from (with several views, their mean, normalised again). Thread-safe: Spark's tasks on one
 * executor share one scorer.
 *
 * <p>This class needs no Spark: a single JVM can index a folder of videos with it.
 */
public final class VideoScorer implements AutoCloseable {

    static {
        DjlDefaults.apply();
    }

    private final ZooModel<Path, Classifications> model;
    private final VideoClassificationTranslator translator;
    private final VideoTextBlock encoder;

    private VideoScorer(ZooModel<Path, Classifications> model) {
        this.model = model;
        Translator<Path, Classifications> loaded = model.getTranslator();
        if (!(loaded instanceof VideoClassificationTranslator video)
                || !(model.getBlock() instanceof VideoTextBlock text)) {
            throw new IllegalArgumentException(
                    "The model folder "
                            + model.getModelPath()
                            + " is not a ViFi-CLIP classifier (its translator is "
                            + loaded.getClass().getName()
                            + ")");
        }
        this.translator = video;
        this.encoder = text;
        translator.prepare(new BatchContext(model, model.getNDManager()));
    }

    /**
     * Loads a model folder ({@code serving.properties} naming the weights; keys in {@link
     * ZooArguments}) for these class names.
     *
     * @param folder the model folder on a local disk
     * @param classNames the class names, verbatim, in score order; they replace the folder's
     * @param topK how many classes each row keeps, or 0 for the folder's {@code topK} (5 unless
     *     set)
     * @return the scorer; close it to free the model
     * @throws IOException if a file of the folder cannot be read
     * @throws ModelException if DJL cannot load the model
     * @throws IllegalArgumentException if the folder or a setting is invalid (the message says
     *     which)
     */
    public static VideoScorer load(Path folder, List<String> classNames, int topK)
            throws IOException, ModelException {
        Criteria.Builder<Path, Classifications> criteria =
                Criteria.builder()
                        .setTypes(Path.class, Classifications.class)
                        .optApplication(Application.CV.ACTION_RECOGNITION)
                        .optGroupId(ViFiClipModelZoo.GROUP_ID)
                        .optArgument(ZooArguments.MODEL_PATH, folder)
                        .optArgument(ZooArguments.CLASSES, List.copyOf(classNames));
        if (topK > 0) {
            criteria.optArgument(ZooArguments.TOP_K, Integer.toString(topK));
        }
        ZooModel<Path, Classifications> model = criteria.build().loadModel();
        try {
            return new VideoScorer(model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Returns the class names the scores are for.
     *
     * @return the names, in score order
     */
    public List<String> getClassNames() {
        return translator.getClassNames();
    }

    /**
     * Scores a batch of videos: decodes each, runs the readable ones through the model in one
     * batch, and returns one row per video in the order given. A video that cannot be read gets a
     * row with the reason; the others are scored as usual.
     *
     * @param uris the names the rows carry (the videos' URIs)
     * @param files the local files to decode, one per URI
     * @return one row per video, in order
     * @throws IllegalArgumentException if the lists differ in length
     */
    public List<VideoScore> score(List<String> uris, List<Path> files) {
        if (uris.size() != files.size()) {
            throw new IllegalArgumentException(
                    uris.size() + " names for " + files.size() + " files");
        }
        VideoScore[] rows = new VideoScore[uris.size()];
        try (NDManager batch = model.getNDManager().newSubManager()) {
            BatchContext context = new BatchContext(model, batch);
            List<NDList> inputs = new ArrayList<>();
            List<Integer> decoded = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                try {
                    inputs.add(translator.processInput(context, files.get(i)));
                    decoded.add(i);
                } catch (TranslateException | RuntimeException e) {
                    rows[i] = VideoScore.failed(uris.get(i), reason(e, uris.get(i), files.get(i)));
                }
            }
            if (!inputs.isEmpty()) {
                List<VideoScore> scored = forward(context, inputs, decoded, uris);
                for (int k = 0; k < decoded.size(); k++) {
                    rows[decoded.get(k)] = scored.get(k);
                }
            }
        }
        return List.of(rows);
    }

    /** Runs one forward pass over the decoded videos: embeddings, then the translator's output. */
    private List<VideoScore> forward(
            BatchContext context, List<NDList> inputs, List<Integer> decoded, List<String> uris) {
        Batchifier batchifier = translator.getBatchifier();
        NDManager batch = context.getNDManager();
        ParameterStore store = new ParameterStore(batch, false);
        NDList batched = batchifier.batchify(inputs.toArray(NDList[]::new)); // clips, class ids
        NDArray views = encoder.encodeVideo(store, batched.get(0), false); // [videos x views, E]
        NDArray scale = store.getValue(encoder.getLogitScale(), views.getDevice(), false);
        NDArray classes = encoder.classFeaturesTransposed(store, batch, batched.get(1), false);
        NDArray logits = ClipModel.logits(views, classes, scale);
        NDList[] perVideoLogits = batchifier.unbatchify(new NDList(logits));
        NDList[] perVideoViews = batchifier.unbatchify(new NDList(views));
        List<VideoScore> scored = new ArrayList<>(decoded.size());
        for (int k = 0; k < decoded.size(); k++) {
            Classifications result = translator.processOutput(context, perVideoLogits[k]);
            List<String> labels = new ArrayList<>();
            List<Double> probabilities = new ArrayList<>();
            for (Classification item : result.topK()) {
                labels.add(item.getClassName());
                probabilities.add(item.getProbability());
            }
            float[] embedding = videoEmbedding(perVideoViews[k].singletonOrThrow());
            scored.add(
                    new VideoScore(
                            uris.get(decoded.get(k)), labels, probabilities, embedding, null));
        }
        return scored;
    }

    /** One view's embedding as it is, or the normalised mean of several views' embeddings. */
    private static float[] videoEmbedding(NDArray views) {
        NDArray video =
                views.getShape().get(0) == 1
                        ? views.get(0)
                        : ClipModel.normalize(views.mean(new int[] {0}));
        return video.toFloatArray();
    }

    /** The error's message, naming the video by its URI rather than by a temporary copy. */
    private static String reason(Exception e, String uri, Path file) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        String local = file.toString();
        return message.contains(local) ? message.replace(local, uri) : uri + ": " + message;
    }

    /**
     * Returns how many native arrays the model's memory holds now (weights, cached class features
     * and anything a batch left behind): flat across batches when nothing leaks.
     */
    int liveArrays() {
        return ((BaseNDManager) model.getNDManager()).getManagedArrays().size();
    }

    /** Frees the model, its weights and its cached class features. */
    @Override
    public void close() {
        model.close();
    }
}
