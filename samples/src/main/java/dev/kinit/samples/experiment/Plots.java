package dev.kinit.samples.experiment;

import dev.kinit.samples.train.EpochResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes the experiments' results as PNG charts (XChart), one file per experiment. */
public final class Plots {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 460;
  private static final Color[] COLORS = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728)
  };

  private Plots() {}

  /**
   * The per-layer standard deviations of each {@code setup}'s profiles on a log scale: one row of
   * charts per network, forward on the left, backward on the right.
   *
   * @param profiles for each network, one profile per initialisation
   * @return the file written
   */
  public static Path variance(List<List<VarianceExperiment.Profile>> profiles, Path file) {
    List<XYChart> charts =
        profiles.stream()
            .flatMap(
                network ->
                    List.of(varianceChart(network, true), varianceChart(network, false)).stream())
            .toList();
    return write(charts, profiles.size(), 2, file);
  }

  private static XYChart varianceChart(List<VarianceExperiment.Profile> profiles, boolean forward) {
    String network = profiles.get(0).network();
    XYChart chart =
        chart(
            network + (forward ? ": forward, std of y_l" : ": backward, std of dLoss/dx_(l-1)"),
            "weight layer l",
            "standard deviation (log scale)");
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("0.#E0");
    chart.getStyler().setYAxisTickMarkSpacingHint(60);
    for (int s = 0; s < profiles.size(); s++) {
      VarianceExperiment.Profile profile = profiles.get(s);
      double[] layers = IntStream.rangeClosed(1, profile.depth()).mapToDouble(l -> l).toArray();
      style(
          chart.addSeries(
              profile.scheme().label(), layers, forward ? profile.forward() : profile.backward()),
          s);
    }
    return chart;
  }

  /**
   * Training curves of the depth experiment: the training loss and the test accuracy per epoch, one
   * series per initialisation.
   *
   * @return the file written
   */
  public static Path training(String title, List<DepthExperiment.Run> runs, Path file) {
    XYChart loss = chart(title + ": training loss", "epoch", "mean cross-entropy");
    XYChart accuracy = chart(title + ": test accuracy", "epoch", "accuracy (%)");
    for (int s = 0; s < runs.size(); s++) {
      DepthExperiment.Run run = runs.get(s);
      double[] epochs = run.epochs().stream().mapToDouble(EpochResult::epoch).toArray();
      style(
          loss.addSeries(
              run.scheme().label(),
              epochs,
              run.epochs().stream().mapToDouble(EpochResult::trainLoss).toArray()),
          s);
      style(
          accuracy.addSeries(
              run.scheme().label(),
              epochs,
              run.epochs().stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray()),
          s);
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
    styler.setPlotGridLinesColor(new Color(0xdddddd));
    styler.setXAxisDecimalPattern("0");
    styler.setXAxisTickMarkSpacingHint(60);
    return chart;
  }

  private static void style(XYSeries series, int index) {
    series.setLineColor(COLORS[index % COLORS.length]);
    series.setMarkerColor(COLORS[index % COLORS.length]);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineStyle(new BasicStroke(2f));
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
