/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A training setting of the paper as data: frames, batch, accumulation, epochs, learning rate,
 * augmentation, test views and what is trained. {@link Recipes} loads the shipped ones by name;
 * {@link Recipes#withOverrides} changes single values.
 *
 * @param name the recipe's name (for example {@code few-shot-finetune})
 * @param description what the setting is, in the paper's terms
 * @param tune what trains: {@code both}, {@code image}, {@code text} (the encoders) or {@code
 *     prompts} (bridge and prompt)
 * @param frames frames sampled per clip (T)
 * @param inputSize frame side after cropping, in pixels
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
 * @param template the class-name prompt, {@code {}} standing for the name
 * @param prompts the prompt learner's sizes when {@code tune} is {@code prompts}, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipe(
        String name,
        String description,
        String tune,
        int frames,
        int inputSize,
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
        String template,
        PromptSizes prompts) {

    private static final Set<String> TUNES = Set.of("both", "image", "text", "prompts");

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
     * @param inputSize frame side in pixels
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
        if (tune == null || !TUNES.contains(tune)) {
            problems.add("tune must be one of both, image, text, prompts; got " + tune);
        }
        atLeast(problems, "frames", frames, 1);
        atLeast(problems, "inputSize", inputSize, 1);
        atLeast(problems, "batchSize", batchSize, 1);
        atLeast(problems, "accumulation", accumulation, 1);
        atLeast(problems, "epochs", epochs, 1);
        atLeast(problems, "testClips", testClips, 1);
        atLeast(problems, "testCrops", testCrops, 1);
        atLeast(problems, "finalTestClips", finalTestClips, 1);
        atLeast(problems, "finalTestCrops", finalTestCrops, 1);
        atLeast(problems, "saveFrequency", saveFrequency, 1);
        if (testCrops != 1 && testCrops != 3 || finalTestCrops != 1 && finalTestCrops != 3) {
            problems.add("test crops must be 1 (centre) or 3 (three-crop)");
        }
        if (!(learningRate > 0)) {
            problems.add("learningRate must be positive, got " + learningRate);
        }
        if (!(warmupEpochs >= 0)) {
            problems.add("warmupEpochs must be 0 or more, got " + warmupEpochs);
        }
        if (!(minLearningRateRatio >= 0 && minLearningRateRatio <= 1)) {
            problems.add("minLearningRateRatio must be in [0, 1], got " + minLearningRateRatio);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            problems.add("labelSmoothing must be in [0, 1), got " + labelSmoothing);
        }
        if (!(switchProbability >= 0 && switchProbability <= 1)) {
            problems.add("switchProbability must be in [0, 1], got " + switchProbability);
        }
        if (template == null || !template.contains("{}")) {
            problems.add("template must contain {} where the class name goes, got " + template);
        }
        if ("prompts".equals(tune) && prompts == null) {
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

    /**
     * Returns the class-name prompt for one class.
     *
     * @param className the class name, used verbatim
     * @return the template with the name in place of {@code {}}
     */
    public String prompt(String className) {
        return template.replace("{}", className);
    }
}
