package dev.kinit.samples.experiment;

import dev.kinit.samples.train.EpochResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the experiments' results as PNG charts (XChart). Each initialisation has one look in every
 * chart (colour, line and marker), so that lines that coincide stay distinguishable: Kaiming fan_in
 * solid with circles, fan_out dashed with squares.
 */
public final class Plots {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 460;
  private static final Set<WeightInit> KAIMING =
      Set.of(WeightInit.KAIMING_FAN_IN, WeightInit.KAIMING_FAN_OUT);

  /** How an initialisation's series is drawn. */
  private record Look(Color color, BasicStroke line, Marker marker) {}

  private Plots() {}

  private static Look look(WeightInit scheme) {
    return switch (scheme) {
      case KAIMING_FAN_IN -> new Look(new Color(0x1f77b4), stroke(), SeriesMarkers.CIRCLE);
      case KAIMING_FAN_OUT -> new Look(new Color(0xff7f0e), stroke(6f, 4f), SeriesMarkers.SQUARE);
      case XAVIER ->
          new Look(new Color(0x2ca02c), stroke(10f, 3f, 2f, 3f), SeriesMarkers.TRIANGLE_UP);
      case NORMAL_0_01 -> new Look(new Color(0xd62728), stroke(2f, 3f), SeriesMarkers.DIAMOND);
    };
  }

  private static BasicStroke stroke(float... dashes) {
    return dashes.length == 0
        ? new BasicStroke(2f)
        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
  }

  /**
   * The Kaiming variants' per-layer standard deviations on a linear scale from 0, where a preserved
   * std is a flat line: one row of charts per network, forward on the left, backward on the right.
   * fan_in keeps the forward std and fan_out the backward one; each steps by a width ratio in the
   * other direction. {@link #varianceLog} shows all four initialisations.
   *
   * @param profiles for each network, one profile per initialisation (those not Kaiming are left
   *     out)
   * @param file the PNG to write
   * @return the file written
   */
  public static Path variance(List<List<VarianceExperiment.Profile>> profiles, Path file) {
    List<XYChart> charts =
        profiles.stream()
            .flatMap(
                network -> {
                  List<VarianceExperiment.Profile> kaiming =
                      network.stream().filter(p -> KAIMING.contains(p.scheme())).toList();
                  return List.of(kaimingChart(kaiming, true), kaimingChart(kaiming, false))
                      .stream();
                })
            .toList();
    return write(charts, profiles.size(), 2, file);
  }

  /**
   * All initialisations' per-layer standard deviations on a log scale, labelled every few decades:
   * the collapse of Xavier and {@code N(0, 0.01²)} by tens of orders of magnitude, next to which
   * the Kaiming variants stay at about 1. Laid out as {@link #variance}.
   *
   * @param profiles for each network, one profile per initialisation
   * @param file the PNG to write
   * @return the file written
   */
  public static Path varianceLog(List<List<VarianceExperiment.Profile>> profiles, Path file) {
    List<XYChart> charts =
        profiles.stream()
            .flatMap(network -> List.of(logChart(network, true), logChart(network, false)).stream())
            .toList();
    return write(charts, profiles.size(), 2, file);
  }

  private static XYChart kaimingChart(List<VarianceExperiment.Profile> profiles, boolean forward) {
    XYChart chart = layerChart(profiles, forward, "Kaiming");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    for (VarianceExperiment.Profile profile : profiles) {
      addSeries(chart, profile, forward ? profile.forward() : profile.backward());
    }
    return chart;
  }

  private static XYChart logChart(List<VarianceExperiment.Profile> profiles, boolean forward) {
    XYChart chart = layerChart(profiles, forward, "log scale");
    chart.getStyler().setYAxisTickMarkSpacingHint(70);
    chart.getStyler().setyAxisTickLabelsFormattingFunction(Plots::powerOfTen);
    for (VarianceExperiment.Profile profile : profiles) {
      double[] std = forward ? profile.forward() : profile.backward();
      addSeries(chart, profile, Arrays.stream(std).map(Math::log10).toArray());
    }
    return chart;
  }

  /**
   * A tick label of the log charts, whose axis holds {@code log10(std)}: {@code 1e-20}, {@code
   * 1e0}.
   */
  static String powerOfTen(double exponent) {
    long rounded = Math.round(exponent);
    if (Math.abs(exponent - rounded) > 1e-9) {
      return String.format(Locale.ROOT, "1e%.1f", exponent);
    }
    return "1e" + rounded;
  }

  /**
   * A chart of per-layer values: titled with the network, the direction and the view; layers
   * labelled every fifth; the widths in the axis title, since the Kaiming variants step where the
   * width changes; a faint vertical line at each change.
   */
  private static XYChart layerChart(
      List<VarianceExperiment.Profile> profiles, boolean forward, String view) {
    VarianceExperiment.Profile first = profiles.get(0);
    XYChart chart =
        chart(
            first.network()
                + (forward ? ": forward, std of y_l" : ": backward, std of dLoss/dx_(l-1)")
                + " ("
                + view
                + ")",
            "weight layer l; widths " + widths(first.widths()),
            "std");
    // Ticks every 5 layers from 0 (no layer 0: its label is left blank).
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax((double) first.depth());
    chart
        .getStyler()
        .setxAxisTickLabelsFormattingFunction(
            l -> l > 0.5 && Math.round(l) % 5 == 0 ? String.valueOf(Math.round(l)) : " ");
    int[] widths = first.widths();
    for (int l = 2; l < widths.length; l++) {
      if (widths[l] != widths[l - 1]) {
        chart.addAnnotation(new AnnotationLine(l - 0.5, true, false));
      }
    }
    chart.getStyler().setAnnotationLineColor(new Color(0xcccccc));
    chart.getStyler().setAnnotationLineStroke(stroke(4f, 4f));
    return chart;
  }

  /**
   * The widths as runs of layers: {@code 64 → 64 (l 1–10) → 128 (11–20) → 256 (21–30)}, the first
   * number being the input's.
   */
  static String widths(int[] widths) {
    StringBuilder text = new StringBuilder(String.valueOf(widths[0]));
    int start = 1;
    for (int l = 1; l < widths.length; l++) {
      if (l == widths.length - 1 || widths[l + 1] != widths[l]) {
        text.append(" → ")
            .append(widths[l])
            .append(start == 1 ? " (l " : " (")
            .append(start == l ? String.valueOf(l) : start + "–" + l)
            .append(')');
        start = l + 1;
      }
    }
    return text.toString();
  }

  private static void addSeries(
      XYChart chart, VarianceExperiment.Profile profile, double[] values) {
    double[] layers = IntStream.rangeClosed(1, profile.depth()).mapToDouble(l -> l).toArray();
    style(chart.addSeries(profile.scheme().label(), layers, values), profile.scheme());
  }

  /**
   * Training curves of the depth experiment: the training loss and the test accuracy per epoch, one
   * series per initialisation.
   *
   * @param title what was trained, on which data
   * @param runs one run per initialisation
   * @param file the PNG to write
   * @return the file written
   */
  public static Path training(String title, List<DepthExperiment.Run> runs, Path file) {
    XYChart loss = chart(title + ": training loss", "epoch", "mean cross-entropy");
    XYChart accuracy = chart(title + ": test accuracy", "epoch", "accuracy (%)");
    for (DepthExperiment.Run run : runs) {
      double[] epochs = run.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
      style(
          loss.addSeries(
              run.scheme().label(),
              epochs,
              run.epochs().stream().mapToDouble(EpochResult::trainLoss).toArray()),
          run.scheme());
      style(
          accuracy.addSeries(
              run.scheme().label(),
              epochs,
              run.epochs().stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray()),
          run.scheme());
    }
    return write(List.of(loss, accuracy), 1, 2, file);
  }

  private static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(0xbbbbbb));
    styler.setPlotGridLinesColor(new Color(0xeeeeee));
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setPlotGridVerticalLinesVisible(false);
    styler.setXAxisDecimalPattern("0");
    styler.setXAxisTickMarkSpacingHint(80);
    styler.setYAxisTickMarkSpacingHint(60);
    styler.setMarkerSize(6);
    return chart;
  }

  private static void style(XYSeries series, WeightInit scheme) {
    Look look = look(scheme);
    series.setLineColor(look.color());
    series.setMarkerColor(look.color());
    series.setMarker(look.marker());
    series.setLineStyle(look.line());
  }

  private static Path write(List<XYChart> charts, int rows, int columns, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plot " + file + ": " + e.getMessage(), e);
    }
  }
}
