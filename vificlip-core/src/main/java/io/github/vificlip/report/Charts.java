/*
 * Copyright 2026 The ViFi-CLIP for Java Authors. Licensed under the Apache License, Version 2.0.
 */
package io.github.vificlip.report;

import io.github.vificlip.evaluation.EvaluationResult;
import io.github.vificlip.io.AtomicFile;
import io.github.vificlip.training.TrainingHistory;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG pictures of runs: the training curve and the confusion matrix (XChart, headless). */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    /** The most classes a confusion picture draws. */
    public static final int DRAWN_CLASSES = 50;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * Draws loss and learning rate per iteration (top) and per-epoch mean loss and validation top-1
     * (bottom) into one PNG.
     *
     * @param history the run's history
     * @param file the PNG file
     * @throws IOException if it cannot be written
     */
    public static void trainingCurve(TrainingHistory history, Path file) throws IOException {
        List<TrainingHistory.Iteration> iterations = history.getIterations();
        XYChart loss =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Training loss")
                        .xAxisTitle("iteration")
                        .yAxisTitle("loss")
                        .build();
        XYChart epochs =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Per epoch")
                        .xAxisTitle("epoch")
                        .yAxisTitle("value")
                        .build();
        style(loss);
        style(epochs);
        if (!iterations.isEmpty()) {
            double[] x = new double[iterations.size()];
            double[] y = new double[iterations.size()];
            double[] lr = new double[iterations.size()];
            double maxLr = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = iterations.get(i).iteration();
                y[i] = iterations.get(i).loss();
                lr[i] = iterations.get(i).learningRate();
                maxLr = Math.max(maxLr, lr[i]);
            }
            XYSeries series = loss.addSeries("loss", x, y);
            series.setMarker(SeriesMarkers.NONE);
            if (maxLr > 0) {
                double maxLoss = Arrays.stream(y).max().orElse(1);
                double[] scaled = new double[lr.length];
                for (int i = 0; i < lr.length; i++) {
                    scaled[i] = lr[i] / maxLr * maxLoss;
                }
                XYSeries rate =
                        loss.addSeries(
                                String.format("learning rate (peak %.3g, scaled)", maxLr),
                                x,
                                scaled);
                rate.setMarker(SeriesMarkers.NONE);
            }
        }
        List<TrainingHistory.Epoch> summaries = history.getEpochs();
        if (!summaries.isEmpty()) {
            double[] x = summaries.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray();
            epochs.addSeries(
                    "mean loss",
                    x,
                    summaries.stream().mapToDouble(TrainingHistory.Epoch::meanLoss).toArray());
            List<TrainingHistory.Epoch> evaluated =
                    summaries.stream().filter(e -> e.top1() != null).toList();
            if (!evaluated.isEmpty()) {
                epochs.addSeries(
                        "validation top-1",
                        evaluated.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray(),
                        evaluated.stream().mapToDouble(TrainingHistory.Epoch::top1).toArray());
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            loss.paint(g, WIDTH, HEIGHT);
            g.translate(0, HEIGHT);
            epochs.paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        write(image, file);
    }

    /**
     * Draws the confusion matrix as a heat map of row-normalised counts (true class down, predicted
     * class across). A picture cannot show thousands of columns: beyond {@value #DRAWN_CLASSES}
     * classes it draws the {@value #DRAWN_CLASSES} classes with the most videos (ties by label
     * order), in label order, and its title says so; the evaluation JSON holds every cell.
     *
     * @param result an evaluation result
     * @param file the PNG file
     * @throws IOException if it cannot be written
     */
    public static void confusionMatrix(EvaluationResult result, Path file) throws IOException {
        int[] drawn = drawnClasses(result);
        int n = drawn.length;
        int side = Math.max(500, Math.min(1600, 28 * n + 400));
        String title = String.format("Confusion matrix (top-1 %.1f%%)", 100 * result.top1());
        if (n < result.classNames().size()) {
            title +=
                    String.format(
                            ", %d of %d classes: those with the most videos",
                            n, result.classNames().size());
        }
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(side)
                        .height(side)
                        .title(title)
                        .xAxisTitle("predicted")
                        .yAxisTitle("true")
                        .build();
        chart.getStyler().setShowValue(n <= 20);
        // shares as ".25" in a 28-pixel cell need a small font; names read downwards under columns
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x1F, 0x4E, 0x9B)});
        List<String> names =
                Arrays.stream(drawn).mapToObj(c -> shorten(result.classNames().get(c))).toList();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            long support = result.support()[drawn[t]];
            for (int p = 0; p < n; p++) {
                long count = result.confusion().count(drawn[t], drawn[p]);
                double share = support == 0 ? 0 : (double) count / support;
                cells.add(new Number[] {p, n - 1 - t, Math.round(share * 100) / 100.0});
            }
        }
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        chart.addSeries("share of true class", names, reversed, cells);
        write(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** The classes a confusion picture shows: all, or the most frequent, in label order. */
    private static int[] drawnClasses(EvaluationResult result) {
        long[] support = result.support();
        return java.util.stream.IntStream.range(0, support.length)
                .boxed()
                .sorted((a, b) -> Long.compare(support[b], support[a]))
                .limit(DRAWN_CLASSES)
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
    }

    /**
     * Draws a 2-D layout (for example from {@link Tsne}) as a scatter plot, one colour per class.
     *
     * @param layout n rows of (x, y)
     * @param labels the class of each point, an index into {@code classNames}
     * @param classNames the class names, for the legend
     * @param title the chart's title
     * @param file the PNG file
     * @throws IOException if it cannot be written
     * @throws IllegalArgumentException if the layout and labels differ in length
     */
    public static void scatter(
            double[][] layout, int[] labels, List<String> classNames, String title, Path file)
            throws IOException {
        if (layout.length != labels.length) {
            throw new IllegalArgumentException(
                    layout.length + " points but " + labels.length + " labels");
        }
        XYChart chart = new XYChartBuilder().width(WIDTH + 300).height(WIDTH).title(title).build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setMarkerSize(9);
        for (int c = 0; c < classNames.size(); c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    xs.add(layout[i][0]);
                    ys.add(layout[i][1]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries series = chart.addSeries(shorten(classNames.get(c)), xs, ys);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(Color.getHSBColor((c * 0.618034f) % 1f, 0.75f, 0.85f));
            }
        }
        write(BitmapEncoder.getBufferedImage(chart), file);
    }

    private static String shorten(String name) {
        return name.length() <= 24 ? name : name.substring(0, 23) + "…";
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendVisible(true);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(
                file,
                out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("No PNG writer for " + file);
                    }
                });
    }
}
