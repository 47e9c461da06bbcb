/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What loading a state dict did: which tensors were copied and, by name, which were missing,
 * unexpected or did not fit (with the expected and the found shape).
 *
 * @param loaded the names of the tensors copied into the model, in the model's order
 * @param missing parameters the state dict lacks, with the shape the model expected
 * @param unexpected tensors the model has no parameter for, with the shape found
 * @param mismatched tensors whose shape or type does not fit their parameter
 * @param ignored known entries skipped on purpose: OpenAI's scalars {@code input_resolution},
 *     {@code context_length} and {@code vocab_size} (which {@code build_model} deletes), and, when
 *     CLIP weights are loaded, the prompt tensors of a ViFi-CLIP prompting checkpoint ({@code
 *     prompt_learner.ctx}, {@code visual.VPT}, {@code ...VPT_shallow}), which a prompt learner
 *     loads instead
 */
public record LoadReport(
        List<String> loaded,
        Map<String, Shape> missing,
        Map<String, Shape> unexpected,
        Map<String, Mismatch> mismatched,
        List<String> ignored) {

    /**
     * OpenAI checkpoint entries that are not parameters: the scalars of its TorchScript model,
     * which {@code build_model} deletes (the weights readers drop them too).
     */
    public static final Set<String> NON_PARAMETERS =
            Set.of("input_resolution", "context_length", "vocab_size");

    /**
     * A tensor that does not fit its parameter.
     *
     * @param expected the parameter's shape
     * @param found the tensor's shape
     * @param foundType the tensor's data type (floating types are converted to float32; others do
     *     not fit)
     */
    public record Mismatch(Shape expected, Shape found, DataType foundType) {

        /** {@inheritDoc} */
        @Override
        public String toString() {
            return "expected " + expected + " float32, found " + found + " " + foundType;
        }
    }

    /**
     * Makes the report unmodifiable.
     *
     * @param loaded see the record description
     * @param missing see the record description
     * @param unexpected see the record description
     * @param mismatched see the record description
     * @param ignored see the record description
     */
    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        unexpected = Collections.unmodifiableMap(new LinkedHashMap<>(unexpected));
        mismatched = Collections.unmodifiableMap(new LinkedHashMap<>(mismatched));
        ignored = List.copyOf(ignored);
    }

    /**
     * Compares a state dict with a model's parameters, copying nothing (see {@link
     * #compareShapes}).
     *
     * @param parameters the model's initialised parameters under their names
     * @param tensors the state dict under the same naming
     * @return the report
     */
    public static LoadReport compare(
            Map<String, Parameter> parameters, Map<String, NDArray> tensors) {
        Map<String, Shape> expected = new LinkedHashMap<>();
        parameters.forEach(
                (name, parameter) -> expected.put(name, parameter.getArray().getShape()));
        return compareShapes(expected, tensors);
    }

    /**
     * Compares a state dict with the parameter shapes of a model, for example {@link
     * ClipModel#parameterShapes} of an architecture, without building the model. A tensor fits when
     * it has its parameter's shape and a floating-point type. Tensors that are neither parameters
     * nor {@link #NON_PARAMETERS} are unexpected, except prompt tensors ({@link
     * TuningMode#isPromptParameter}) when the model has no prompt parameters: those are ignored, so
     * that CLIP weights load from a prompting checkpoint.
     *
     * @param expected the model's parameter names and shapes, in the model's order
     * @param tensors the state dict under the same naming
     * @return the report
     */
    public static LoadReport compareShapes(
            Map<String, Shape> expected, Map<String, NDArray> tensors) {
        List<String> loaded = new ArrayList<>();
        Map<String, Shape> missing = new LinkedHashMap<>();
        Map<String, Mismatch> mismatched = new LinkedHashMap<>();
        expected.forEach(
                (name, shape) -> {
                    NDArray tensor = tensors.get(name);
                    if (tensor == null) {
                        missing.put(name, shape);
                    } else if (!tensor.getShape().equals(shape)
                            || !tensor.getDataType().isFloating()) {
                        mismatched.put(
                                name, new Mismatch(shape, tensor.getShape(), tensor.getDataType()));
                    } else {
                        loaded.add(name);
                    }
                });
        Map<String, Shape> unexpected = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        boolean hasPrompts = expected.keySet().stream().anyMatch(TuningMode::isPromptParameter);
        tensors.forEach(
                (name, tensor) -> {
                    if (NON_PARAMETERS.contains(name)
                            || (!hasPrompts && TuningMode.isPromptParameter(name))) {
                        ignored.add(name);
                    } else if (!expected.containsKey(name)) {
                        unexpected.put(name, tensor.getShape());
                    }
                });
        return new LoadReport(loaded, missing, unexpected, mismatched, ignored);
    }

    /**
     * Returns whether every parameter was loaded and nothing was left over.
     *
     * @return {@code true} if nothing is missing, unexpected or mismatched
     */
    public boolean isComplete() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
    }

    /**
     * Describes in one line what keeps the tensors from filling the model: the missing and the
     * mismatched ones (unexpected tensors, such as prompts, take nothing away).
     *
     * @return for example {@code "1 missing: a; 1 mismatched: b: expected (4) float32, found (5)
     *     float32"}, or an empty string when every parameter has its tensor
     */
    public String describeShortfall() {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(missing.size() + " missing: " + String.join(", ", missing.keySet()));
        }
        if (!mismatched.isEmpty()) {
            List<String> each = new ArrayList<>();
            mismatched.forEach((name, mismatch) -> each.add(name + ": " + mismatch));
            parts.add(mismatched.size() + " mismatched: " + String.join(", ", each));
        }
        return String.join("; ", parts);
    }

    /**
     * Describes the problems, one tensor per line, for logs and exception messages.
     *
     * @return a multi-line description; "all N tensors loaded" when complete
     */
    public String describe() {
        if (isComplete()) {
            return "all " + loaded.size() + " tensors loaded";
        }
        StringBuilder text = new StringBuilder();
        text.append(loaded.size())
                .append(" tensors fit; ")
                .append(missing.size())
                .append(" missing, ")
                .append(unexpected.size())
                .append(" unexpected, ")
                .append(mismatched.size())
                .append(" mismatched:");
        missing.forEach(
                (name, shape) ->
                        text.append("\n  missing    ")
                                .append(name)
                                .append(": expected ")
                                .append(shape));
        unexpected.forEach(
                (name, shape) ->
                        text.append("\n  unexpected ")
                                .append(name)
                                .append(": found ")
                                .append(shape));
        mismatched.forEach(
                (name, mismatch) ->
                        text.append("\n  mismatched ").append(name).append(": ").append(mismatch));
        return text.toString();
    }

    /**
     * Summarises the report on one line; {@link #describe()} names every problem tensor.
     *
     * @return e.g. {@code LoadReport[196 loaded, 2 missing, 0 unexpected, 0 mismatched, 3 ignored]}
     */
    @Override
    public String toString() {
        return "LoadReport["
                + loaded.size()
                + " loaded, "
                + missing.size()
                + " missing, "
                + unexpected.size()
                + " unexpected, "
                + mismatched.size()
                + " mismatched, "
                + ignored.size()
                + " ignored]";
    }
}
