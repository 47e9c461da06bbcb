/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.benchmarks;

import io.github.vificlip.tokenizer.ClipTokenizer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vificlip benchmark tokenizer}: strings and tokens per second of the CLIP tokenizer on
 * class-name prompts ("a photo of a {name}."), with a cold and a warm word cache, on one thread and
 * on several.
 */
@Command(
        name = "tokenizer",
        mixinStandardHelpOptions = true,
        description = "Measure CLIP tokenizer throughput on class-name prompts.")
public final class TokenizerBenchmark implements Callable<Integer> {

    private static final String[] ACTIONS = {
        "riding", "washing", "throwing", "catching", "climbing", "painting", "cutting",
        "juggling", "kicking", "folding", "pushing", "pulling", "carving", "brushing",
        "repairing", "feeding", "skipping", "dribbling", "polishing", "stacking"
    };
    private static final String[] OBJECTS = {
        "a bicycle",
        "dishes",
        "a frisbee",
        "a rope",
        "a wall",
        "a fence",
        "wood",
        "balls",
        "a football",
        "laundry",
        "a trolley",
        "weeds",
        "a pumpkin",
        "teeth",
        "a car engine",
        "a horse",
        "stones",
        "a basketball",
        "shoes",
        "cups",
        "an umbrella",
        "snow",
        "a kite",
        "ice",
        "bread",
        "paper",
        "a drum",
        "hair",
        "a boat",
        "clay"
    };
    private static final String[] PLACES = {
        "",
        " outdoors",
        " at night",
        " underwater",
        " in slow motion",
        " with friends",
        " on a beach"
    };

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--rounds",
            description = "Timed passes over the prompts (default: ${DEFAULT-VALUE}).")
    private int rounds = 20;

    @Option(
            names = "--threads",
            description = "Threads for the parallel measurement (default: all cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--long-words",
            split = ",",
            paramLabel = "N",
            description =
                    "Also time one word of N random lower-case letters for each N (for example"
                            + " 2000,20000,200000,2000000): byte-pair encoding time per word"
                            + " length, without the word cache.")
    private List<Integer> longWords = List.of();

    /** Class-name prompts: every action, object and place combination (4,200 texts). */
    static List<String> prompts() {
        List<String> prompts = new ArrayList<>();
        for (String action : ACTIONS) {
            for (String object : OBJECTS) {
                for (String place : PLACES) {
                    prompts.add("a photo of a " + action + " " + object + place + ".");
                }
            }
        }
        return prompts;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> prompts = prompts();
        long tokens = 0;
        ClipTokenizer warmUp = ClipTokenizer.newInstance(); // loads the vocabulary once
        for (String prompt : prompts) {
            tokens += warmUp.encode(prompt).length + 2;
        }
        out.printf("%d prompts, %d tokens with start and end tokens%n", prompts.size(), tokens);

        ClipTokenizer cold = ClipTokenizer.builder().optCacheSize(0).build();
        double coldSeconds = time(() -> tokenizeAll(cold, prompts), rounds);
        ClipTokenizer warm = ClipTokenizer.newInstance();
        tokenizeAll(warm, prompts);
        double warmSeconds = time(() -> tokenizeAll(warm, prompts), rounds);
        double parallelSeconds = time(() -> tokenizeInParallel(warm, prompts), rounds);

        report(out, "1 thread, no word cache", prompts.size(), tokens, coldSeconds);
        report(out, "1 thread, warm word cache", prompts.size(), tokens, warmSeconds);
        report(out, threads + " threads, warm cache", prompts.size(), tokens, parallelSeconds);
        out.printf("ratio warm/no cache: %.2f%n", coldSeconds / warmSeconds);
        out.printf("ratio %d threads/1 thread: %.2f%n", threads, warmSeconds / parallelSeconds);
        longWords(out, cold);
        out.flush();
        return 0;
    }

    /** Times one encode per word length; the ratio of time per letter shows the growth. */
    private void longWords(PrintWriter out, ClipTokenizer tokenizer) {
        double firstPerLetter = 0;
        for (int length : longWords) {
            java.util.Random random = new java.util.Random(1);
            StringBuilder word = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            long start = System.nanoTime();
            int ids = tokenizer.encode(word.toString()).length;
            double seconds = (System.nanoTime() - start) / 1e9;
            double perLetter = seconds / length;
            if (firstPerLetter == 0) {
                firstPerLetter = perLetter;
            }
            out.printf(
                    java.util.Locale.ROOT,
                    "word of %,d letters: %.3f s, %,d ids, time per letter %.2fx the first"
                            + " word's%n",
                    length,
                    seconds,
                    ids,
                    perLetter / firstPerLetter);
        }
    }

    private static void report(
            PrintWriter out, String label, int strings, long tokens, double seconds) {
        out.printf(
                "%-28s %10.0f strings/s %12.0f tokens/s%n",
                label, strings / seconds, tokens / seconds);
    }

    /** Returns the median seconds of one pass over {@code rounds} timed passes. */
    private static double time(ThrowingRunnable pass, int rounds) throws Exception {
        double[] seconds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            pass.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[rounds / 2];
    }

    private static void tokenizeAll(ClipTokenizer tokenizer, List<String> prompts) {
        for (String prompt : prompts) {
            tokenizer.tokenize(prompt);
        }
    }

    private void tokenizeInParallel(ClipTokenizer tokenizer, List<String> prompts)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int chunk = (prompts.size() + threads - 1) / threads;
            for (int start = 0; start < prompts.size(); start += chunk) {
                List<String> part = prompts.subList(start, Math.min(prompts.size(), start + chunk));
                parts.add(pool.submit(() -> tokenizeAll(tokenizer, part)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
