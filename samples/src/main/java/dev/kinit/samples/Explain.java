package dev.kinit.samples;

import dev.kinit.FanMode;
import dev.kinit.Fans;
import dev.kinit.InitPlan;
import dev.kinit.Kaiming;
import dev.kinit.Nonlinearity;
import dev.kinit.samples.models.Gpt2Small;
import dev.kinit.samples.models.Gpt2SmallInitializer;
import dev.kinit.samples.models.GptMini;
import dev.kinit.samples.models.GptMiniInitializer;
import dev.kinit.samples.models.ResNet;
import dev.kinit.samples.models.ResNetInitializer;
import dev.kinit.samples.models.Vgg;
import dev.kinit.samples.models.VggInitializer;
import dev.kinit.samples.models.ZeroInitResidualResNet;
import dev.kinit.samples.models.ZeroInitResidualResNetInitializer;
import dev.kinit.samples.nn.LeNet;
import dev.kinit.samples.nn.LeNetInitializer;
import dev.kinit.samples.nn.Mlp;
import dev.kinit.samples.nn.MlpInitializer;
import dev.kinit.samples.pytorch.PortedNet;
import dev.kinit.samples.pytorch.PortedNetInitializer;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Prints what Kaiming initialisation will do to a weight: fan_in, fan_out, gain (with the PyTorch
 * call that gives it), std and the uniform bound, the numbers to check before choosing a
 * configuration; or what a whole network's generated initializer will do, parameter by parameter.
 *
 * <pre>
 *   explain                                    a table for a few common layers
 *   explain --shape 64,3,3,3 [--mode fan_out] [--nonlinearity leaky_relu] [--a 0.2]
 *   explain --network resnet18                 a network's tree, each parameter with its init
 *   explain --help                             what each option means
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

  /**
   * The networks {@code --network} describes, by name, each as its generated initializer's plan of
   * a new instance (nothing is filled): the ported models and the demo's networks.
   */
  static final Map<String, Supplier<InitPlan>> NETWORKS = networks();

  private static Map<String, Supplier<InitPlan>> networks() {
    Map<String, Supplier<InitPlan>> networks = new LinkedHashMap<>();
    networks.put("resnet18", () -> ResNetInitializer.plan(ResNet.resnet18()));
    networks.put("resnet34", () -> ResNetInitializer.plan(ResNet.resnet34()));
    networks.put(
        "resnet34-zero-init-residual",
        () -> ZeroInitResidualResNetInitializer.plan(ZeroInitResidualResNet.resnet34()));
    networks.put("resnet50", () -> ResNetInitializer.plan(ResNet.resnet50()));
    networks.put("vgg11", () -> VggInitializer.plan(Vgg.vgg11()));
    networks.put("vgg11_bn", () -> VggInitializer.plan(Vgg.vgg11_bn()));
    networks.put("gpt-mini", () -> GptMiniInitializer.plan(new GptMini()));
    networks.put("gpt2-small", () -> Gpt2SmallInitializer.plan(new Gpt2Small()));
    networks.put("ported-net", () -> PortedNetInitializer.plan(new PortedNet()));
    networks.put("mlp", () -> MlpInitializer.plan(new Mlp(784, 10)));
    networks.put("lenet", () -> LeNetInitializer.plan(new LeNet(1, 28, 28, 10)));
    return Collections.unmodifiableMap(networks);
  }

  private Explain() {}

  /** The synopsis, printed with every argument error. */
  static final String SYNOPSIS =
      "usage: explain [--shape SIZES [--mode MODE] [--nonlinearity NAME] [--a SLOPE]]"
          + " [--network NAME] [--help]";

  /** What {@code --help} prints. */
  static final String HELP =
      String.join(
          System.lineSeparator(),
          SYNOPSIS,
          "",
          "Prints what Kaiming initialisation does to a weight: fan_in, fan_out, the gain and its",
          "formula, std = gain / sqrt(fan) and the uniform bound sqrt(3) * std. Without options, a",
          "table for a few common layers.",
          "",
          "  --shape SIZES        the weight's shape, comma-separated, [out, in, kernel...]:",
          "                       64,3,3,3 is Conv2d(3 -> 64, 3x3), 10,256 is Linear(256 -> 10)",
          "  --mode MODE          fan_in (the default; keeps the activations' variance) or fan_out",
          "                       (keeps the gradients')",
          "  --nonlinearity NAME  what follows the layer, by PyTorch's name (default leaky_relu):",
          "                       "
              + Arrays.stream(Nonlinearity.values())
                  .map(Nonlinearity::torchName)
                  .filter(name -> !name.startsWith("conv"))
                  .collect(Collectors.joining(", "))
              + ", or conv1d, conv2d, ... (gain 1)",
          "  --a SLOPE            the negative slope of leaky_relu; default 0, as PyTorch's",
          "  --network NAME       instead: a whole network's tree, like PyTorch's print(model),",
          "                       each parameter with its shape, what initialises it last (with",
          "                       its fans and std or bound) and its fill number; NAME is one of",
          "                       " + String.join(", ", NETWORKS.keySet()),
          "  --help               this text",
          "",
          "From the repository's root:",
          "  mvn -B -q -Pdemo -DskipTests package -Ddemo.main=dev.kinit.samples.Explain \\",
          "      -Ddemo.args=\"--shape 64,3,3,3 --mode fan_out --nonlinearity relu\"",
          "");

  /** Runs the command and exits with its status; see {@link #run}. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command: prints the table or the explanation on {@code out} and returns 0; prints
   * {@link #HELP} on {@code out} and returns 0 for {@code --help} or {@code -h}; prints a one-line
   * error and the synopsis on {@code err} and returns 2 for arguments it cannot use.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      out.print(HELP);
      return 0;
    }
    List<Configuration> configurations;
    Supplier<InitPlan> network = null;
    try {
      if (arguments.contains("--network")) {
        network = network(args);
        configurations = List.of();
      } else {
        configurations = args.length == 0 ? COMMON_LAYERS : List.of(parse(args));
      }
    } catch (IllegalArgumentException e) {
      err.println("explain: " + e.getMessage());
      err.println(SYNOPSIS);
      return 2;
    }
    if (network != null) {
      describe(network.get(), out);
    } else {
      print(configurations, out);
    }
    return 0;
  }

  /** The options that take a value, in the order the help text lists them. */
  private static final List<String> OPTIONS =
      List.of("--shape", "--mode", "--nonlinearity", "--a", "--network");

  /** The network {@code --network NAME} names. */
  static Supplier<InitPlan> network(String[] args) {
    if (args.length != 2 || !args[0].equals("--network")) {
      throw new IllegalArgumentException(
          "--network takes a name and no other option; expected --network NAME alone");
    }
    Supplier<InitPlan> network = NETWORKS.get(args[1]);
    if (network == null) {
      throw new IllegalArgumentException(
          "unknown network "
              + args[1]
              + "; expected one of "
              + String.join(", ", NETWORKS.keySet()));
    }
    return network;
  }

  /**
   * Prints {@code plan}'s description ({@link InitPlan#describe()}) and a summary: how many
   * parameters, in how many tensors, and how many fills draw from the generator.
   */
  static void describe(InitPlan plan, PrintStream out) {
    out.print(plan.describe());
    List<InitPlan.Parameter> parameters = plan.parameters();
    long elements = parameters.stream().mapToLong(p -> p.tensor().size()).sum();
    long draws = plan.steps().stream().filter(step -> step.fill() >= 0).count();
    out.printf(
        Locale.ROOT,
        "%,d parameters in %d tensors; %d steps, %d of which draw from the generator (fills 0"
            + " to %d)%n",
        elements,
        parameters.size(),
        plan.steps().size(),
        draws,
        draws - 1);
  }

  static Configuration parse(String[] args) {
    int[] shape = null;
    FanMode mode = FanMode.FAN_IN;
    Nonlinearity nonlinearity = Nonlinearity.LEAKY_RELU;
    double a = 0;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (!OPTIONS.contains(option)) {
        throw new IllegalArgumentException(
            "unknown option " + option + "; expected " + String.join(", ", OPTIONS) + " or --help");
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[i + 1];
      switch (option) {
        case "--shape" -> shape = parseShape(value);
        case "--mode" -> mode = FanMode.fromTorchName(value.toLowerCase(Locale.ROOT));
        case "--nonlinearity" ->
            nonlinearity = Nonlinearity.fromTorchName(value.toLowerCase(Locale.ROOT));
        default -> a = parseNumber(option, value); // --a
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
