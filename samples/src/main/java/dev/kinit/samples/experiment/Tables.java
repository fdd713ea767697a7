package dev.kinit.samples.experiment;

import dev.kinit.samples.train.EpochResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Prints the experiments' results as text tables. */
public final class Tables {
  private Tables() {}

  /**
   * One network's per-layer standard deviations, one column pair (forward, backward) per
   * initialisation, for layers 1, 2, every fifth and the last, then how much each changed from one
   * end to the other.
   */
  public static void variance(List<VarianceExperiment.Profile> profiles, PrintStream out) {
    int depth = profiles.get(0).depth();
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-7s", "layer"));
    StringBuilder subheader = new StringBuilder(String.format(Locale.ROOT, "%-7s", ""));
    for (VarianceExperiment.Profile p : profiles) {
      header.append(String.format(Locale.ROOT, "| %-21s", p.scheme().label()));
      subheader.append(String.format(Locale.ROOT, "| %-10s %-10s", "forward", "backward"));
    }
    out.println(header);
    out.println(subheader);
    TreeSet<Integer> layers = new TreeSet<>(List.of(1, 2, depth));
    for (int l = 5; l < depth; l += 5) {
      layers.add(l);
    }
    for (int l : layers) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-7d", l));
      for (VarianceExperiment.Profile p : profiles) {
        row.append(
            String.format(
                Locale.ROOT, "| %-10.3e %-10.3e", p.forward()[l - 1], p.backward()[l - 1]));
      }
      out.println(row);
    }
    StringBuilder ratios = new StringBuilder(String.format(Locale.ROOT, "%-7s", "change"));
    for (VarianceExperiment.Profile p : profiles) {
      ratios.append(
          String.format(Locale.ROOT, "| %-10.3e %-10.3e", p.forwardRatio(), p.backwardRatio()));
    }
    out.println(ratios);
    out.printf(
        Locale.ROOT,
        "change: forward = layer %d / layer 1 (signal on its way up), backward = layer 1 / layer %d"
            + " (gradient on its way down); 1 = preserved%n",
        depth,
        depth);
  }

  /**
   * The depth experiment: one row per epoch (0 = as initialised), loss and accuracies of each run
   * side by side.
   */
  public static void training(List<DepthExperiment.Run> runs, PrintStream out) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-6s", "epoch"));
    for (DepthExperiment.Run run : runs) {
      header.append(
          String.format(
              Locale.ROOT, "| %-15s %-10s %-9s ", run.scheme().label(), "train acc", "test acc"));
    }
    out.println(header);
    int rows = runs.stream().mapToInt(run -> run.epochs().size()).max().orElse(0);
    for (int e = 0; e < rows; e++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d", e));
      for (DepthExperiment.Run run : runs) {
        if (e < run.epochs().size()) {
          EpochResult r = run.epochs().get(e);
          row.append(
              String.format(
                  Locale.ROOT,
                  "| loss %-10.4f %8.1f%%  %7.1f%%  ",
                  r.trainLoss(),
                  100 * r.trainAccuracy(),
                  100 * r.testAccuracy()));
        } else {
          row.append(String.format(Locale.ROOT, "| %-37s", "(diverged)"));
        }
      }
      out.println(row);
    }
  }
}
