/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.training;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's settings shipped as data ({@code recipes.yaml} beside this class), selectable by name
 * and overridable value by value:
 *
 * <pre>{@code
 * Recipe recipe = Recipes.get("few-shot-finetune");
 * Recipe quick = Recipes.withOverrides(recipe, Map.of("epochs", "2", "frames", "8"));
 * }</pre>
 *
 * <p>As text, {@code tune} is written in lower case ({@code both}, {@code image}, {@code text},
 * {@code prompts}) and {@code template} as its pattern ({@code "a photo of a {}."}).
 */
public final class Recipes {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .registerModule(textForms());
    private static final Map<String, Recipe> SHIPPED = load();

    private Recipes() {}

    private static Map<String, Recipe> load() {
        try (InputStream in = Recipes.class.getResourceAsStream("recipes.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            ObjectNode defaults = (ObjectNode) root.get("defaults");
            Map<String, Recipe> recipes = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = root.get("recipes").fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                ObjectNode merged = defaults.deepCopy();
                merged.setAll((ObjectNode) entry.getValue());
                merged.put("name", entry.getKey());
                recipes.put(entry.getKey(), JSON.treeToValue(merged, Recipe.class));
            }
            return Collections.unmodifiableMap(recipes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped recipes.yaml", e);
        }
    }

    /**
     * Writes {@code tune} in lower case and {@code template} as its pattern, and reads them back.
     */
    private static SimpleModule textForms() {
        return new SimpleModule("recipe-text")
                .addSerializer(
                        TuningMode.class,
                        new JsonSerializer<>() {
                            @Override
                            public void serialize(
                                    TuningMode mode, JsonGenerator out, SerializerProvider context)
                                    throws IOException {
                                out.writeString(mode.name().toLowerCase(Locale.ROOT));
                            }
                        })
                .addDeserializer(
                        TuningMode.class,
                        new JsonDeserializer<>() {
                            @Override
                            public TuningMode deserialize(JsonParser in, DeserializationContext c)
                                    throws IOException {
                                return tuneOf(in.getValueAsString());
                            }
                        })
                .addSerializer(
                        PromptTemplate.class,
                        new JsonSerializer<>() {
                            @Override
                            public void serialize(
                                    PromptTemplate template,
                                    JsonGenerator out,
                                    SerializerProvider context)
                                    throws IOException {
                                out.writeString(template.pattern());
                            }
                        })
                .addDeserializer(
                        PromptTemplate.class,
                        new JsonDeserializer<>() {
                            @Override
                            public PromptTemplate deserialize(
                                    JsonParser in, DeserializationContext c) throws IOException {
                                return PromptTemplate.of(in.getValueAsString());
                            }
                        });
    }

    private static TuningMode tuneOf(String text) {
        for (TuningMode mode : TuningMode.values()) {
            if (mode != TuningMode.NONE && mode.name().toLowerCase(Locale.ROOT).equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "tune must be one of both, image, text, prompts; got " + text);
    }

    /**
     * Returns a recipe as JSON, in the form of {@code recipes.yaml} (as checkpoints store it).
     *
     * @param recipe the recipe
     * @return its values by name
     */
    public static ObjectNode toJson(Recipe recipe) {
        return JSON.valueToTree(recipe);
    }

    /**
     * Returns a shipped recipe.
     *
     * @param name a name from {@link #names()}
     * @return the recipe
     * @throws IllegalArgumentException if there is no recipe of that name
     */
    public static Recipe get(String name) {
        Recipe recipe = SHIPPED.get(name);
        if (recipe == null) {
            throw new IllegalArgumentException(
                    "Unknown recipe '" + name + "'; known recipes: " + String.join(", ", names()));
        }
        return recipe;
    }

    /**
     * Returns the names of the shipped recipes.
     *
     * @return the names, in file order
     */
    public static List<String> names() {
        return List.copyOf(SHIPPED.keySet());
    }

    /**
     * Returns a recipe with some values replaced, given as text (as on a command line); nested
     * prompt sizes are named {@code prompts.textContext} and so on.
     *
     * @param recipe the recipe to start from
     * @param overrides values by field name
     * @return the changed recipe
     * @throws IllegalArgumentException if a name is not a field or a value does not fit it
     */
    public static Recipe withOverrides(Recipe recipe, Map<String, String> overrides) {
        ObjectNode tree = JSON.valueToTree(recipe);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String[] path = override.getKey().split("\\.");
            ObjectNode target = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = target.get(path[i]);
                target = child instanceof ObjectNode node ? node : target.putObject(path[i]);
            }
            String field = path[path.length - 1];
            if (path.length == 1 && !tree.has(field) && !"prompts".equals(field)) {
                throw new IllegalArgumentException(
                        "Unknown recipe value '"
                                + override.getKey()
                                + "'; known values: "
                                + String.join(", ", fieldNames(tree)));
            }
            target.put(field, override.getValue());
        }
        try {
            return JSON.treeToValue(tree, Recipe.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(
                    "Unknown recipe value '" + e.getPropertyName() + "'", e);
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(
                    "Invalid recipe override " + overrides + ": " + cause.getMessage(), e);
        }
    }

    private static List<String> fieldNames(ObjectNode tree) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
