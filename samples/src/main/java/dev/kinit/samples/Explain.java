package dev.kinit.samples;

import dev.kinit.FanMode;
import dev.kinit.Fans;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints what Kaiming initialisation will do to a weight: fan_in, fan_out, gain (with the PyTorch
 * call that gives it), std and the uniform bound, the numbers to check before choosing a
 * configuration.
 *
 * <pre>
 *   explain                                    a table for a few common layers
 *   explain --shape 64,3,3,3 [--mode fan_out] [--nonlinearity leaky_relu] [--a 0.2]
 * </pre>
 *
 * <p>Modes and nonlinearities take PyTorch's names ({@code fan_in}, {@code leaky_relu}); the
 * defaults are PyTorch's ({@code fan_in}, {@code leaky_relu}, {@code a = 0}).
 */
public final class Explain {

  /** One weight configuration to explain. */
  record Configuration(
      String layer, int[] shape, FanMode mode, Nonlinearity nonlinearity, double a) {}

  static final List<Configuration> COMMON_LAYERS =
      List.of(
          new Configuration(
              "Linear(784 -> 256)", new int[] {256, 784}, FanMode.FAN_IN, Nonlinearity.RELU, 0),
          new Configuration(
              "Linear(256 -> 10)", new int[] {10, 256}, FanMode.FAN_IN, Nonlinearity.LINEAR, 0),
          new Configuration(
              "Conv1d(16 -> 32, k=5)", new int[] {32, 16, 5}, FanMode.FAN_IN, Nonlinearity.RELU, 0),
          new Configuration(
              "Conv2d(3 -> 64, 3x3)",
              new int[] {64, 3, 3, 3},
              FanMode.FAN_OUT,
              Nonlinearity.RELU,
              0),
          new Configuration(
              "Conv2d(64 -> 64, 3x3)",
              new int[] {64, 64, 3, 3},
              FanMode.FAN_IN,
              Nonlinearity.LEAKY_RELU,
              0.2),
          new Configuration(
              "Conv3d(4 -> 8, 3x3x3)",
              new int[] {8, 4, 3, 3, 3},
              FanMode.FAN_IN,
              Nonlinearity.TANH,
              0));

  private Explain() {}

  /** Runs the command; see the class comment for the arguments. */
  public static void main(String[] args) {
    try {
      print(args.length == 0 ? COMMON_LAYERS : List.of(parse(args)), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("explain: " + e.getMessage());
      System.err.println(
          "usage: explain [--shape 64,3,3,3 [--mode fan_in|fan_out]"
              + " [--nonlinearity relu|leaky_relu|tanh|...] [--a 0.2]]");
      System.exit(2);
    }
  }

  static Configuration parse(String[] args) {
    int[] shape = null;
    FanMode mode = FanMode.FAN_IN;
    Nonlinearity nonlinearity = Nonlinearity.LEAKY_RELU;
    double a = 0;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--shape" -> shape = parseShape(value);
        case "--mode" -> mode = FanMode.fromTorchName(value.toLowerCase(Locale.ROOT));
        case "--nonlinearity" ->
            nonlinearity = Nonlinearity.fromTorchName(value.toLowerCase(Locale.ROOT));
        case "--a" -> a = parseNumber("--a", value);
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + "; expected --shape, --mode, --nonlinearity or --a");
      }
    }
    if (shape == null) {
      throw new IllegalArgumentException("--shape is required, e.g. --shape 64,3,3,3");
    }
    return new Configuration("weight", shape, mode, nonlinearity, a);
  }

  private static int[] parseShape(String text) {
    try {
      return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--shape " + text + " is not a list of sizes; expected e.g. 64,3,3,3", e);
    }
  }

  private static double parseNumber(String option, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + text + " is not a number", e);
    }
  }

  /**
   * The PyTorch call that gives the same gain, to check it there: {@code
   * calculate_gain('leaky_relu', 0.2)}, {@code calculate_gain('relu')}. Only the leaky ReLU takes
   * the slope, and it needs it written: without one PyTorch takes 0.01, where Kaiming takes 0.
   */
  static String calculateGain(Configuration c) {
    String name = c.nonlinearity().torchName();
    return c.nonlinearity() == Nonlinearity.LEAKY_RELU
        ? "calculate_gain('" + name + "', " + c.a() + ")"
        : "calculate_gain('" + name + "')";
  }

  static void print(List<Configuration> configurations, PrintStream out) {
    String format = "%-24s %-16s %-8s %-12s %5s %7s %8s  %-44s %9s %9s%n";
    out.printf(
        Locale.ROOT,
        format,
        "layer",
        "shape",
        "mode",
        "nonlinearity",
        "a",
        "fan_in",
        "fan_out",
        "gain",
        "std",
        "bound");
    for (Configuration c : configurations) {
      Fans fans = Fans.of(c.shape());
      double gain = c.nonlinearity().gain(c.a());
      out.printf(
          Locale.ROOT,
          format,
          c.layer(),
          Arrays.toString(c.shape()),
          c.mode().torchName(),
          c.nonlinearity().torchName(),
          c.a(),
          fans.fanIn(),
          fans.fanOut(),
          String.format(Locale.ROOT, "%.6f = %s", gain, calculateGain(c)),
          String.format(Locale.ROOT, "%.6f", Kaiming.std(c.shape(), c.mode(), gain)),
          String.format(Locale.ROOT, "%.6f", Kaiming.bound(c.shape(), c.mode(), gain)));
    }
  }
}
