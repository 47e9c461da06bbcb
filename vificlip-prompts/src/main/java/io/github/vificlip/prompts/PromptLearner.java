/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.prompts;

import ai.djl.ndarray.types.Shape;
import io.github.vificlip.model.ClipConfig;
import io.github.vificlip.model.PromptTemplate;
import io.github.vificlip.model.ViFiClip;
import io.github.vificlip.training.Recipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The vision-language prompt learner of "bridge and prompt" ({@code VLPromptLearner} in the
 * reference's {@code trainers/vificlip.py}, IVLP-style): its sizes, as an immutable value that
 * {@link #attach attaches} learned prompts to a frozen ViFi-CLIP model.
 *
 * <ul>
 *   <li><b>Text</b>: one context of {@code textContext} vectors shared by all classes ({@code
 *       prompt_learner.ctx}) sits at token positions 1..n of the class prompt "X X … X {name}."
 *       (underscores in names become spaces), or of "{init words} {name}." when the context starts
 *       from words; deep prompts ({@code transformer.resblocks.i.VPT_shallow}) replace positions
 *       1..n before text blocks 1..textDepth−1.
 *   <li><b>Vision</b>: {@code visionContext} tokens ({@code visual.VPT}) are appended after the
 *       class and patch tokens of every frame (after the positional embeddings, before {@code
 *       ln_pre}); deep prompts ({@code visual.transformer.resblocks.i.VPT_shallow}) replace the
 *       last n tokens before vision blocks 1..visionDepth−1.
 *   <li><b>Depth d</b> means layer 0 plus blocks 1..d−1: d = 12 prompts every block of ViT-B/16, d
 *       = 9 leaves blocks 9..11 without fresh prompts.
 *   <li>Every prompt starts from N(0, 0.02²), drawn from the seed; a text context of at most four
 *       vectors may start from the token embeddings of words instead ({@link
 *       Builder#optInitWords}).
 * </ul>
 *
 * <pre>{@code
 * try (ViFiClip model = ViFiClip.builder().optWeights(openAiPt, fineTunedPth).build();
 *         PromptedViFiClip prompted = PromptLearner.baseToNovel().attach(model)) {
 *     trainer.fit(prompted.getBlock(), train, classNames);   // trains the prompts only
 *     prompted.savePrompts(Path.of("prompts.safetensors"));
 * }
 * }</pre>
 */
public final class PromptLearner {

    /** The learned text context, {@code [textContext, textWidth]}. */
    public static final String TEXT_CONTEXT = "prompt_learner.ctx";

    /** The shallow vision prompts, {@code [visionContext, visionWidth]}. */
    public static final String VISION_PROMPTS = "visual.VPT";

    /**
     * The standard deviation of the prompts' initial values ({@code nn.init.normal_(..., std=0.02)}
     * in the reference's {@code clip/model.py}).
     */
    public static final double INIT_STD = 0.02;

    /**
     * The most vision prompt tokens a learner takes: far above the reference's settings (10 or 16)
     * and ViT-L/14@336's 577 patch tokens, low enough that a hostile prompt file cannot make the
     * attention over patches plus prompts exhaust memory.
     */
    public static final int MAX_VISION_CONTEXT = 1024;

    /** The reference's rule: init words are used only for this many context vectors or fewer. */
    public static final int MAX_INIT_WORDS = 4;

    /** The text that follows the learned context by default: the name and a full stop. */
    public static final PromptTemplate DEFAULT_TEMPLATE = PromptTemplate.of("{}.");

    private static final String PLACEHOLDER = "X";

    private final int textContext;
    private final int visionContext;
    private final int textDepth;
    private final int visionDepth;
    private final String initWords;
    private final PromptTemplate template;
    private final long seed;

    private PromptLearner(Builder builder) {
        textContext = builder.textContext;
        visionContext = builder.visionContext;
        textDepth = textContext == 0 ? 0 : builder.textDepth;
        visionDepth = visionContext == 0 ? 0 : builder.visionDepth;
        initWords = builder.initWords;
        template = builder.template;
        seed = builder.seed;
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
     * Returns the paper's base-to-novel setting: 16 text and 16 vision tokens at depth 9 in both
     * towers (184,320 values on ViT-B/16).
     *
     * @return the learner
     */
    public static PromptLearner baseToNovel() {
        return builder().setTextContext(16).setVisionContext(16).optDepth(9).build();
    }

    /**
     * Returns the paper's few-shot setting: 10 text and 10 vision tokens at depth 12 in both towers
     * (153,600 values on ViT-B/16).
     *
     * @return the learner
     */
    public static PromptLearner fewShot() {
        return builder().setTextContext(10).setVisionContext(10).optDepth(12).build();
    }

    /**
     * Returns the learner a prompt recipe describes: its sizes, its class-name template and its
     * seed.
     *
     * @param recipe a recipe whose {@code tune} is {@code prompts}
     * @return the learner
     * @throws IllegalArgumentException if the recipe has no prompt sizes or they are invalid
     */
    public static PromptLearner forRecipe(Recipe recipe) {
        Recipe.PromptSizes sizes = recipe.prompts();
        if (sizes == null) {
            throw new IllegalArgumentException(
                    "Recipe "
                            + recipe.name()
                            + " has no prompt sizes: it fine-tunes (tune "
                            + recipe.tune().name().toLowerCase(Locale.ROOT)
                            + ") rather than learning prompts");
        }
        return builder()
                .setTextContext(sizes.textContext())
                .setVisionContext(sizes.visionContext())
                .optTextDepth(sizes.textDepth())
                .optVisionDepth(sizes.visionDepth())
                .optTemplate(recipe.template())
                .optSeed(recipe.seed())
                .build();
    }

    /**
     * Returns a builder holding this learner's values, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder =
                builder()
                        .setTextContext(textContext)
                        .setVisionContext(visionContext)
                        .optTextDepth(Math.max(1, textDepth))
                        .optVisionDepth(Math.max(1, visionDepth))
                        .optTemplate(template)
                        .optSeed(seed);
        builder.initWords = initWords;
        return builder;
    }

    /**
     * Returns the number of learned text context vectors.
     *
     * @return n ≥ 0
     */
    public int textContext() {
        return textContext;
    }

    /**
     * Returns the number of learned vision prompt tokens.
     *
     * @return n ≥ 0
     */
    public int visionContext() {
        return visionContext;
    }

    /**
     * Returns the text prompt depth: layer 0 plus blocks 1..depth−1.
     *
     * @return the depth, 0 when there is no text context
     */
    public int textDepth() {
        return textDepth;
    }

    /**
     * Returns the vision prompt depth: layer 0 plus blocks 1..depth−1.
     *
     * @return the depth, 0 when there are no vision prompts
     */
    public int visionDepth() {
        return visionDepth;
    }

    /**
     * Returns the words whose token embeddings start the text context, if any.
     *
     * @return the init words, or empty for N(0, 0.02²) and the "X X … X" placeholder
     */
    public Optional<String> initWords() {
        return Optional.ofNullable(initWords);
    }

    /**
     * Returns the text that follows the learned context, {@code {}} standing for the class name.
     *
     * @return the template ({@link #DEFAULT_TEMPLATE} unless set)
     */
    public PromptTemplate template() {
        return template;
    }

    /**
     * Returns the seed the initial prompts are drawn from.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the text that precedes the class name: the init words, whose tokens 1..n the learned
     * context replaces (tokens beyond n stay as they are), or one "X" per context vector (each "X"
     * is one token).
     *
     * @return the context's placeholder text; empty without text context
     */
    public String contextText() {
        if (initWords != null) {
            return initWords;
        }
        return String.join(" ", Collections.nCopies(textContext, PLACEHOLDER));
    }

    /**
     * Returns the class prompt the tokenizer sees: the context's text ({@link #contextText}), a
     * space, then the template with the class name, its underscores turned into spaces, as the
     * reference's {@code VLPromptLearner} builds it ({@code prompt_prefix + " " + name + "."}).
     *
     * @param className the class name, e.g. {@code brush_hair}
     * @param template the text after the context, e.g. {@code "{}."}
     * @return e.g. {@code "X X X X X brush hair."}, or {@code "a photo of a brush hair."} with init
     *     words
     */
    public String promptText(String className, PromptTemplate template) {
        String name = template.apply(className.replace('_', ' '));
        return textContext == 0 ? name : contextText() + " " + name;
    }

    /**
     * Returns the class prompts of several names (see {@link #promptText}).
     *
     * @param classNames the class names
     * @param template the text after the context
     * @return the prompts, in order
     */
    public List<String> promptTexts(List<String> classNames, PromptTemplate template) {
        List<String> texts = new ArrayList<>(classNames.size());
        for (String name : classNames) {
            texts.add(promptText(name, template));
        }
        return texts;
    }

    /**
     * Returns the name of the deep text prompt before text block {@code block}.
     *
     * @param block a block index from 1
     * @return {@code transformer.resblocks.<block>.VPT_shallow}
     */
    public static String textDeepName(int block) {
        return "transformer.resblocks." + block + ".VPT_shallow";
    }

    /**
     * Returns the name of the deep vision prompt before vision block {@code block}.
     *
     * @param block a block index from 1
     * @return {@code visual.transformer.resblocks.<block>.VPT_shallow}
     */
    public static String visionDeepName(int block) {
        return "visual." + textDeepName(block);
    }

    /**
     * Returns the shape of every prompt tensor on an architecture, under the reference's names, in
     * the reference's order ({@code prompt_learner.ctx}, {@code visual.VPT}, the vision deep
     * prompts, the text deep prompts), without building or allocating anything.
     *
     * @param config the backbone's architecture
     * @return an unmodifiable name → shape map
     * @throws IllegalArgumentException if the prompts do not fit the architecture (a depth beyond
     *     its blocks, a context longer than its text context length)
     */
    public Map<String, Shape> parameterShapes(ClipConfig config) {
        checkFits(config);
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Shape text = new Shape(textContext, config.textWidth());
        Shape vision = new Shape(visionContext, config.visionWidth());
        if (textContext > 0) {
            shapes.put(TEXT_CONTEXT, text);
        }
        if (visionContext > 0) {
            shapes.put(VISION_PROMPTS, vision);
        }
        for (int block = 1; block < visionDepth; block++) {
            shapes.put(visionDeepName(block), vision);
        }
        for (int block = 1; block < textDepth; block++) {
            shapes.put(textDeepName(block), text);
        }
        return Collections.unmodifiableMap(shapes);
    }

    /**
     * Returns the number of learned values on an architecture (184,320 for the base-to-novel
     * setting on ViT-B/16, 153,600 for few-shot).
     *
     * @param config the backbone's architecture
     * @return the sum of the prompt tensors' sizes
     * @throws IllegalArgumentException if the prompts do not fit the architecture
     */
    public long parameterCount(ClipConfig config) {
        return parameterShapes(config).values().stream().mapToLong(Shape::size).sum();
    }

    /**
     * Attaches fresh prompts to a model and freezes every one of its weights, {@code logit_scale}
     * included: only the prompts train ({@link io.github.vificlip.model.TuningMode#PROMPTS}).
     *
     * <p>The prompts live in a child of the model's memory on its device; closing the result frees
     * them, and closing the model frees them too. The model itself stays usable without prompts.
     *
     * @param model the backbone, typically a fine-tuned ViFi-CLIP ("bridge")
     * @return the prompted model
     * @throws IllegalArgumentException if the prompts do not fit the model's architecture, or the
     *     init words or the class text (context and template) do not fit its context length
     */
    public PromptedViFiClip attach(ViFiClip model) {
        return PromptedViFiClip.attach(this, model);
    }

    /** Throws unless the prompts fit the architecture. */
    void checkFits(ClipConfig config) {
        List<String> problems = new ArrayList<>();
        if (textDepth > config.textLayers()) {
            problems.add(
                    "text depth "
                            + textDepth
                            + " exceeds the text tower's "
                            + config.textLayers()
                            + " blocks");
        }
        if (visionDepth > config.visionLayers()) {
            problems.add(
                    "vision depth "
                            + visionDepth
                            + " exceeds the vision tower's "
                            + config.visionLayers()
                            + " blocks");
        }
        // start token, context, at least one token of text, end token
        if (textContext + 3 > config.contextLength()) {
            problems.add(
                    textContext
                            + " text context vectors leave no room for class names in "
                            + config.contextLength()
                            + " tokens");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "The prompt learner ("
                            + this
                            + ") does not fit "
                            + config.name()
                            + ": "
                            + String.join("; ", problems));
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PromptLearner that)) {
            return false;
        }
        return textContext == that.textContext
                && visionContext == that.visionContext
                && textDepth == that.textDepth
                && visionDepth == that.visionDepth
                && seed == that.seed
                && Objects.equals(initWords, that.initWords)
                && template.equals(that.template);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(
                textContext, visionContext, textDepth, visionDepth, initWords, template, seed);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return textContext
                + " text tokens at depth "
                + textDepth
                + ", "
                + visionContext
                + " vision tokens at depth "
                + visionDepth
                + (initWords == null ? "" : ", text context from \"" + initWords + "\"");
    }

    /** Builds a {@link PromptLearner}; {@link #build()} checks the values. */
    public static final class Builder {

        private int textContext = -1;
        private int visionContext = -1;
        private int textDepth = 1;
        private int visionDepth = 1;
        private String initWords;
        private PromptTemplate template = DEFAULT_TEMPLATE;
        private long seed;

        Builder() {}

        /**
         * Sets the number of learned text context vectors (0 for vision prompts only).
         *
         * @param tokens n ≥ 0
         * @return this builder
         */
        public Builder setTextContext(int tokens) {
            this.textContext = tokens;
            return this;
        }

        /**
         * Sets the number of learned vision prompt tokens (0 for text prompts only).
         *
         * @param tokens n ≥ 0
         * @return this builder
         */
        public Builder setVisionContext(int tokens) {
            this.visionContext = tokens;
            return this;
        }

        /**
         * Sets the prompt depth of both towers (1 by default: shallow prompts only).
         *
         * @param depth layer 0 plus blocks 1..depth−1; at least 1
         * @return this builder
         */
        public Builder optDepth(int depth) {
            this.textDepth = depth;
            this.visionDepth = depth;
            return this;
        }

        /**
         * Sets the text prompt depth (1 by default).
         *
         * @param depth layer 0 plus blocks 1..depth−1; at least 1
         * @return this builder
         */
        public Builder optTextDepth(int depth) {
            this.textDepth = depth;
            return this;
        }

        /**
         * Sets the vision prompt depth (1 by default).
         *
         * @param depth layer 0 plus blocks 1..depth−1; at least 1
         * @return this builder
         */
        public Builder optVisionDepth(int depth) {
            this.visionDepth = depth;
            return this;
        }

        /**
         * Starts the text context from the token embeddings of these words instead of random
         * values, as the reference does ({@code CTX_INIT}) for at most {@value #MAX_INIT_WORDS}
         * context vectors: the class prompt becomes "{words} {name}.", and the context starts as
         * the embeddings of its tokens 1..n, which it replaces. Words of more than n tokens keep
         * their further tokens fixed ("a photo of a" with n = 2: "a photo" learned, "of a" fixed);
         * words of fewer tokens start the remaining vectors from the end token and the padding,
         * which then take the place of the first tokens of the name, as in the reference.
         *
         * @param words e.g. {@code "a photo of a"}; underscores become spaces
         * @return this builder
         */
        public Builder optInitWords(String words) {
            this.initWords = words == null ? null : words.replace('_', ' ').strip();
            return this;
        }

        /**
         * Sets the text after the learned context ({@code "{}."} by default, the reference's).
         *
         * @param template a template with one {@code {}}
         * @return this builder
         */
        public Builder optTemplate(PromptTemplate template) {
            this.template = template;
            return this;
        }

        /**
         * Sets the seed of the initial prompts (0 by default); each tensor draws from its own
         * stream, mixed from this seed and its name.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the learner.
         *
         * @return the learner
         * @throws IllegalArgumentException naming every invalid value and what is allowed
         */
        public PromptLearner build() {
            List<String> problems = new ArrayList<>();
            if (textContext < 0 || visionContext < 0) {
                problems.add(
                        "setTextContext and setVisionContext are required (0 or more tokens), got "
                                + textContext
                                + " and "
                                + visionContext);
            } else if (textContext == 0 && visionContext == 0) {
                problems.add("at least one tower needs prompt tokens");
            } else if (visionContext > MAX_VISION_CONTEXT) {
                problems.add(
                        "at most "
                                + MAX_VISION_CONTEXT
                                + " vision prompt tokens (attention memory grows with the square"
                                + " of patches plus prompts), got "
                                + visionContext);
            }
            if (textContext > 0 && textDepth < 1) {
                problems.add("the text depth must be at least 1, got " + textDepth);
            }
            if (visionContext > 0 && visionDepth < 1) {
                problems.add("the vision depth must be at least 1, got " + visionDepth);
            }
            if (initWords != null) {
                if (initWords.isEmpty()) {
                    problems.add("init words must not be blank");
                } else if (textContext == 0) {
                    problems.add("init words need text context vectors to start");
                } else if (textContext > MAX_INIT_WORDS) {
                    problems.add(
                            "init words start at most "
                                    + MAX_INIT_WORDS
                                    + " context vectors (the reference ignores them beyond), got "
                                    + textContext);
                }
            }
            if (template == null) {
                problems.add("the template must not be null");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid prompt learner: " + String.join("; ", problems));
            }
            return new PromptLearner(this);
        }
    }
}
