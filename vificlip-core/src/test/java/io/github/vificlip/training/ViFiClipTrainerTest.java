/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import static io.github.vificlip.testing.TrainingFixtures.CLASSES;
import static io.github.vificlip.testing.TrainingFixtures.colourClips;
import static io.github.vificlip.testing.TrainingFixtures.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.report.TrainingCharts;
import io.github.vificlip.weights.SafetensorsContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViFiClipTrainerTest {

    /** The quick run's settings: 4 epochs, warm-up 1, lr 1e-3, batch 4, 2 frames. */
    static Recipe.Builder quickRecipe() {
        return Recipes.get("few-shot-finetune").toBuilder()
                .optEpochs(4)
                .optWarmupEpochs(1)
                .optLearningRate(1e-3)
                .optBatchSize(4)
                .optAccumulation(1)
                .optFrames(2)
                .optSaveFrequency(1);
    }

    static ViFiClipTrainer.Builder quick(Path out) {
        return quick(out, quickRecipe());
    }

    static ViFiClipTrainer.Builder quick(Path out, Recipe.Builder recipe) {
        return ViFiClipTrainer.builder()
                .optRecipe(recipe.build())
                .optOutputDirectory(out)
                .optWorkers(2)
                .addListener(new TrainingCharts());
    }

    @Test
    void lossFallsAndOutputsAreWritten(@TempDir Path out) throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            RandomAccessDataset train = colourClips(manager, 4, 1);
            RandomAccessDataset validation = colourClips(manager, 2, 1);

            TrainingResult result =
                    quick(
                                    out,
                                    quickRecipe()
                                            .optEpochs(12)
                                            .optMixupCutmix(0, 0, 0.5)
                                            .optLabelSmoothing(0))
                            .build()
                            .fit(model.getBlock(), train, CLASSES, validation, CLASSES);

            List<TrainingHistory.Epoch> epochs = result.history().getEpochs();
            assertThat(epochs).hasSize(12);
            assertThat(epochs.get(11).meanLoss()).isLessThan(0.3 * epochs.get(0).meanLoss());
            assertThat(result.history().getIterations()).hasSize(12 * 4);
            assertThat(result.bestTop1()).isGreaterThan(0.5);
            assertThat(out.resolve("history.json")).exists();
            assertThat(out.resolve("epochs.csv")).exists();
            assertThat(out.resolve("training-curve.png")).exists();
            assertThat(out.resolve("confusion-matrix.png")).exists();
            assertThat(out.resolve("eval-epoch-12.json")).exists();
            assertThat(out.resolve("model.safetensors")).exists();
            assertThat(out.resolve("best.safetensors")).exists();
            assertThat(out.resolve("checkpoint-epoch-12.safetensors")).exists();
            assertThat(out.resolve("checkpoint-epoch-11.safetensors")).doesNotExist();
            JsonNode eval = new ObjectMapper().readTree(out.resolve("eval-epoch-12.json").toFile());
            assertThat(eval.get("videos").asInt()).isEqualTo(8);
        }
    }

    @Test
    void learningRateFollowsTheScheduleOneStepLate(@TempDir Path out) throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult result =
                    quick(out, quickRecipe().optEpochs(3).optAccumulation(2))
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            // 4 iterations per epoch, 12 in all, warm-up 4: the first step uses lr 0, and after
            // the step at iteration t the next one uses the schedule's value at t.
            CosineWarmupSchedule schedule =
                    CosineWarmupSchedule.builder()
                            .setBaseLearningRate(1e-3)
                            .setTotalIterations(12)
                            .optWarmupIterations(4)
                            .build();
            List<TrainingHistory.Iteration> its = result.history().getIterations();
            assertThat(its.get(0).learningRate()).isZero();
            assertThat(its.get(1).learningRate()).isZero();
            assertThat(its.get(2).learningRate()).isEqualTo(schedule.learningRate(1));
            assertThat(its.get(4).learningRate()).isEqualTo(schedule.learningRate(3));
            assertThat(its.get(11).learningRate()).isEqualTo(schedule.learningRate(9));
        }
    }

    @Test
    void frozenParametersStayBitIdentical(@TempDir Path out) throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            Map<String, float[]> before = snapshot(model);

            quick(out, quickRecipe().optEpochs(2).optTune(TuningMode.IMAGE))
                    .build()
                    .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            Map<String, float[]> after = snapshot(model);
            List<String> changed = new ArrayList<>();
            before.forEach(
                    (name, values) -> {
                        if (!java.util.Arrays.equals(values, after.get(name))) {
                            changed.add(name);
                        }
                    });
            assertThat(changed).isNotEmpty().allMatch(name -> name.startsWith("visual."));
            assertThat(changed).contains("visual.conv1.weight", "visual.proj");
            assertThat(changed).doesNotContain("logit_scale", "token_embedding.weight");
        }
    }

    @Test
    void aKilledAndResumedRunMatchesAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Path interrupted = dir.resolve("interrupted");
        List<Double> expected;
        Map<String, float[]> expectedWeights;
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult result =
                    quick(straight, quickRecipe().optAccumulation(2))
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);
            expected = losses(result.history());
            expectedWeights = snapshot(model);
        }
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            ViFiClipTrainer killedAtEpoch3 =
                    quick(interrupted, quickRecipe().optAccumulation(2))
                            .addListener(
                                    TrainingListener.atEpochBegin(
                                            epoch -> {
                                                if (epoch == 2) {
                                                    throw new IllegalStateException("killed");
                                                }
                                            }))
                            .build();
            assertThatThrownBy(
                            () ->
                                    killedAtEpoch3.fit(
                                            model.getBlock(), colourClips(manager, 4, 1), CLASSES))
                    .hasMessage("killed");
        }
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult resumed =
                    quick(interrupted, quickRecipe().optAccumulation(2))
                            .optResume(true)
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            assertThat(losses(resumed.history())).containsExactlyElementsOf(expected);
            Map<String, float[]> weights = snapshot(model);
            expectedWeights.forEach(
                    (name, values) ->
                            assertThat(java.util.Arrays.equals(weights.get(name), values))
                                    .as("%s is bit-identical", name)
                                    .isTrue());
        }
    }

    @Test
    void checkpointsHoldWeightsMomentsAndState(@TempDir Path out) throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            quick(out, quickRecipe().optEpochs(1).optTune(TuningMode.TEXT))
                    .optProvenance("weights", "random")
                    .build()
                    .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            SafetensorsContent checkpoint =
                    SafetensorsContent.read(out.resolve("checkpoint-epoch-1.safetensors"), manager);
            assertThat(checkpoint.tensors())
                    .containsKeys(
                            "model/text_projection",
                            "optimizer/exp_avg/text_projection",
                            "optimizer/exp_avg_sq/ln_final.weight")
                    .doesNotContainKeys("model/visual.proj", "model/token_embedding.weight");
            JsonNode state =
                    new ObjectMapper().readTree(checkpoint.metadata().get("vificlip.checkpoint"));
            assertThat(state.get("epochsDone").asInt()).isEqualTo(1);
            assertThat(state.get("optimizerSteps").get("text_projection").asInt()).isEqualTo(4);
            assertThat(state.get("recipe").get("tune").asText()).isEqualTo("text");
            assertThat(state.get("classNames")).hasSize(4);
            assertThat(state.get("provenance").get("weights").asText()).isEqualTo("random");
            assertThat(state.get("history").get("iterations")).hasSize(4);
            assertThat(Files.list(out).filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void resumesAFormatOneCheckpointWithItsEpochsRenumberedFromOne(@TempDir Path out)
            throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            quick(out, quickRecipe().optEpochs(1))
                    .build()
                    .fit(
                            model.getBlock(),
                            colourClips(manager, 4, 1),
                            CLASSES,
                            colourClips(manager, 1, 1),
                            null);
        }
        // what format 1 wrote: epochs counted from 0 in the history and the best epoch
        Path file = out.resolve("checkpoint-epoch-1.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            SafetensorsContent content = SafetensorsContent.read(file, manager);
            ObjectMapper json = new ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode state =
                    (com.fasterxml.jackson.databind.node.ObjectNode)
                            json.readTree(content.metadata().get("vificlip.checkpoint"));
            assertThat(state.get("bestEpoch").asInt()).isEqualTo(1);
            state.put("formatVersion", 1).put("bestEpoch", 0);
            for (String list : List.of("iterations", "epochs")) {
                for (JsonNode entry : state.get("history").get(list)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) entry)
                            .put("epoch", entry.get("epoch").asInt() - 1);
                }
            }
            Map<String, ai.djl.ndarray.NDArray> tensors = new LinkedHashMap<>(content.tensors());
            io.github.vificlip.weights.SafetensorsWriter.builder()
                    .optMetadata("vificlip.checkpoint", json.writeValueAsString(state))
                    .build()
                    .write(file, tensors);
        }

        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult resumed =
                    quick(out, quickRecipe().optEpochs(2))
                            .optResume(true)
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            assertThat(resumed.history().getEpochs())
                    .extracting(TrainingHistory.Epoch::epoch)
                    .containsExactly(1, 2);
            assertThat(resumed.history().getIterations())
                    .extracting(TrainingHistory.Iteration::epoch)
                    .containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
            assertThat(resumed.bestEpoch()).isEqualTo(1);
        }
    }

    @Test
    void nativeMemoryStaysFlatOverManySteps(@TempDir Path out) throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            NDManager modelManager = model.getModel().getNDManager();
            List<Integer> liveArrays = new ArrayList<>();
            TrainingResult result =
                    quick(out, quickRecipe().optEpochs(12).optSaveFrequency(100))
                            .addListener(
                                    TrainingListener.atEpochBegin(
                                            epoch ->
                                                    liveArrays.add(
                                                            modelManager
                                                                    .getManagedArrays()
                                                                    .size())))
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            // From the second epoch on (optimizer moments exist) nothing accumulates.
            assertThat(liveArrays.subList(1, liveArrays.size())).containsOnly(liveArrays.get(1));
        }
    }

    @Test
    void aDatasetSmallerThanABatchIsAClearError(@TempDir Path out) {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    quick(out, quickRecipe().optBatchSize(32))
                                            .build()
                                            .fit(
                                                    model.getBlock(),
                                                    colourClips(manager, 4, 1),
                                                    CLASSES))
                    .hasMessageContaining("16 videos, fewer than one batch of 32");
        }
    }

    @Test
    void aDamagedCheckpointFallsBackToThePreviousIntactOne(@TempDir Path dir) throws Exception {
        Path straight = dir.resolve("straight");
        Path damaged = dir.resolve("damaged");
        List<Double> expected;
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            expected =
                    losses(
                            quick(straight)
                                    .build()
                                    .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES)
                                    .history());
        }
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            ViFiClipTrainer killedAtEpoch3 =
                    quick(damaged)
                            .optKeepCheckpoints(2)
                            .addListener(
                                    TrainingListener.atEpochBegin(
                                            epoch -> {
                                                if (epoch == 2) {
                                                    throw new IllegalStateException("killed");
                                                }
                                            }))
                            .build();
            assertThatThrownBy(
                            () ->
                                    killedAtEpoch3.fit(
                                            model.getBlock(), colourClips(manager, 4, 1), CLASSES))
                    .hasMessage("killed");
        }
        // One flipped bit in a weight of the newest checkpoint, and the stale temporary file of a
        // write that was killed.
        Path newest = damaged.resolve("checkpoint-epoch-2.safetensors");
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(newest.toFile(), "rw")) {
            raw.seek(raw.length() - 10);
            int b = raw.read();
            raw.seek(raw.length() - 10);
            raw.write(b ^ 1);
        }
        Files.writeString(damaged.resolve(".history.json.5k2j.tmp"), "{\"epochs\": [");
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult resumed =
                    quick(damaged)
                            .optKeepCheckpoints(2)
                            .optResume(true)
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            // Resumed after epoch 1, so epochs 2 to 4 were trained again, as the straight run did.
            assertThat(losses(resumed.history())).containsExactlyElementsOf(expected);
        }
        try (java.util.stream.Stream<Path> files = Files.list(damaged)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void allCheckpointsDamagedIsRefusedNamingThem(@TempDir Path out) throws Exception {
        Files.createDirectories(out);
        Files.write(out.resolve("checkpoint-epoch-3.safetensors"), new byte[] {1, 2, 3});
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    quick(out)
                                            .optResume(true)
                                            .build()
                                            .fit(
                                                    model.getBlock(),
                                                    colourClips(manager, 4, 1),
                                                    CLASSES))
                    .hasMessageContaining("No intact checkpoint in " + out)
                    .hasMessageContaining("checkpoint-epoch-3.safetensors (only 3 bytes)");
        }
    }

    @Test
    void datasetsThatDoNotFitTheRecipeAreRefusedBeforeTheFirstStep(@TempDir Path out)
            throws Exception {
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            RandomAccessDataset twoFrames = colourClips(manager, 4, 1);
            assertThatThrownBy(
                            () ->
                                    quick(out, quickRecipe().optFrames(4))
                                            .build()
                                            .fit(model.getBlock(), twoFrames, CLASSES))
                    .hasMessageContaining("records have 2 frames but the recipe trains on 4");
            // Training records of 4 frames, validation records of 3 x 2 = 6: not views of 4.
            assertThatThrownBy(
                            () ->
                                    quick(out, quickRecipe().optFrames(4))
                                            .build()
                                            .fit(
                                                    model.getBlock(),
                                                    colourClips(manager, 4, 2),
                                                    CLASSES,
                                                    colourClips(manager, 1, 3),
                                                    CLASSES))
                    .hasMessageContaining(
                            "validation dataset's records have 6 frames, not a whole number of"
                                    + " views of the recipe's 4");
            RandomAccessDataset labelFive =
                    new ArrayDataset.Builder()
                            .setData(manager.zeros(new Shape(16, 2, 3, 16, 16)))
                            .optLabels(manager.full(new Shape(16), 5L))
                            .setSampling(1, false)
                            .build();
            assertThatThrownBy(() -> quick(out).build().fit(model.getBlock(), labelFive, CLASSES))
                    .hasMessageContaining("first record has label 5 but there are 4 class names");
            RandomAccessDataset batchesOfThree =
                    new ArrayDataset.Builder()
                            .setData(manager.zeros(new Shape(16, 2, 3, 16, 16)))
                            .optLabels(manager.zeros(new Shape(16), DataType.INT64))
                            .setSampling(3, false)
                            .build();
            assertThatThrownBy(
                            () -> quick(out).build().fit(model.getBlock(), batchesOfThree, CLASSES))
                    .hasMessageContaining("setSampling(3, ...) but the recipe's batch size is 4");
            assertThat(out.resolve("history.json")).doesNotExist();
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefused(@TempDir Path out) throws Exception {
        try (io.github.vificlip.io.OutputLock first =
                        io.github.vificlip.io.OutputLock.acquire(out, "an earlier run");
                ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(
                            () ->
                                    quick(out)
                                            .build()
                                            .fit(
                                                    model.getBlock(),
                                                    colourClips(manager, 4, 1),
                                                    CLASSES))
                    .hasMessageContaining("is in use by another run")
                    .hasMessageContaining("an earlier run");
        }
    }

    @Test
    void replacedTrainingVideosAreCountedInTheHistory(@TempDir Path out) throws Exception {
        java.util.concurrent.atomic.AtomicInteger replaced =
                new java.util.concurrent.atomic.AtomicInteger();
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            TrainingResult result =
                    quick(out, quickRecipe().optEpochs(2))
                            .addListener(
                                    TrainingListener.atEpochBegin(
                                            epoch -> replaced.set(epoch == 0 ? 3 : 0)))
                            .addListener(new UnreadableRecords(replaced::get))
                            .build()
                            .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            assertThat(result.history().getUnreadable())
                    .containsExactly(new TrainingHistory.Unreadable(1, 3));
            JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
            assertThat(history.get("unreadable").get(0).get("videos").asInt()).isEqualTo(3);
            JsonNode state =
                    new ObjectMapper()
                            .readTree(
                                    SafetensorsContent.read(
                                                    out.resolve("checkpoint-epoch-2.safetensors"),
                                                    manager)
                                            .metadata()
                                            .get("vificlip.checkpoint"));
            assertThat(state.get("history").get("unreadable")).hasSize(1);
        }
    }

    @Test
    void buildNamesWhatIsWrong() {
        assertThatThrownBy(() -> ViFiClipTrainer.builder().build())
                .hasMessageContaining("optOutputDirectory is required");
        assertThatThrownBy(
                        () ->
                                ViFiClipTrainer.builder()
                                        .optOutputDirectory(Path.of("x"))
                                        .optRecipe(quickRecipe().optEpochs(0).build())
                                        .build())
                .hasMessageContaining("epochs must be at least 1");
    }

    @Test
    void aFineTuneRecipesTemplateIsWhatTheClassNamesGoThrough(@TempDir Path out) throws Exception {
        PromptTemplate video = PromptTemplate.of("a video of a person {}.");
        try (ViFiClip model = tinyModel();
                NDManager manager = NDManager.newBaseManager()) {
            assertThat(model.getBlock().getTemplate()).isEqualTo(PromptTemplate.FINE_TUNE);
            quick(out, quickRecipe().optEpochs(1).optTemplate(video))
                    .build()
                    .fit(model.getBlock(), colourClips(manager, 4, 1), CLASSES);

            assertThat(model.getBlock().getTemplate()).isEqualTo(video);
            JsonNode state =
                    new ObjectMapper()
                            .readTree(
                                    SafetensorsContent.read(
                                                    out.resolve("checkpoint-epoch-1.safetensors"),
                                                    manager)
                                            .metadata()
                                            .get("vificlip.checkpoint"));
            assertThat(state.get("recipe").get("template").asText())
                    .isEqualTo("a video of a person {}.");
        }
    }

    private static List<Double> losses(TrainingHistory history) {
        return history.getIterations().stream().map(TrainingHistory.Iteration::loss).toList();
    }

    private static Map<String, float[]> snapshot(ViFiClip model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.stateDict().forEach((name, array) -> values.put(name, array.toFloatArray()));
        return values;
    }
}
