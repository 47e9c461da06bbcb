/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A training setting of the paper as data, and the one place a run's hyper-parameters live: frames,
 * batch, accumulation, epochs, learning rate, optimizer, augmentation, test views, what is trained
 * and the class-name prompt. {@link Recipes} loads the shipped ones by name and changes values
 * given as text; {@link #toBuilder()} changes them in code:
 *
 * <pre>{@code
 * Recipe quick = Recipes.get("few-shot-finetune").toBuilder().optEpochs(2).optFrames(8).build();
 * }</pre>
 *
 * @param name the recipe's name (for example {@code few-shot-finetune})
 * @param description what the setting is, in the paper's terms
 * @param tune what trains: {@link TuningMode#BOTH}, {@link TuningMode#IMAGE}, {@link
 *     TuningMode#TEXT} (the encoders) or {@link TuningMode#PROMPTS} (bridge and prompt)
 * @param frames frames sampled per clip (T)
 * @param batchSize clips per device per iteration
 * @param accumulation iterations whose gradients add up before one optimizer step
 * @param epochs passes over the training list
 * @param learningRate the peak learning rate
 * @param warmupEpochs epochs of linear warm-up from 0 (the reference keeps 5 even for 10-epoch
 *     runs; a warm-up longer than the run never reaches the peak rate)
 * @param minLearningRateRatio the cosine floor as a fraction of the peak
 * @param weightDecay AdamW's decoupled weight decay, on every trained parameter
 * @param beta1 AdamW's β1
 * @param beta2 AdamW's β2
 * @param epsilon AdamW's ε
 * @param labelSmoothing label smoothing folded into the soft targets
 * @param mixupAlpha Mixup's Beta shape (0 turns it off)
 * @param cutmixAlpha CutMix's Beta shape (0 turns it off)
 * @param switchProbability the probability of CutMix rather than Mixup for a batch
 * @param testClips temporal clips per video when evaluating during training
 * @param testCrops spatial crops per video when evaluating during training
 * @param finalTestClips temporal clips per video in the final evaluation
 * @param finalTestCrops spatial crops per video in the final evaluation
 * @param saveFrequency epochs between checkpoints and evaluations (the last epoch always)
 * @param seed the seed of every random stream of the run
 * @param template the class-name prompt: the trainer puts the class names of a fine-tuned model
 *     through it, a prompt learner puts it after its learned context
 * @param prompts the prompt learner's sizes when {@code tune} is {@code PROMPTS}, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipe(
        String name,
        String description,
        TuningMode tune,
        int frames,
        int batchSize,
        int accumulation,
        int epochs,
        double learningRate,
        double warmupEpochs,
        double minLearningRateRatio,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double labelSmoothing,
        double mixupAlpha,
        double cutmixAlpha,
        double switchProbability,
        int testClips,
        int testCrops,
        int finalTestClips,
        int finalTestCrops,
        int saveFrequency,
        long seed,
        PromptTemplate template,
        PromptSizes prompts) {

    /** The most frames per clip: the paper samples 8 to 32. */
    public static final int MAX_FRAMES = 256;

    /** The most clips per device per iteration. */
    public static final int MAX_BATCH_SIZE = 1024;

    /** The most iterations per optimizer step (the paper's effective batch of 256 needs 256). */
    public static final int MAX_ACCUMULATION = 4096;

    /** The most epochs (and warm-up epochs): the paper trains 10 to 50. */
    public static final int MAX_EPOCHS = 10_000;

    /** The most temporal clips per video in an evaluation: the paper uses up to 4. */
    public static final int MAX_TEST_CLIPS = 64;

    /**
     * The prompt learner's sizes (the {@code TRAINER.ViFi_CLIP} settings of the reference's
     * prompting configs).
     *
     * @param textContext learned text context vectors
     * @param visionContext learned vision prompt tokens
     * @param textDepth text prompt depth (layer 0 plus blocks 1..depth−1)
     * @param visionDepth vision prompt depth
     */
    public record PromptSizes(int textContext, int visionContext, int textDepth, int visionDepth) {}

    /**
     * Checks every value.
     *
     * @param name the recipe's name
     * @param description what the setting is
     * @param tune what trains
     * @param frames frames per clip
     * @param batchSize clips per device per iteration
     * @param accumulation iterations per optimizer step
     * @param epochs passes over the training list
     * @param learningRate the peak learning rate
     * @param warmupEpochs warm-up epochs
     * @param minLearningRateRatio the cosine floor's fraction
     * @param weightDecay the weight decay
     * @param beta1 AdamW's β1
     * @param beta2 AdamW's β2
     * @param epsilon AdamW's ε
     * @param labelSmoothing the label smoothing
     * @param mixupAlpha Mixup's shape
     * @param cutmixAlpha CutMix's shape
     * @param switchProbability the CutMix probability
     * @param testClips clips when evaluating during training
     * @param testCrops crops when evaluating during training
     * @param finalTestClips clips in the final evaluation
     * @param finalTestCrops crops in the final evaluation
     * @param saveFrequency epochs between checkpoints
     * @param seed the seed
     * @param template the class-name prompt
     * @param prompts the prompt sizes, or null
     * @throws IllegalArgumentException naming every invalid value and what is allowed
     */
    public Recipe {
        List<String> problems = new ArrayList<>();
        if (tune == null || tune == TuningMode.NONE) {
            problems.add("tune must be one of both, image, text, prompts; got " + tune);
        }
        within(problems, "frames", frames, MAX_FRAMES);
        within(problems, "batchSize", batchSize, MAX_BATCH_SIZE);
        within(problems, "accumulation", accumulation, MAX_ACCUMULATION);
        within(problems, "epochs", epochs, MAX_EPOCHS);
        within(problems, "testClips", testClips, MAX_TEST_CLIPS);
        atLeast(problems, "testCrops", testCrops, 1);
        within(problems, "finalTestClips", finalTestClips, MAX_TEST_CLIPS);
        atLeast(problems, "finalTestCrops", finalTestCrops, 1);
        atLeast(problems, "saveFrequency", saveFrequency, 1);
        if (testCrops != 1 && testCrops != 3 || finalTestCrops != 1 && finalTestCrops != 3) {
            problems.add("test crops must be 1 (centre) or 3 (three-crop)");
        }
        if (!(learningRate > 0)) {
            problems.add("learningRate must be positive, got " + learningRate);
        } else if (!(learningRate <= 1)) {
            problems.add("learningRate must be at most 1, got " + learningRate);
        }
        if (!(warmupEpochs >= 0)) {
            problems.add("warmupEpochs must be 0 or more, got " + warmupEpochs);
        } else if (!(warmupEpochs <= MAX_EPOCHS)) {
            problems.add("warmupEpochs must be at most " + MAX_EPOCHS + ", got " + warmupEpochs);
        }
        fraction(problems, "minLearningRateRatio", minLearningRateRatio, true);
        fraction(problems, "labelSmoothing", labelSmoothing, false);
        fraction(problems, "switchProbability", switchProbability, true);
        fraction(problems, "beta1", beta1, false);
        fraction(problems, "beta2", beta2, false);
        finiteAtLeastZero(problems, "weightDecay", weightDecay);
        finiteAtLeastZero(problems, "mixupAlpha", mixupAlpha);
        finiteAtLeastZero(problems, "cutmixAlpha", cutmixAlpha);
        if (!(epsilon > 0 && epsilon <= 1)) {
            problems.add("epsilon must be positive, at most 1, got " + epsilon);
        }
        if (template == null) {
            problems.add("template must contain {} where the class name goes, got null");
        }
        if (tune == TuningMode.PROMPTS && prompts == null) {
            problems.add("a prompts recipe needs prompt sizes (prompts.textContext, ...)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid recipe '" + name + "': " + String.join("; ", problems));
        }
    }

    private static void atLeast(List<String> problems, String field, int value, int min) {
        if (value < min) {
            problems.add(field + " must be at least " + min + ", got " + value);
        }
    }

    private static void within(List<String> problems, String field, int value, int max) {
        atLeast(problems, field, value, 1);
        if (value > max) {
            problems.add(field + " must be at most " + max + ", got " + value);
        }
    }

    /** Checks a value in [0, 1], or in [0, 1) without {@code oneAllowed}. */
    private static void fraction(
            List<String> problems, String field, double value, boolean oneAllowed) {
        if (!(value >= 0 && (value < 1 || oneAllowed && value == 1))) {
            problems.add(field + " must be in [0, 1" + (oneAllowed ? "]" : ")") + ", got " + value);
        }
    }

    private static void finiteAtLeastZero(List<String> problems, String field, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            problems.add(field + " must be a finite number, 0 or more, got " + value);
        }
    }

    /**
     * Returns a builder holding this recipe's values, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a {@link Recipe}'s values; {@link #build()} checks them all. */
    public static final class Builder {

        private String name;
        private String description;
        private TuningMode tune;
        private int frames;
        private int batchSize;
        private int accumulation;
        private int epochs;
        private double learningRate;
        private double warmupEpochs;
        private double minLearningRateRatio;
        private double weightDecay;
        private double beta1;
        private double beta2;
        private double epsilon;
        private double labelSmoothing;
        private double mixupAlpha;
        private double cutmixAlpha;
        private double switchProbability;
        private int testClips;
        private int testCrops;
        private int finalTestClips;
        private int finalTestCrops;
        private int saveFrequency;
        private long seed;
        private PromptTemplate template;
        private PromptSizes prompts;

        private Builder(Recipe r) {
            name = r.name;
            description = r.description;
            tune = r.tune;
            frames = r.frames;
            batchSize = r.batchSize;
            accumulation = r.accumulation;
            epochs = r.epochs;
            learningRate = r.learningRate;
            warmupEpochs = r.warmupEpochs;
            minLearningRateRatio = r.minLearningRateRatio;
            weightDecay = r.weightDecay;
            beta1 = r.beta1;
            beta2 = r.beta2;
            epsilon = r.epsilon;
            labelSmoothing = r.labelSmoothing;
            mixupAlpha = r.mixupAlpha;
            cutmixAlpha = r.cutmixAlpha;
            switchProbability = r.switchProbability;
            testClips = r.testClips;
            testCrops = r.testCrops;
            finalTestClips = r.finalTestClips;
            finalTestCrops = r.finalTestCrops;
            saveFrequency = r.saveFrequency;
            seed = r.seed;
            template = r.template;
            prompts = r.prompts;
        }

        /**
         * Sets the name and description.
         *
         * @param name the name
         * @param description what the setting is
         * @return this builder
         */
        public Builder optName(String name, String description) {
            this.name = name;
            this.description = description;
            return this;
        }

        /**
         * Sets what trains.
         *
         * @param tune the tuning mode (not {@link TuningMode#NONE})
         * @return this builder
         */
        public Builder optTune(TuningMode tune) {
            this.tune = tune;
            return this;
        }

        /**
         * Sets the frames per clip.
         *
         * @param frames 1 to {@value Recipe#MAX_FRAMES}
         * @return this builder
         */
        public Builder optFrames(int frames) {
            this.frames = frames;
            return this;
        }

        /**
         * Sets the clips per device per iteration.
         *
         * @param batchSize 1 to {@value Recipe#MAX_BATCH_SIZE}
         * @return this builder
         */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the iterations whose gradients add up before each optimizer step.
         *
         * @param accumulation 1 to {@value Recipe#MAX_ACCUMULATION}
         * @return this builder
         */
        public Builder optAccumulation(int accumulation) {
            this.accumulation = accumulation;
            return this;
        }

        /**
         * Sets the number of epochs.
         *
         * @param epochs 1 to {@value Recipe#MAX_EPOCHS}
         * @return this builder
         */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the peak learning rate.
         *
         * @param learningRate a positive rate, at most 1
         * @return this builder
         */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the linear warm-up length in epochs (5 in the reference).
         *
         * @param epochs 0 or more
         * @return this builder
         */
        public Builder optWarmupEpochs(double epochs) {
            this.warmupEpochs = epochs;
            return this;
        }

        /**
         * Sets the cosine floor as a fraction of the peak (0.01 in the reference).
         *
         * @param ratio a fraction in [0, 1]
         * @return this builder
         */
        public Builder optMinLearningRateRatio(double ratio) {
            this.minLearningRateRatio = ratio;
            return this;
        }

        /**
         * Sets AdamW's decoupled weight decay, betas and ε.
         *
         * @param weightDecay 0 or more
         * @param beta1 the first moment's decay
         * @param beta2 the second moment's decay
         * @param epsilon a positive value
         * @return this builder
         */
        public Builder optAdamW(double weightDecay, double beta1, double beta2, double epsilon) {
            this.weightDecay = weightDecay;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            return this;
        }

        /**
         * Sets the label smoothing folded into the targets.
         *
         * @param smoothing a value in [0, 1)
         * @return this builder
         */
        public Builder optLabelSmoothing(double smoothing) {
            this.labelSmoothing = smoothing;
            return this;
        }

        /**
         * Sets the Mixup and CutMix Beta shapes (0 turns one off) and the probability of CutMix.
         *
         * @param mixupAlpha Mixup's shape
         * @param cutmixAlpha CutMix's shape
         * @param switchProbability the probability of CutMix when both are on
         * @return this builder
         */
        public Builder optMixupCutmix(
                double mixupAlpha, double cutmixAlpha, double switchProbability) {
            this.mixupAlpha = mixupAlpha;
            this.cutmixAlpha = cutmixAlpha;
            this.switchProbability = switchProbability;
            return this;
        }

        /**
         * Sets the views per video of the evaluations during training and of the final one.
         *
         * @param clips temporal clips during training
         * @param crops spatial crops during training (1 or 3)
         * @param finalClips temporal clips in the final evaluation
         * @param finalCrops spatial crops in the final evaluation (1 or 3)
         * @return this builder
         */
        public Builder optTestViews(int clips, int crops, int finalClips, int finalCrops) {
            this.testClips = clips;
            this.testCrops = crops;
            this.finalTestClips = finalClips;
            this.finalTestCrops = finalCrops;
            return this;
        }

        /**
         * Sets the epochs between checkpoints and evaluations (the last epoch always gets both).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder optSaveFrequency(int epochs) {
            this.saveFrequency = epochs;
            return this;
        }

        /**
         * Sets the seed every random stream of the run derives from.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the class-name prompt.
         *
         * @param template the template
         * @return this builder
         */
        public Builder optTemplate(PromptTemplate template) {
            this.template = template;
            return this;
        }

        /**
         * Sets the prompt learner's sizes (prompt recipes).
         *
         * @param prompts the sizes, or null
         * @return this builder
         */
        public Builder optPrompts(PromptSizes prompts) {
            this.prompts = prompts;
            return this;
        }

        /**
         * Builds the recipe.
         *
         * @return the recipe
         * @throws IllegalArgumentException naming every invalid value
         */
        public Recipe build() {
            return new Recipe(
                    name,
                    description,
                    tune,
                    frames,
                    batchSize,
                    accumulation,
                    epochs,
                    learningRate,
                    warmupEpochs,
                    minLearningRateRatio,
                    weightDecay,
                    beta1,
                    beta2,
                    epsilon,
                    labelSmoothing,
                    mixupAlpha,
                    cutmixAlpha,
                    switchProbability,
                    testClips,
                    testCrops,
                    finalTestClips,
                    finalTestCrops,
                    saveFrequency,
                    seed,
                    template,
                    prompts);
        }
    }
}
