/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.zoo;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.vificlip.data.dataset.ClipLoader;
import io.github.vificlip.data.transform.VideoTensor;
import io.github.vificlip.data.video.VideoDecodeException;
import io.github.vificlip.data.video.VideoDecoder;
import io.github.vificlip.data.video.VideoDecoders;
import io.github.vificlip.model.DjlDefaults;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.ViFiClipBlock;
import io.github.vificlip.model.VideoTextBlock;
import io.github.vificlip.prompts.PromptedViFiClipBlock;
import io.github.vificlip.training.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Classifies video files with a ViFi-CLIP model, DJL style: a {@link Translator} from a video
 * {@link Path} to {@link Classifications} over a list of class names.
 *
 * <pre>{@code
 * VideoClassificationTranslator translator = VideoClassificationTranslator.builder()
 *         .setClassNames(List.of("archery", "surfing water", "playing violin"))
 *         .optFrames(32)
 *         .build();
 * try (ViFiClip model = ViFiClip.builder().optWeights(openAiPt, vifiClipPth).build();
 *         Predictor<Path, Classifications> predictor = model.getModel().newPredictor(translator)) {
 *     Classifications result = predictor.predict(Path.of("clip.mp4"));
 * }
 * }</pre>
 *
 * <p>Each video is opened with the decoder ({@link
 * io.github.vificlip.data.video.VideoDecoders#byDefault()}: Humble Video, or FFmpeg 8 where only
 * that backend is on the class path), T frames per view are taken at segment centres ({@code
 * SampleFrames} in the reference's {@code datasets/pipeline.py}; several clips spread over each
 * segment for multi-view), resized and normalised as the reference tests (short side 256/224 of the
 * crop and a centre crop, or three crops along the long side), and the model scores every view
 * against the class prompts. The probabilities are the softmax over classes, averaged over views
 * (the reference sums them; the ranking is the same and these still add up to 1).
 *
 * <p>When a predictor is prepared, the translator makes its class prompts with the model's block
 * ({@link VideoTextBlock#classTokenIds}) and passes them with every batch: the model's own class
 * list is left alone, so predictors of translators with different class lists share one model,
 * concurrently, each scoring its own classes (the text features of the last few lists stay cached).
 * A model with learned prompts (a {@link PromptedViFiClipBlock}, bridge and prompt) brings its own
 * class text, the learned context before each name: it takes the class names only, and a translator
 * built with {@link Builder#optTemplate} refuses it.
 *
 * <p>Videos that cannot be read fail with a {@link TranslateException} whose message names the file
 * and the reason. {@code batchPredict} decodes every video of the batch and runs one forward pass.
 */
public final class VideoClassificationTranslator implements Translator<Path, Classifications> {

    /**
     * The most class names: all are encoded by the text tower (a slice at a time) when the model is
     * first used, and each video is scored against every one (ImageNet-21k's 21,841 fit; Kinetics
     * has 400 to 700).
     */
    public static final int MAX_CLASSES = 25_000;

    /** The context attachment holding the class prompt ids of one prediction call. */
    private static final String CLASS_IDS = "vificlip.classIds";

    static {
        DjlDefaults.apply();
    }

    private final List<String> classNames;
    private final PromptTemplate template;
    private final boolean templateGiven;
    private final int frames;
    private final int clips;
    private final int crops;
    private final int topK;
    private final VideoDecoder decoder;
    private final ViewBatchifier batchifier;
    private volatile ClipLoader loader;
    private volatile int imageSize;
    private volatile int[][] classIds;

    private VideoClassificationTranslator(Builder builder) {
        this.classNames = List.copyOf(builder.classNames);
        this.template = builder.template != null ? builder.template : PromptTemplate.FINE_TUNE;
        this.templateGiven = builder.template != null;
        this.frames = builder.frames;
        this.clips = builder.clips;
        this.crops = builder.crops;
        this.topK = builder.topK;
        this.decoder = builder.decoder != null ? builder.decoder : VideoDecoders.byDefault();
        this.batchifier = new ViewBatchifier(clips * crops);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the class names, in score order.
     *
     * @return the names
     */
    public List<String> getClassNames() {
        return classNames;
    }

    /**
     * Returns the template the class names go through on a fine-tuned model.
     *
     * @return the prompt template
     */
    public PromptTemplate getTemplate() {
        return template;
    }

    /**
     * Returns the frames sampled per view.
     *
     * @return T
     */
    public int getFrames() {
        return frames;
    }

    /**
     * Returns the views scored per video.
     *
     * @return clips × crops
     */
    public int getViews() {
        return clips * crops;
    }

    /**
     * Makes this translator's class prompts for the model (without changing the model's own
     * classes: they travel with each batch, so translators with different class lists share one
     * model, concurrently) and builds the clip loader for its image size.
     *
     * @param ctx the predictor's context
     * @throws IllegalArgumentException if the model's block is neither a {@link ViFiClipBlock} nor
     *     a {@link PromptedViFiClipBlock}, or is a prompted one and a template was given
     */
    @Override
    public void prepare(TranslatorContext ctx) {
        VideoTextBlock block = videoBlock(ctx.getBlock());
        classIds = block.classTokenIds(classNames, template);
        int size = block.getConfig().imageSize();
        loader = ClipLoader.forTesting(decoder, frames, clips, crops, size);
        imageSize = size;
    }

    /**
     * Decodes and prepares one video.
     *
     * @param ctx the predictor's context
     * @param video the video file
     * @return {@code [views, T, 3, size, size]}
     * @throws TranslateException if the video cannot be read; the message names the file
     */
    @Override
    public NDList processInput(TranslatorContext ctx, Path video) throws TranslateException {
        VideoTensor clip;
        try {
            clip = loader.load(video, new SplittableRandom(0)); // test sampling draws nothing
        } catch (VideoDecodeException e) {
            throw new TranslateException("Cannot classify " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TranslateException("Cannot classify " + video + ": " + e, e);
        }
        NDArray array = clip.toNDArray(ctx.getNDManager());
        return new NDList(
                array.reshape(clips * crops, frames, 3, imageSize, imageSize), classIdsOf(ctx));
    }

    /**
     * The class prompt ids as an array of the prediction's memory, made once per prediction call
     * (every video of a batch passes the same one; the batchifier keeps only the first).
     */
    private NDArray classIdsOf(TranslatorContext ctx) {
        NDArray ids = (NDArray) ctx.getAttachment(CLASS_IDS);
        if (ids == null) {
            ids = ctx.getNDManager().create(classIds);
            ctx.setAttachment(CLASS_IDS, ids);
        }
        return ids;
    }

    /**
     * Turns one video's logits into class probabilities.
     *
     * @param ctx the predictor's context
     * @param list {@code [views, classes]} logits
     * @return the probabilities, averaged over views
     */
    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray logits = list.singletonOrThrow();
        float[] probabilities = logits.softmax(-1).mean(new int[] {0}).toFloatArray();
        List<Double> values = new ArrayList<>(probabilities.length);
        for (float p : probabilities) {
            values.add((double) p);
        }
        Classifications result = new Classifications(classNames, values);
        result.setTopK(topK);
        return result;
    }

    /**
     * Returns the batchifier: it puts the views of all videos in one batch of clips and splits the
     * logits back per video.
     *
     * @return the batchifier
     */
    @Override
    public Batchifier getBatchifier() {
        return batchifier;
    }

    private VideoTextBlock videoBlock(Block block) {
        if (block instanceof ViFiClipBlock vifi) {
            return vifi;
        }
        if (block instanceof PromptedViFiClipBlock prompted) {
            if (templateGiven) {
                throw new IllegalArgumentException(
                        "This model has learned prompts, which bring their own class text (the"
                                + " learned context before each name): build the translator"
                                + " without optTemplate");
            }
            return prompted;
        }
        throw new IllegalArgumentException(
                "VideoClassificationTranslator needs a ViFi-CLIP model, whose block is a"
                        + " ViFiClipBlock or a PromptedViFiClipBlock; this model's block is "
                        + (block == null ? "missing" : block.getClass().getName()));
    }

    /**
     * Checks a list of class names as {@link Builder#build()} does: 1 to {@value #MAX_CLASSES}
     * names, none null, and none blank or repeated ({@link VideoTextBlock#checkClassNames}).
     *
     * @param classNames the names
     * @throws IllegalArgumentException naming the first problem (and at most a few names)
     */
    static void checkClassNames(List<String> classNames) {
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException(
                    "setClassNames(...) needs at least one class name, got " + classNames);
        }
        if (classNames.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    String.format(
                            Locale.ROOT,
                            "at most %,d class names, got %,d",
                            MAX_CLASSES,
                            classNames.size()));
        }
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i) == null) {
                throw new IllegalArgumentException("class name " + (i + 1) + " is null");
            }
        }
        VideoTextBlock.checkClassNames(classNames);
    }

    /** Builds a {@link VideoClassificationTranslator}. */
    public static final class Builder {

        private List<String> classNames;
        private PromptTemplate template;
        private int frames = ZooArguments.DEFAULT_FRAMES;
        private int clips = 1;
        private int crops = 1;
        private int topK = ZooArguments.DEFAULT_TOP_K;
        private VideoDecoder decoder;

        Builder() {}

        /**
         * Sets the class names (required), used verbatim, in score order.
         *
         * @param classNames the names
         * @return this builder
         */
        public Builder setClassNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        /**
         * Sets the prompt template ({@link PromptTemplate#FINE_TUNE}, "a photo of a {}.", by
         * default; {@link PromptTemplate#BARE} for vanilla CLIP zero-shot). Models with learned
         * prompts bring their own class text and refuse a translator with a template.
         *
         * @param template the template, or null for the default
         * @return this builder
         */
        public Builder optTemplate(PromptTemplate template) {
            this.template = template;
            return this;
        }

        /**
         * Sets the frames sampled per view (32 by default, the paper's zero-shot and few-shot
         * setting).
         *
         * @param frames T
         * @return this builder
         */
        public Builder optFrames(int frames) {
            this.frames = frames;
            return this;
        }

        /**
         * Sets multi-view testing: temporal clips per video and spatial crops per clip (1 × 1 by
         * default; the paper's fully supervised test uses 4 × 3).
         *
         * @param clips temporal clips, at least 1
         * @param crops 1 (centre crop) or 3 (three crops along the long side)
         * @return this builder
         */
        public Builder optViews(int clips, int crops) {
            this.clips = clips;
            this.crops = crops;
            return this;
        }

        /**
         * Sets how many classes {@link Classifications#toString()} shows (5 by default).
         *
         * @param topK the number of classes
         * @return this builder
         */
        public Builder optTopK(int topK) {
            this.topK = topK;
            return this;
        }

        /**
         * Sets the video decoder ({@link VideoDecoders#byDefault()} by default; {@code
         * VideoDecoders.byName("ffmpeg")} for FFmpeg 8, which also reads AV1).
         *
         * @param decoder the decoding backend
         * @return this builder
         */
        public Builder optDecoder(VideoDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Builds the translator.
         *
         * @return the translator
         * @throws IllegalArgumentException if the class names are missing, empty or repeated, or a
         *     count is out of range
         */
        public VideoClassificationTranslator build() {
            checkClassNames(classNames);
            if (frames < 1 || clips < 1 || topK < 1) {
                throw new IllegalArgumentException(
                        "Frames, clips and topK must be at least 1, got "
                                + frames
                                + ", "
                                + clips
                                + ", "
                                + topK);
            }
            if (frames > Recipe.MAX_FRAMES || clips > Recipe.MAX_TEST_CLIPS) {
                throw new IllegalArgumentException(
                        "Frames and clips must be at most "
                                + Recipe.MAX_FRAMES
                                + " and "
                                + Recipe.MAX_TEST_CLIPS
                                + ", got "
                                + frames
                                + " and "
                                + clips);
            }
            if (crops != 1 && crops != 3) {
                throw new IllegalArgumentException("Crops must be 1 or 3, got " + crops);
            }
            return new VideoClassificationTranslator(this);
        }
    }
}
