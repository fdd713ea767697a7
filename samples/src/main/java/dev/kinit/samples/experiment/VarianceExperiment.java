package dev.kinit.samples.experiment;

import dev.kinit.FloatTensor;
import dev.kinit.Nonlinearity;
import dev.kinit.samples.data.Moments;
import dev.kinit.samples.nn.ConvStack;
import dev.kinit.samples.nn.Image;
import dev.kinit.samples.nn.Layer;
import dev.kinit.samples.nn.Linear;
import dev.kinit.samples.nn.Network;
import dev.kinit.samples.nn.PlainNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The experiment behind Kaiming initialisation (He et al. 2015, §2.2): send a batch through a deep
 * ReLU network and measure, at each weight layer {@code l},
 *
 * <ul>
 *   <li>forward: the standard deviation of its response {@code y_l = W_l x_{l-1} + b_l};
 *   <li>backward: the standard deviation of {@code dLoss/dx_{l-1}}, the gradient with respect to
 *       its input activations, for a loss whose gradient at the top is {@code N(0, 1)}.
 * </ul>
 *
 * <p>The analysis predicts, for the variance over random weights: fan_in keeps the forward std
 * constant (eq. 10), fan_out the backward std (eq. 14); the two differ by the ratio of the first
 * and last widths (eq. 16), not exponentially. Xavier (variance {@code 1/n}, without the ReLU's
 * factor 2) halves the variance at each layer, and {@code N(0, 0.01²)} scales it by {@code n · 10⁻⁴
 * / 2}: both vanish exponentially with depth.
 *
 * <p>That prediction is about the expectation over weights. One network of finite width deviates
 * from it by a random factor that grows with {@code Σ 1/width_l} (Hanin 2018, "Which neural net
 * architectures give rise to exploding and vanishing gradients?"): at layer 30 of the MLP below, a
 * single network lands anywhere between about 0.2 and 2.3 times the prediction. So each profile
 * pools {@value #DRAWS} independent networks (weights, input batch and top gradient drawn anew):
 * the std at a layer is the square root of the mean of their variances.
 *
 * <p>The two networks widen in stages, as real ones do, so that fan_in and fan_out differ:
 *
 * <ul>
 *   <li>{@link #mlp()}: 30 {@code Linear → ReLU} layers from 64 inputs, widths 64 (layers 1–10),
 *       128 (11–20), 256 (21–30); batches of 128 {@code N(0, 1)} vectors.
 *   <li>{@link #convStack()}: 20 {@code CircularPad2d(1) → Conv2d 3x3 → ReLU} layers on 3 × 6 × 6
 *       {@code N(0, 1)} images, 32 channels (layers 1–10), 64 (11–20); batches of 2. Circular
 *       padding keeps the size and gives every pixel a full neighbourhood, so no border pixels with
 *       fewer inputs (forward) or outputs (backward) bias the statistics.
 * </ul>
 */
public final class VarianceExperiment {

  /** The number of independent networks pooled in a profile. */
  public static final int DRAWS = 16;

  /** The gain of the ReLU that follows every layer. */
  private static final double RELU_GAIN = Nonlinearity.RELU.gain(0);

  /**
   * A network to measure and its input.
   *
   * @param name in tables and plots
   * @param network makes a new network of weight layers, each followed by a ReLU
   * @param batch samples in a batch
   * @param features values per sample
   */
  public record Setup(String name, Supplier<Network> network, int batch, int features) {}

  /**
   * The per-layer standard deviations of one initialisation, pooled over networks; index 0 is
   * weight layer 1.
   *
   * @param network the network's name
   * @param scheme the initialisation
   * @param widths the width (features or channels) of the input, at index 0, and of each weight
   *     layer's output: fan_in and fan_out differ where the width changes
   * @param forward std of the responses {@code y_l}
   * @param backward std of the gradients {@code dLoss/dx_{l-1}}
   */
  public record Profile(
      String network, WeightInit scheme, int[] widths, double[] forward, double[] backward) {

    /** The number of weight layers. */
    public int depth() {
      return forward.length;
    }

    /** How the signal changed on its way up: {@code forward std at the last layer / at layer 1}. */
    public double forwardRatio() {
      return forward[depth() - 1] / forward[0];
    }

    /**
     * How the gradient changed on its way down: {@code backward std at layer 1 / at the last
     * layer}.
     */
    public double backwardRatio() {
      return backward[0] / backward[depth() - 1];
    }
  }

  private VarianceExperiment() {}

  /** The 30-layer ReLU MLP described in the class comment. */
  public static Setup mlp() {
    return new Setup(
        "30-layer ReLU MLP",
        () -> {
          List<Linear> layers = new ArrayList<>();
          int in = 64;
          for (int l = 1; l <= 30; l++) {
            int width = l <= 10 ? 64 : l <= 20 ? 128 : 256;
            layers.add(new Linear(in, width));
            in = width;
          }
          return new PlainNet("mlp-30", layers, null);
        },
        128,
        64);
  }

  /** The 20-layer ReLU convolution stack described in the class comment. */
  public static Setup convStack() {
    int size = 6;
    int[] channels = new int[20];
    for (int l = 1; l <= 20; l++) {
      channels[l - 1] = l <= 10 ? 32 : 64;
    }
    return new Setup(
        "20-layer ReLU conv stack",
        () -> new ConvStack("conv-20", new Image(3, size, size), channels),
        2,
        3 * size * size);
  }

  /**
   * Initialises {@value #DRAWS} networks of {@code setup} with {@code scheme} and measures each on
   * one batch, in parallel; everything random comes from {@code seed}.
   */
  public static Profile measure(Setup setup, WeightInit scheme, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<SplittableRandom> streams =
        IntStream.range(0, DRAWS).mapToObj(d -> random.split()).toList();
    List<double[][]> variances =
        IntStream.range(0, DRAWS)
            .parallel()
            .mapToObj(d -> variances(setup, scheme, streams.get(d)))
            .toList();
    int depth = variances.get(0)[0].length;
    double[] forward = new double[depth];
    double[] backward = new double[depth];
    for (double[][] draw : variances) {
      for (int l = 0; l < depth; l++) {
        forward[l] += draw[0][l] / DRAWS;
        backward[l] += draw[1][l] / DRAWS;
      }
    }
    for (int l = 0; l < depth; l++) {
      forward[l] = Math.sqrt(forward[l]);
      backward[l] = Math.sqrt(backward[l]);
    }
    return new Profile(setup.name(), scheme, widths(setup), forward, backward);
  }

  /** The input's width and each weight layer's output width: {@code [in, out_1, ..., out_L]}. */
  private static int[] widths(Setup setup) {
    List<FloatTensor> weights = setup.network().get().weights();
    int[] widths = new int[weights.size() + 1];
    widths[0] = weights.get(0).shape()[1];
    for (int l = 0; l < weights.size(); l++) {
      widths[l + 1] = weights.get(l).shape()[0];
    }
    return widths;
  }

  /** The per-layer variances {@code {forward, backward}} of one network. */
  static double[][] variances(Setup setup, WeightInit scheme, SplittableRandom random) {
    Network network = setup.network().get(); // biases are 0 from construction
    SplittableRandom weights = random.split();
    network.weights().forEach(weight -> scheme.fill(weight, RELU_GAIN, weights));

    List<Double> forward = new ArrayList<>();
    float[][] x = gaussian(setup.batch(), setup.features(), random.split());
    for (Layer layer : network.layers()) {
      x = layer.forward(x);
      if (!layer.weights().isEmpty()) {
        forward.add(Moments.of(x).variance());
      }
    }
    List<Double> backward = new ArrayList<>();
    float[][] g = gaussian(x.length, x[0].length, random.split());
    for (int l = network.layers().size() - 1; l >= 0; l--) {
      Layer layer = network.layers().get(l);
      g = layer.backward(g);
      if (!layer.weights().isEmpty()) {
        backward.add(0, Moments.of(g).variance());
      }
    }
    return new double[][] {toArray(forward), toArray(backward)};
  }

  private static float[][] gaussian(int rows, int columns, SplittableRandom random) {
    float[][] values = new float[rows][columns];
    for (float[] row : values) {
      for (int i = 0; i < columns; i++) {
        row[i] = (float) random.nextGaussian();
      }
    }
    return values;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
