/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipes;
import io.github.vificlip.training.TrainingListener;
import io.github.vificlip.training.TrainingResult;
import io.github.vificlip.training.ViFiClipTrainer;
import io.github.vificlip.weights.SafetensorsContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Freezing, initialisation and training: only the prompts ever change. */
class PromptTrainingTest {

    private static final List<String> CLASSES = List.of("red", "green", "blue", "white");

    @Test
    void onlyThePromptsTrainUnderTheReferencesNames() {
        try (ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            PromptedViFiClipBlock block = prompted.getBlock();

            assertThat(block.getTuning()).isEqualTo(TuningMode.PROMPTS);
            assertThat(block.trainableParameters().keySet())
                    .containsExactlyElementsOf(TinyPrompts.PROMPT_NAMES)
                    .containsExactlyElementsOf(
                            TinyPrompts.LEARNER.parameterShapes(TinyPrompts.CONFIG).keySet());
            assertThat(block.trainableParameters().values())
                    .allMatch(p -> p.getArray().hasGradient());
            assertThat(model.getBlock().getClip().namedParameters().values())
                    .noneMatch(Parameter::requiresGradient);
            assertThat(model.getBlock().getClip().getLogitScale().requiresGradient()).isFalse();

            block.setTuning(TuningMode.NONE);
            assertThat(block.trainableParameters()).isEmpty();
            assertThat(block.promptParameters().values()).noneMatch(Parameter::requiresGradient);
            assertThatThrownBy(() -> block.setTuning(TuningMode.BOTH))
                    .hasMessageContaining("trains its prompts only (PROMPTS) or nothing (NONE)");
            block.setTuning(TuningMode.PROMPTS);
            assertThat(block.promptParameters().values()).allMatch(Parameter::requiresGradient);
        }
    }

    @Test
    void promptsStartFromSeededNormalNoiseOfStd002() {
        PromptLearner learner =
                PromptLearner.builder()
                        .setTextContext(16)
                        .setVisionContext(16)
                        .optDepth(3)
                        .optSeed(7)
                        .build();
        try (ViFiClip model = TinyPrompts.model();
                PromptedViFiClip a = learner.attach(model);
                PromptedViFiClip b = learner.attach(model);
                PromptedViFiClip c = learner.toBuilder().optSeed(8).build().attach(model)) {
            double sum = 0;
            double squares = 0;
            long count = 0;
            for (Map.Entry<String, NDArray> entry : a.getBlock().stateDict().entrySet()) {
                float[] values = entry.getValue().toFloatArray();
                for (float v : values) {
                    sum += v;
                    squares += v * v;
                }
                count += values.length;
                assertThat(b.getBlock().stateDict().get(entry.getKey()).toFloatArray())
                        .as("same seed, same %s", entry.getKey())
                        .isEqualTo(values);
                assertThat(c.getBlock().stateDict().get(entry.getKey()).toFloatArray())
                        .as("another seed, another %s", entry.getKey())
                        .isNotEqualTo(values);
            }
            // 16·32·3 + 16·64·3 = 4608 draws: the sample std is within a few percent of 0.02
            assertThat(count).isEqualTo(4608);
            double mean = sum / count;
            double std = Math.sqrt(squares / count - mean * mean);
            assertThat(std).isBetween(0.019, 0.021);
            assertThat(Math.abs(mean)).isLessThan(0.001);
        }
    }

    @Test
    void initWordsStartTheContextFromTheirTokenEmbeddings() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                ViFiClip model = TinyPrompts.model()) {
            Map<String, NDArray> golden = TinyPrompts.golden(manager);
            PromptLearner learner =
                    PromptLearner.builder()
                            .setTextContext(4)
                            .setVisionContext(2)
                            .optInitWords("a photo of a")
                            .build();
            try (PromptedViFiClip prompted = learner.attach(model)) {
                NDArray context = prompted.getBlock().stateDict().get("prompt_learner.ctx");
                assertThat(context.toFloatArray())
                        .isEqualTo(golden.get("ctx_from_words").toFloatArray());
                assertThat(context.hasGradient()).isTrue();
                // the words are in place of the context, so the ids are those of the words
                assertThat(prompted.classEmbeddings(List.of("brush_hair"))[0])
                        .isEqualTo(
                                model.classEmbeddings(
                                                model.getBlock(),
                                                List.of("brush hair"),
                                                PromptTemplate.of("a photo of a {}."))[0]);
            }
            // fewer vectors than words (the reference's rule): the context takes the first two,
            // "of a" stays fixed in the prompt, which still reads "a photo of a brush hair."
            PromptLearner two =
                    PromptLearner.builder()
                            .setTextContext(2)
                            .setVisionContext(2)
                            .optInitWords("a photo of a")
                            .build();
            try (PromptedViFiClip prompted = two.attach(model)) {
                NDArray context = prompted.getBlock().stateDict().get("prompt_learner.ctx");
                assertThat(context.toFloatArray())
                        .isEqualTo(golden.get("ctx_from_words").get(":2").toFloatArray());
                assertThat(two.promptText("brush_hair", two.template()))
                        .isEqualTo("a photo of a brush hair.");
                assertThat(prompted.classEmbeddings(List.of("brush_hair"))[0])
                        .isEqualTo(
                                model.classEmbeddings(
                                                model.getBlock(),
                                                List.of("brush hair"),
                                                PromptTemplate.of("a photo of a {}."))[0]);
            }
        }
    }

    @Test
    void trainingChangesThePromptsAndNothingElse(@TempDir Path out) throws Exception {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            Map<String, float[]> backboneBefore = snapshot(model.stateDict());
            Map<String, float[]> promptsBefore = snapshot(prompted.getBlock().stateDict());

            TrainingResult result =
                    trainer(out, 1).build().fit(prompted.getBlock(), clips(manager), CLASSES);

            assertThat(result.history().getIterations()).hasSize(4);
            Map<String, float[]> backboneAfter = snapshot(model.stateDict());
            assertThat(backboneAfter.keySet()).containsExactlyElementsOf(backboneBefore.keySet());
            backboneAfter.forEach(
                    (name, values) ->
                            assertThat(values)
                                    .as("backbone tensor %s", name)
                                    .isEqualTo(backboneBefore.get(name)));
            snapshot(prompted.getBlock().stateDict())
                    .forEach(
                            (name, values) ->
                                    assertThat(values)
                                            .as("prompt tensor %s", name)
                                            .isNotEqualTo(promptsBefore.get(name)));

            // the trained model file is the prompt-only file; the checkpoint holds prompts only
            assertThat(PromptCheckpoint.holdsOnlyPrompts(out.resolve("model.safetensors")))
                    .isTrue();
            assertThat(SafetensorsContent.metadata(out.resolve("model.safetensors")))
                    .containsKey(PromptCheckpoint.METADATA_KEY)
                    .containsEntry("run", "prompt-training-test");
            SafetensorsContent checkpoint =
                    SafetensorsContent.read(out.resolve("checkpoint-epoch-1.safetensors"), manager);
            assertThat(checkpoint.tensors().keySet())
                    .filteredOn(name -> name.startsWith("model/"))
                    .containsExactlyInAnyOrderElementsOf(
                            TinyPrompts.PROMPT_NAMES.stream().map(n -> "model/" + n).toList());
            assertThat(checkpoint.tensors()).hasSize(3 * TinyPrompts.PROMPT_NAMES.size());
        }
    }

    @Test
    void aResumedRunLearnsWhatAnUninterruptedOneDoes(@TempDir Path dir) throws Exception {
        Map<String, float[]> straight;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            trainer(dir.resolve("straight"), 2)
                    .build()
                    .fit(prompted.getBlock(), clips(manager), CLASSES);
            straight = snapshot(prompted.getBlock().stateDict());
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            Path out = dir.resolve("resumed");
            assertThatThrownBy(
                            () ->
                                    trainer(out, 2)
                                            .addListener(
                                                    TrainingListener.atEpochBegin(
                                                            epoch -> {
                                                                if (epoch == 1) {
                                                                    throw new IllegalStateException(
                                                                            "interrupted");
                                                                }
                                                            }))
                                            .build()
                                            .fit(prompted.getBlock(), clips(manager), CLASSES))
                    .hasMessage("interrupted");
            try (ViFiClip fresh = TinyPrompts.model();
                    PromptedViFiClip again = TinyPrompts.LEARNER.attach(fresh)) {
                trainer(out, 2)
                        .optResume(true)
                        .build()
                        .fit(again.getBlock(), clips(manager), CLASSES);
                snapshot(again.getBlock().stateDict())
                        .forEach(
                                (name, values) ->
                                        assertThat(values)
                                                .as("prompt tensor %s", name)
                                                .isEqualTo(straight.get(name)));
            }
        }
    }

    @Test
    void djlParameterFilesRoundTripThePrompts() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, float[]> saved;
        try (ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            prompted.getBlock().saveParameters(new DataOutputStream(bytes));
            saved = snapshot(prompted.getBlock().stateDict());
        }
        try (ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted =
                        TinyPrompts.LEARNER.toBuilder().optSeed(99).build().attach(model)) {
            PromptedViFiClipBlock block = prompted.getBlock();
            block.loadParameters(
                    model.getModel().getNDManager(),
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            snapshot(block.stateDict())
                    .forEach((name, values) -> assertThat(values).isEqualTo(saved.get(name)));
            assertThat(block.promptParameters().values()).allMatch(p -> p.getArray().hasGradient());
            assertThat(model.getBlock().getClip().namedParameters().values())
                    .noneMatch(p -> p.getArray().hasGradient());
        }
    }

    /**
     * The model's and the prompts' own managers are capped: any intermediate that a forward or
     * backward pass left attached to them (instead of the step's manager) would throw here.
     */
    @Test
    void passesLeaveNothingInTheModelsOrThePromptsMemory() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                NDManager steps = NDManager.newBaseManager(Device.cpu());
                ViFiClip model = TinyPrompts.model();
                PromptedViFiClip prompted = TinyPrompts.LEARNER.attach(model)) {
            Map<String, NDArray> golden = TinyPrompts.golden(manager);
            PromptedViFiClipBlock block = prompted.getBlock();
            block.setClassNames(TinyPrompts.CLASS_NAMES);
            model.getModel().getNDManager().cap();
            block.stateDict().get("visual.VPT").getManager().cap();
            for (TuningMode tuning : new TuningMode[] {TuningMode.PROMPTS, TuningMode.NONE}) {
                block.setTuning(tuning);
                boolean training = tuning == TuningMode.PROMPTS;
                try (NDManager step = steps.newSubManager();
                        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    ParameterStore store = new ParameterStore(step, false);
                    NDArray video = golden.get("video").duplicate();
                    video.attach(step);
                    NDArray logits =
                            block.forward(store, new NDList(video), training).singletonOrThrow();
                    if (training) {
                        collector.backward(logits.sum());
                    }
                }
            }
            assertThat(block.hasCachedClassFeatures()).isTrue();
        }
    }

    private static ViFiClipTrainer.Builder trainer(Path out, int epochs) {
        return ViFiClipTrainer.builder()
                .optRecipe(
                        Recipes.get("base2novel-prompt").toBuilder()
                                .optEpochs(epochs)
                                .optWarmupEpochs(0)
                                .optBatchSize(4)
                                .optAccumulation(1)
                                .optFrames(2)
                                .optSaveFrequency(1)
                                .build())
                .optOutputDirectory(out)
                .optWorkers(1)
                .optProvenance("run", "prompt-training-test");
    }

    /** 16 clips of 2 frames of 32 px: each class a colour, with noise. */
    private static RandomAccessDataset clips(NDManager manager) {
        int n = 16;
        int frame = 32 * 32;
        float[] pixels = new float[n * 2 * 3 * frame];
        float[] labels = new float[n];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES.size();
            labels[i] = label;
            for (int f = 0; f < 2; f++) {
                for (int c = 0; c < 3; c++) {
                    float level = label == 3 || label == c ? 1.5f : -1.5f;
                    int base = ((i * 2 + f) * 3 + c) * frame;
                    for (int p = 0; p < frame; p++) {
                        pixels[base + p] = level + (float) (random.nextDouble() - 0.5);
                    }
                }
            }
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(pixels, new Shape(n, 2, 3, 32, 32)))
                .optLabels(manager.create(labels).toType(DataType.INT64, false))
                .setSampling(1, false)
                .build();
    }

    private static Map<String, float[]> snapshot(Map<String, NDArray> arrays) {
        Map<String, float[]> copy = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copy.put(name, array.toFloatArray()));
        return copy;
    }
}
