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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
    private static final DecimalFormatSymbols ROOT_SYMBOLS =
            DecimalFormatSymbols.getInstance(Locale.ROOT);
    private static final int LEFT = 0;
    private static final int RIGHT = 1;
    private static final Color LOSS_COLOUR = new Color(0x1F, 0x57, 0xC8);
    private static final Color RATE_COLOUR = new Color(0xE0, 0x7B, 0x00);
    private static final Color TOP1_COLOUR = new Color(0x2C, 0xA0, 0x2C);

    /** Height of one legend entry of the scatter plot at its legend font, with spacing. */
    private static final int LEGEND_ENTRY = 19;

    /** The most classes a confusion picture draws. */
    public static final int DRAWN_CLASSES = 50;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /**
     * Draws loss and learning rate per iteration (top, each on its own axis) and per-epoch mean
     * loss and validation top-1 (bottom, each on its own axis) into one PNG. Epochs are numbered
     * from 1.
     *
     * @param history the run's history
     * @param file the PNG file
     * @throws IOException if it cannot be written
     */
    public static void trainingCurve(TrainingHistory history, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            iterationChart(history.getIterations()).paint(g, WIDTH, HEIGHT);
            g.translate(0, HEIGHT);
            epochChart(history.getEpochs()).paint(g, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        write(image, file);
    }

    /** The top chart: loss (left axis) and learning rate (right axis) per iteration. */
    static XYChart iterationChart(List<TrainingHistory.Iteration> iterations) {
        XYChart chart = curveChart("Loss and learning rate per iteration", "iteration");
        chart.setYAxisGroupTitle(LEFT, "loss");
        chart.setYAxisGroupTitle(RIGHT, "learning rate");
        if (!iterations.isEmpty()) {
            double[] x =
                    iterations.stream().mapToDouble(TrainingHistory.Iteration::iteration).toArray();
            double[] loss =
                    iterations.stream().mapToDouble(TrainingHistory.Iteration::loss).toArray();
            double[] rate =
                    iterations.stream()
                            .mapToDouble(TrainingHistory.Iteration::learningRate)
                            .toArray();
            line(chart, "loss", x, loss, LEFT, LOSS_COLOUR);
            line(chart, "learning rate", x, rate, RIGHT, RATE_COLOUR);
            chart.getStyler().setYAxisMin(LEFT, 0.0);
            chart.getStyler().setYAxisMax(LEFT, ceiling(loss));
            chart.getStyler().setYAxisMin(RIGHT, 0.0);
            chart.getStyler().setYAxisMax(RIGHT, ceiling(rate));
        }
        return chart;
    }

    /** The bottom chart: mean loss (left axis) and validation top-1 in % (right) per epoch. */
    static XYChart epochChart(List<TrainingHistory.Epoch> epochs) {
        XYChart chart = curveChart("Per epoch", "epoch");
        chart.setYAxisGroupTitle(LEFT, "mean loss");
        chart.setYAxisGroupTitle(RIGHT, "validation top-1 (%)");
        chart.getStyler().setYAxisMin(RIGHT, 0.0);
        chart.getStyler().setYAxisMax(RIGHT, 100.0);
        if (!epochs.isEmpty()) {
            double[] x = epochs.stream().mapToDouble(TrainingHistory.Epoch::epoch).toArray();
            double[] loss = epochs.stream().mapToDouble(TrainingHistory.Epoch::meanLoss).toArray();
            line(chart, "mean loss", x, loss, LEFT, LOSS_COLOUR).setMarker(SeriesMarkers.CIRCLE);
            chart.getStyler().setYAxisMin(LEFT, 0.0);
            chart.getStyler().setYAxisMax(LEFT, ceiling(loss));
            List<TrainingHistory.Epoch> evaluated =
                    epochs.stream().filter(e -> e.top1() != null).toList();
            if (!evaluated.isEmpty()) {
                line(
                                chart,
                                "validation top-1",
                                evaluated.stream()
                                        .mapToDouble(TrainingHistory.Epoch::epoch)
                                        .toArray(),
                                evaluated.stream().mapToDouble(e -> 100 * e.top1()).toArray(),
                                RIGHT,
                                TOP1_COLOUR)
                        .setMarker(SeriesMarkers.DIAMOND);
            }
        }
        return chart;
    }

    private static XYChart curveChart(String title, String xTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .build();
        style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisGroupPosition(RIGHT, Styler.YAxisPosition.Right);
        chart.getStyler().setXAxisTickMarkSpacingHint(80);
        // iterations and epochs are whole numbers: ticks between them stay unlabelled
        // small values such as learning rates in scientific notation, others with a leading zero
        chart.getStyler()
                .setyAxisTickLabelsFormattingFunction(
                        v ->
                                v != 0 && Math.abs(v) < 1e-3
                                        ? String.format(Locale.ROOT, "%.1e", v)
                                        : new DecimalFormat("0.###", ROOT_SYMBOLS).format(v));
        chart.getStyler()
                .setxAxisTickLabelsFormattingFunction(
                        v -> Math.abs(v - Math.rint(v)) < 1e-6 ? Long.toString(Math.round(v)) : "");
        return chart;
    }

    private static XYSeries line(
            XYChart chart, String name, double[] x, double[] y, int axis, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        chart.getStyler().setYAxisGroupTitleColor(axis, colour);
        return series;
    }

    /** A round upper bound a little above the largest value (1 when all are zero). */
    private static double ceiling(double[] values) {
        double max = Arrays.stream(values).max().orElse(0);
        if (!(max > 0)) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max))) / 4;
        return Math.ceil(max * 1.05 / step) * step;
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
     * Draws a 2-D layout (for example from {@link Tsne}) as a scatter plot, one colour and marker
     * per class: a class named after a colour or shape is drawn in it (see {@link ClassStyles}),
     * and the picture is as tall as the legend needs.
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
        // the legend is one column beside the plot: the picture grows to hold every class
        int height = Math.max(WIDTH, 120 + LEGEND_ENTRY * classNames.size());
        XYChart chart = new XYChartBuilder().width(WIDTH + 300).height(height).title(title).build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLegendPadding(6);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setMarkerSize(9);
        List<ClassStyles.Style> styles = ClassStyles.of(classNames);
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
                series.setMarker(styles.get(c).marker());
                series.setMarkerColor(styles.get(c).colour());
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
