/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import io.github.vificlip.weights.StateDict;
import io.github.vificlip.weights.StateDicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ViFi-CLIP model ready to use: it owns a DJL {@link Model} (and so its native memory) holding a
 * {@link ViFiClipBlock}, on the device of your choice. Close it when done.
 *
 * <pre>{@code
 * try (ViFiClip model = ViFiClip.builder()
 *                 .setConfig(ClipConfig.VIT_B_16)
 *                 .optStateDict(weights)          // tensors under OpenAI names
 *                 .optDevice(Device.cpu())
 *                 .build();
 *         VideoClassifier classifier = model.classifier(List.of("archery", "surfing water"))) {
 *     List<Classifications> results = classifier.classifyBatch(clips); // [B, T, 3, 224, 224]
 * }
 * }</pre>
 *
 * <p>Inputs are prepared clips, {@code [B, T, 3, H, W]} float arrays already resized and normalised
 * (decoding files is the data module's job), from any manager and device: the model copies them to
 * its device when needed and never closes them. Outputs are plain Java arrays or DJL {@code
 * Classifications}, so nothing native escapes. Every call works in its own child manager, so calls
 * from several threads are safe.
 *
 * <p>A model built here is frozen ({@link TuningMode#NONE}) unless {@link
 * Builder#optTuning(TuningMode)} says otherwise; a trainer changes the mode through {@link
 * #getBlock()}.
 */
public final class ViFiClip implements AutoCloseable {

    static {
        DjlDefaults.apply();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ViFiClip.class);

    private final Model model;
    private final ViFiClipBlock block;
    private final Device device;

    private ViFiClip(Model model, ViFiClipBlock block) {
        this.model = model;
        this.block = block;
        this.device = model.getNDManager().getDevice();
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
     * Returns the architecture.
     *
     * @return the CLIP configuration
     */
    public ClipConfig getConfig() {
        return block.getConfig();
    }

    /**
     * Returns the device the weights live on.
     *
     * @return the device
     */
    public Device getDevice() {
        return device;
    }

    /**
     * Returns the DJL model (for {@code Model.save}, trainers and predictors). It stays owned by
     * this object.
     *
     * @return the model
     */
    public Model getModel() {
        return model;
    }

    /**
     * Returns the video model block (for tuning modes, class names and training loops).
     *
     * @return the block
     */
    public ViFiClipBlock getBlock() {
        return block;
    }

    /**
     * Returns a classifier for these classes through the model's template ("a photo of a {}." by
     * default). It computes the class text features once.
     *
     * @param classNames the class names, used verbatim, in label order
     * @return a classifier; close it to free its text features
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated
     */
    public VideoClassifier classifier(List<String> classNames) {
        return classifier(classNames, block.getTemplate());
    }

    /**
     * Returns a classifier for these classes through a template of your choice ({@link
     * PromptTemplate#BARE} for vanilla-CLIP zero-shot).
     *
     * @param classNames the class names, used verbatim, in label order
     * @param template the prompt template
     * @return a classifier; close it to free its text features
     * @throws IllegalArgumentException if the list is empty, or a name is null, blank or repeated
     */
    public VideoClassifier classifier(List<String> classNames, PromptTemplate template) {
        return classifier(block, classNames, template);
    }

    /**
     * Returns a classifier that scores with another model built on this one's weights, such as a
     * prompted model (module vificlip-prompts). It runs on this model's device and memory.
     *
     * @param scorer the video and class-name embeddings to score with
     * @param classNames the class names, in label order
     * @param template how a name becomes text (for a prompted model: the text after the learned
     *     context)
     * @return a classifier; close it to free its text features
     * @throws IllegalArgumentException if the list is empty, a name is null, blank or repeated, or
     *     the template is null
     */
    public VideoClassifier classifier(
            VideoClassificationBlock scorer, List<String> classNames, PromptTemplate template) {
        VideoTextBlock.checkClassNames(classNames);
        if (template == null) {
            throw new IllegalArgumentException("template must not be null");
        }
        return new VideoClassifier(this, scorer, classNames, template);
    }

    /**
     * Embeds videos: the mean of the frame embeddings, L2-normalised (the features the logits use).
     *
     * @param clips {@code [B, T, 3, H, W]}, or one clip {@code [T, 3, H, W]}
     * @return one unit-length row of {@code embedDim} values per clip
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] videoEmbeddings(NDArray clips) {
        return videoEmbeddings(block, clips);
    }

    /**
     * Embeds videos with another model built on this one's weights (a prompted model), on this
     * model's device.
     *
     * @param encoder the model whose video path to run
     * @param clips {@code [B, T, 3, H, W]}, or one clip {@code [T, 3, H, W]}
     * @return one unit-length row of {@code embedDim} values per clip
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] videoEmbeddings(VideoClassificationBlock encoder, NDArray clips) {
        return run(clips, (store, x) -> rows(encoder.encodeVideo(store, asBatch(x, 5), false)));
    }

    /**
     * Embeds class names through a model's class prompt (this model's block with a template, or a
     * prompted model with its learned context), on this model's device.
     *
     * @param encoder the model whose text path to run
     * @param classNames the class names
     * @param template how a name becomes text
     * @return one unit-length row of {@code embedDim} values per class
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a prompt does not fit the
     *     context length
     */
    public float[][] classEmbeddings(
            VideoClassificationBlock encoder, List<String> classNames, PromptTemplate template) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            return rows(
                    encoder.encodeClassNames(
                            new ParameterStore(step, false), step, classNames, template, false));
        }
    }

    /**
     * Embeds images (or single frames), L2-normalised.
     *
     * @param images {@code [N, 3, H, W]}, or one image {@code [3, H, W]}
     * @return one unit-length row of {@code embedDim} values per image
     * @throws IllegalArgumentException if the shape is wrong
     */
    public float[][] imageEmbeddings(NDArray images) {
        return run(
                images,
                (store, x) ->
                        rows(
                                ClipModel.normalize(
                                        block.getClip().encodeImage(store, asBatch(x, 4), false))));
    }

    /**
     * Embeds texts exactly as given (no template), L2-normalised.
     *
     * @param texts the texts
     * @return one unit-length row of {@code embedDim} values per text
     * @throws io.github.vificlip.tokenizer.TextTooLongException if a text does not fit the context
     *     length
     */
    public float[][] textEmbeddings(List<String> texts) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            return rows(block.encodeTexts(new ParameterStore(step, false), step, texts, false));
        }
    }

    /**
     * Loads weights under OpenAI's names (see {@link ClipModel#loadStateDict(Map, boolean)}).
     *
     * @param tensors the state dict; the caller keeps ownership
     * @param strict whether anything short of an exact match is an error
     * @return what was loaded and what was not
     * @throws StateDictMismatchException if {@code strict} and the tensors do not match
     */
    public LoadReport loadStateDict(Map<String, NDArray> tensors, boolean strict) {
        return block.loadStateDict(tensors, strict);
    }

    /**
     * Returns the live parameter arrays under OpenAI's names, for export (see {@link
     * ClipModel#stateDict()}).
     *
     * @return the state dict view
     */
    public Map<String, NDArray> stateDict() {
        return block.getClip().stateDict();
    }

    /** Frees the weights and everything else this model allocated. */
    @Override
    public void close() {
        model.close();
    }

    /**
     * Runs {@code work} on {@code input} in a child manager on the model's device, converting the
     * input to float32 there; the input goes back to its own manager afterwards.
     */
    <T> T run(NDArray input, BiFunction<ParameterStore, NDArray, T> work) {
        try (NDManager step = model.getNDManager().newSubManager()) {
            NDArray x;
            if (input.getDevice().equals(device)) {
                step.tempAttachAll(input);
                x = input;
            } else {
                x = input.toDevice(device, true);
                x.attach(step);
            }
            if (x.getDataType() != DataType.FLOAT32) {
                x = x.toType(DataType.FLOAT32, false);
            }
            return work.apply(new ParameterStore(step, false), x);
        }
    }

    /** Adds a batch axis to a single item of rank {@code batchRank − 1}. */
    static NDArray asBatch(NDArray x, int batchRank) {
        return x.getShape().dimension() == batchRank - 1 ? x.expandDims(0) : x;
    }

    /** Copies a 2-D array into Java rows. */
    static float[][] rows(NDArray matrix) {
        Shape shape = matrix.getShape();
        int n = Math.toIntExact(shape.get(0));
        int width = Math.toIntExact(shape.get(1));
        float[] flat = matrix.toFloatArray();
        float[][] rows = new float[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return rows;
    }

    /** Builds a {@link ViFiClip}: the model's settings, its weights and its device. */
    public static final class Builder extends ViFiClipSettings<Builder, ViFiClip> {

        private Map<String, NDArray> stateDict;
        private List<Path> weightFiles = List.of();
        private boolean strict = true;
        private Device device;

        Builder() {
            super(TuningMode.NONE);
        }

        /** {@inheritDoc} */
        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the architecture by preset name.
         *
         * @param preset {@code ViT-B/32}, {@code ViT-B/16} or {@code ViT-L/14}
         * @return this builder
         * @throws IllegalArgumentException if no preset has that name
         */
        public Builder setPreset(String preset) {
            this.config = ClipConfig.preset(preset);
            return this;
        }

        /**
         * Sets the weights, as tensors under OpenAI's names (what the weight readers produce).
         * Without them the model starts from CLIP's seeded random initialisation.
         *
         * @param stateDict the tensors; the caller keeps ownership and may close them after {@link
         *     #build()}
         * @return this builder
         */
        public Builder optStateDict(Map<String, NDArray> stateDict) {
            this.stateDict = stateDict;
            return this;
        }

        /**
         * Reads the weights from files in any supported format (OpenAI TorchScript {@code .pt},
         * {@code torch.save} checkpoints including ViFi-CLIP's {@code .pth}, OpenAI, open_clip or
         * Hugging Face safetensors; see {@link io.github.vificlip.weights.StateDicts}). A later
         * file's tensors replace an earlier one's, so {@code optWeights(openAiPt, vifiClipPth)}
         * gives a ViFi-CLIP model with OpenAI's token embedding. Without {@link #setConfig} the
         * architecture is detected from the tensors.
         *
         * @param files one or more weight files
         * @return this builder
         */
        public Builder optWeights(Path... files) {
            this.weightFiles = List.of(files);
            return this;
        }

        /**
         * Sets whether the weights must match the model exactly (the default) or may be loaded
         * partially, with the rest initialised randomly and reported in the log.
         *
         * @param strict whether loading is strict
         * @return this builder
         */
        public Builder optStrict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Sets the device (DJL's default device by default: the first GPU if there is one).
         *
         * @param device the device
         * @return this builder
         */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /**
         * Builds the model: allocates the weights on the device and loads the state dict.
         *
         * @return the model; close it when done
         * @throws IllegalArgumentException if the configuration is missing or invalid
         * @throws StateDictMismatchException if loading is strict and the weights do not match
         * @throws UncheckedIOException if a weights file cannot be read; the message names it
         */
        @Override
        public ViFiClip build() {
            if (weightFiles.isEmpty()) {
                if (config == null) {
                    throw new IllegalArgumentException(
                            "setConfig(ClipConfig), setPreset or optWeights is required");
                }
                return super.build();
            }
            if (stateDict != null) {
                throw new IllegalArgumentException(
                        "Give weights as files or as a state dict, not both");
            }
            try (NDManager reading = NDManager.newBaseManager(Device.cpu());
                    StateDict weights = StateDicts.read(weightFiles, reading)) {
                if (config == null) {
                    config = weights.detectArchitecture();
                    LOG.info("Detected {} in {}", config.name(), weightFiles);
                }
                return buildWith(weights.tensors());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Creates the model from the state dict given, if any.
         *
         * @param config the architecture
         * @param seed the seed of randomly initialised weights
         * @return the model
         * @throws IllegalArgumentException if the settings are invalid
         * @throws StateDictMismatchException if loading is strict and the weights do not match
         */
        @Override
        protected ViFiClip create(ClipConfig config, long seed) {
            return buildWith(stateDict);
        }

        private ViFiClip buildWith(Map<String, NDArray> stateDict) {
            validate();
            ViFiClipBlock block = new ViFiClipBlock(this, null);
            Model model = Model.newInstance("vificlip-" + config.name(), device);
            try {
                model.setBlock(block);
                if (stateDict != null) {
                    skipRandomInitialisation(block, stateDict);
                } else {
                    LOG.warn(
                            "No weights given for {}: random initialisation with seed {}",
                            config.name(),
                            seed);
                }
                block.initialize(
                        model.getNDManager(), DataType.FLOAT32, block.initializationShape());
                if (stateDict != null) {
                    block.loadStateDict(stateDict, strict);
                }
                block.setTuning(tuning);
                return new ViFiClip(model, block);
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }

        /** Tensors about to be overwritten need no random draws: start them as zeros. */
        private static void skipRandomInitialisation(
                ViFiClipBlock block, Map<String, NDArray> stateDict) {
            Map<String, Shape> shapes = ClipModel.parameterShapes(block.getConfig());
            for (Map.Entry<String, Parameter> entry :
                    block.getClip().namedParameters().entrySet()) {
                NDArray tensor = stateDict.get(entry.getKey());
                if (tensor != null && tensor.getShape().equals(shapes.get(entry.getKey()))) {
                    entry.getValue().setInitializer(Initializer.ZEROS);
                }
            }
        }
    }
}
