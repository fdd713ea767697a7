package dev.kinit.samples;

import dev.kinit.samples.data.Dataset;
import dev.kinit.samples.data.FashionMnist;
import dev.kinit.samples.data.SyntheticImages;
import dev.kinit.samples.experiment.DepthExperiment;
import dev.kinit.samples.experiment.Plots;
import dev.kinit.samples.experiment.Tables;
import dev.kinit.samples.experiment.VarianceExperiment;
import dev.kinit.samples.experiment.WeightInit;
import dev.kinit.samples.nn.Network;
import dev.kinit.samples.nn.Networks;
import dev.kinit.samples.train.EpochResult;
import dev.kinit.samples.train.Progress;
import dev.kinit.samples.train.Trainer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The main demo: why Kaiming initialisation matters, on hand-written Java and Kotlin networks.
 *
 * <ol>
 *   <li>The variance experiment ({@link VarianceExperiment}): per-layer std of activations and
 *       gradients through a 30-layer ReLU MLP and a 20-layer conv stack, for Kaiming fan_in,
 *       fan_out, Xavier and {@code N(0, 0.01²)}; a table, {@code variance.png} (the Kaiming
 *       variants, linear scale) and {@code variance-log.png} (all four, log scale).
 *   <li>Training with the generated initializers: an MLP and a LeNet mixing Java and Kotlin layers.
 *   <li>He et al. 2015, Fig. 3 ({@link DepthExperiment}): a 30-layer plain ReLU network, Kaiming
 *       versus Xavier; a table and {@code training-DATA.png}.
 * </ol>
 *
 * <pre>
 *   demo [--data synthetic|fashion-mnist] [--data-dir DIR] [--train-size N] [--test-size N]
 *        [--epochs N] [--deep-epochs N] [--out DIR] [--seed N]
 * </pre>
 *
 * <p>{@code --epochs} is for the MLP and the LeNet, {@code --deep-epochs} for the 30-layer runs;
 * plots go to {@code --out} (default {@code target/plots}).
 *
 * <p>The default, the embedded synthetic data, runs in well under a minute on 2 cores.
 */
public final class Demo {

  /** The demo's settings, from the command line. */
  record Options(
      String data,
      Path dataDirectory,
      int trainSize,
      int testSize,
      int epochs,
      int deepEpochs,
      Path out,
      long seed) {

    static Options parse(String... args) {
      String data = "synthetic";
      Path dataDirectory = FashionMnist.DEFAULT_DIRECTORY;
      Integer trainSize = null;
      Integer testSize = null;
      Integer epochs = null;
      Integer deepEpochs = null;
      Path out = Path.of("target", "plots");
      long seed = 42;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--data" -> {
            if (!value.equals("synthetic") && !value.equals("fashion-mnist")) {
              throw new IllegalArgumentException(
                  "--data " + value + "; expected synthetic or fashion-mnist");
            }
            data = value;
          }
          case "--data-dir" -> dataDirectory = Path.of(value);
          case "--train-size" -> trainSize = positive("--train-size", value);
          case "--test-size" -> testSize = positive("--test-size", value);
          case "--epochs" -> epochs = positive("--epochs", value);
          case "--deep-epochs" -> deepEpochs = positive("--deep-epochs", value);
          case "--out" -> out = Path.of(value);
          case "--seed" -> seed = number("--seed", value);
          default ->
              throw new IllegalArgumentException(
                  String.format(
                      "unknown option %s; expected --data, --data-dir, --train-size, --test-size,"
                          + " --epochs, --deep-epochs, --out or --seed",
                      args[i]));
        }
      }
      boolean synthetic = data.equals("synthetic");
      return new Options(
          data,
          dataDirectory,
          trainSize != null ? trainSize : synthetic ? 3000 : 60_000,
          testSize != null ? testSize : synthetic ? 1000 : 10_000,
          epochs != null ? epochs : synthetic ? 4 : 2,
          deepEpochs != null ? deepEpochs : synthetic ? 10 : 5,
          out,
          seed);
    }

    private static int positive(String option, String text) {
      long value = number(option, text);
      if (value < 1 || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(option + " " + text + "; expected a positive integer");
      }
      return (int) value;
    }

    private static long number(String option, String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " " + text + " is not an integer", e);
      }
    }
  }

  /** SGD for the MLP and the LeNet: batch 32, learning rate 0.01, momentum 0.9. */
  static Trainer.Settings smallNetworks(int epochs) {
    return new Trainer.Settings(epochs, 32, 0.01f, 0.9f);
  }

  private Demo() {}

  /** Runs the demo; see the class comment for the arguments. */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      System.err.println(
          "usage: demo [--data synthetic|fashion-mnist] [--data-dir DIR] [--train-size N]"
              + " [--test-size N] [--epochs N] [--deep-epochs N] [--out DIR] [--seed N]");
      System.exit(2);
      return;
    }
    try {
      run(options, System.out, Progress.console(System.out, System.console() != null));
    } catch (UncheckedIOException e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(Options options, PrintStream out, Progress progress) {
    long start = System.nanoTime();
    Dataset.Split data = load(options); // first: a missing data set fails before the long part
    out.println("kinit demo: Kaiming initialisation (He et al. 2015) in hand-written networks");
    out.println();

    out.printf(
        Locale.ROOT,
        "1. Variance through depth: std of the responses y_l (forward) and of the gradients"
            + " dLoss/dx_(l-1) (backward), pooled over %d random networks, each on an N(0, 1)"
            + " batch%n",
        VarianceExperiment.DRAWS);
    List<List<VarianceExperiment.Profile>> profiles = new ArrayList<>();
    for (VarianceExperiment.Setup setup :
        List.of(VarianceExperiment.mlp(), VarianceExperiment.convStack())) {
      List<VarianceExperiment.Profile> network = new ArrayList<>();
      for (WeightInit scheme : WeightInit.values()) {
        network.add(VarianceExperiment.measure(setup, scheme, options.seed()));
      }
      out.println();
      out.println(setup.name() + ":");
      Tables.variance(network, out);
      profiles.add(network);
    }
    Path variancePlot = Plots.variance(profiles, options.out().resolve("variance.png"));
    Path varianceLogPlot = Plots.varianceLog(profiles, options.out().resolve("variance-log.png"));
    out.println();

    out.printf(
        Locale.ROOT,
        "2. Training with the generated @KaimingInit initializers on %s (%d training, %d test"
            + " images of %dx%d)%n",
        options.data(),
        data.train().size(),
        data.test().size(),
        data.train().height(),
        data.train().width());
    Trainer.Settings small = smallNetworks(options.epochs());
    Dataset train = data.train();
    for (Network network :
        List.of(
            Networks.mlp(train.features(), train.classes()),
            Networks.leNet(train.channels(), train.height(), train.width(), train.classes()))) {
      SplittableRandom random = new SplittableRandom(options.seed());
      network.initialize(random.split());
      out.println("  " + network);
      List<EpochResult> results =
          Trainer.train(network.name(), network, data, small, random.split(), progress);
      out.printf(
          Locale.ROOT,
          "  %s: test accuracy %.1f%% after %d epochs%n",
          network.name(),
          100 * results.get(results.size() - 1).testAccuracy(),
          results.size());
    }
    out.println();

    out.printf(
        Locale.ROOT,
        "3. He et al. 2015, Fig. 3: a %d-layer plain ReLU network (width %d), Kaiming vs Xavier,"
            + " on %s%n",
        DepthExperiment.DEPTH,
        DepthExperiment.WIDTH,
        options.data());
    Trainer.Settings deep = DepthExperiment.settings(options.deepEpochs());
    List<DepthExperiment.Run> runs = new ArrayList<>();
    for (WeightInit scheme : List.of(WeightInit.KAIMING_FAN_IN, WeightInit.XAVIER)) {
      runs.add(DepthExperiment.train(data, scheme, deep, options.seed(), progress));
    }
    out.println();
    Tables.training(runs, out);
    Path trainingPlot =
        Plots.training(
            DepthExperiment.DEPTH + "-layer plain ReLU net on " + options.data(),
            runs,
            options.out().resolve("training-" + options.data() + ".png"));
    out.println();
    out.println("Plots written to:");
    out.println("  " + variancePlot.toAbsolutePath().normalize());
    out.println("  " + varianceLogPlot.toAbsolutePath().normalize());
    out.println("  " + trainingPlot.toAbsolutePath().normalize());
    out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
  }

  private static Dataset.Split load(Options options) {
    if (options.data().equals("synthetic")) {
      return SyntheticImages.generate(options.trainSize(), options.testSize(), options.seed());
    }
    Dataset.Split full = FashionMnist.load(options.dataDirectory());
    return new Dataset.Split(
        full.train().first(options.trainSize()), full.test().first(options.testSize()));
  }
}
