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
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.TuningMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
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
    private static final String PROMPTS = "prompts";
    private static final Map<String, Class<?>> RECIPE_FIELDS = fields(Recipe.class, PROMPTS);
    private static final Map<String, Class<?>> PROMPT_FIELDS =
            fields(Recipe.PromptSizes.class, null);
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
            set(tree, override.getKey(), override.getValue());
        }
        JsonNode prompts = tree.get(PROMPTS);
        if (prompts != null) {
            List<String> unset = new ArrayList<>();
            PROMPT_FIELDS.keySet().stream()
                    .filter(field -> !prompts.has(field))
                    .forEach(field -> unset.add(PROMPTS + "." + field));
            if (!unset.isEmpty()) {
                throw new IllegalArgumentException(
                        "Recipe '"
                                + recipe.name()
                                + "' has no prompt sizes to change: set all four, missing "
                                + String.join(", ", unset));
            }
        }
        try {
            return JSON.treeToValue(tree, Recipe.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(
                    "Invalid recipe override "
                            + overrides
                            + ": "
                            + cause.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    /** Puts one override into {@code tree} as its field's type, or says what is wrong. */
    private static void set(ObjectNode tree, String key, String text) {
        String[] path = key.split("\\.", -1);
        Class<?> type = null;
        ObjectNode target = tree;
        if (path.length == 1 && !PROMPTS.equals(key)) {
            type = RECIPE_FIELDS.get(key);
        } else if (path.length == 2 && PROMPTS.equals(path[0])) {
            type = PROMPT_FIELDS.get(path[1]);
            target = tree.get(PROMPTS) instanceof ObjectNode node ? node : tree.putObject(PROMPTS);
        }
        if (type == null) {
            throw new IllegalArgumentException(
                    "Unknown recipe value '"
                            + key
                            + "'; known values: "
                            + String.join(", ", knownKeys()));
        }
        String field = path[path.length - 1];
        if (text == null) {
            throw new IllegalArgumentException("Recipe value '" + key + "' has no value (null)");
        }
        try {
            if (type == int.class) {
                target.put(field, Integer.parseInt(text.strip()));
            } else if (type == long.class) {
                target.put(field, Long.parseLong(text.strip()));
            } else if (type == double.class) {
                target.put(field, Double.parseDouble(text));
            } else {
                target.put(field, text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Recipe value '"
                            + key
                            + "' must be "
                            + (type == double.class ? "a number" : "a whole number")
                            + (type == int.class ? " up to " + Integer.MAX_VALUE : "")
                            + ", got '"
                            + text
                            + "'",
                    e);
        }
    }

    private static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(RECIPE_FIELDS.keySet());
        PROMPT_FIELDS.keySet().forEach(field -> keys.add(PROMPTS + "." + field));
        return keys;
    }

    /** Returns a record's components by name, in order. */
    private static Map<String, Class<?>> fields(Class<?> record, String except) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!component.getName().equals(except)) {
                fields.put(component.getName(), component.getType());
            }
        }
        return Collections.unmodifiableMap(fields);
    }
}
