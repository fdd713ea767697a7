package dev.kinit;

import dev.kinit.internal.Rules;

/**
 * The nonlinearity that follows a layer, and its gain: PyTorch's {@code
 * torch.nn.init.calculate_gain}.
 *
 * <table>
 *   <caption>Gains (PyTorch 1.13)</caption>
 *   <tr><th>nonlinearity</th><th>gain</th></tr>
 *   <tr><td>linear, conv1d/2d/3d, conv_transpose1d/2d/3d, sigmoid</td><td>1</td></tr>
 *   <tr><td>tanh</td><td>5 / 3</td></tr>
 *   <tr><td>relu</td><td>sqrt(2)</td></tr>
 *   <tr><td>leaky_relu with negative slope a</td><td>sqrt(2 / (1 + a²))</td></tr>
 *   <tr><td>selu</td><td>3 / 4</td></tr>
 * </table>
 *
 * <p>The ReLU gain {@code sqrt(2)} is the result of He et al. 2015, "Delving Deep into Rectifiers"
 * (eq. 10): a ReLU zeroes half of its input, so the weights need twice the variance that keeps a
 * linear layer's output variance equal to its input variance; for a leaky ReLU of slope {@code a}
 * the factor is {@code 2 / (1 + a²)} (eq. 15).
 */
public enum Nonlinearity {
  /** A linear layer with no nonlinearity after it: gain 1. */
  LINEAR("linear"),
  /** A 1-D convolution used as the last, linear step: gain 1. */
  CONV1D("conv1d"),
  /** A 2-D convolution used as the last, linear step: gain 1. */
  CONV2D("conv2d"),
  /** A 3-D convolution used as the last, linear step: gain 1. */
  CONV3D("conv3d"),
  /** A 1-D transposed convolution: gain 1. */
  CONV_TRANSPOSE1D("conv_transpose1d"),
  /** A 2-D transposed convolution: gain 1. */
  CONV_TRANSPOSE2D("conv_transpose2d"),
  /** A 3-D transposed convolution: gain 1. */
  CONV_TRANSPOSE3D("conv_transpose3d"),
  /** Logistic sigmoid: gain 1. */
  SIGMOID("sigmoid"),
  /** Hyperbolic tangent: gain 5 / 3. */
  TANH("tanh"),
  /** Rectified linear unit: gain sqrt(2). */
  RELU("relu"),
  /**
   * Leaky ReLU with negative slope {@code a}: gain {@code sqrt(2 / (1 + a²))}. PyTorch's default
   * nonlinearity for {@code kaiming_normal_} and {@code kaiming_uniform_}.
   */
  LEAKY_RELU("leaky_relu"),
  /**
   * SELU: gain 3 / 4. PyTorch documents this gain as chosen for self-normalising networks
   * initialised with {@code kaiming_normal_(..., nonlinearity='linear')}, not for use as a Kaiming
   * gain; see {@code torch.nn.init.calculate_gain}.
   */
  SELU("selu");

  /**
   * PyTorch's {@code negative_slope} when {@code calculate_gain('leaky_relu')} gets no parameter.
   */
  public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

  private final String torchName;

  Nonlinearity(String torchName) {
    this.torchName = torchName;
  }

  /**
   * {@return the gain for negative slope {@code a}: {@code calculate_gain(name, a)}} Only {@link
   * #LEAKY_RELU} uses {@code a}; the other nonlinearities ignore it, as PyTorch does.
   *
   * @param a the negative slope of a leaky ReLU (the slope for negative inputs, 0.01 in {@code
   *     nn.LeakyReLU}); finite, any sign
   * @throws IllegalArgumentException if {@code a} is NaN or infinite, or so large that {@code a²}
   *     overflows (PyTorch raises {@code OverflowError} there)
   */
  public double gain(double a) {
    Rules.require(Rules.slopeProblem(a, null));
    return switch (this) {
      case LINEAR,
          CONV1D,
          CONV2D,
          CONV3D,
          CONV_TRANSPOSE1D,
          CONV_TRANSPOSE2D,
          CONV_TRANSPOSE3D,
          SIGMOID ->
          1.0;
      case TANH -> 5.0 / 3;
      case RELU -> Math.sqrt(2.0);
      case LEAKY_RELU -> Math.sqrt(2.0 / (1 + a * a));
      case SELU -> 3.0 / 4;
    };
  }

  /**
   * {@return the gain with PyTorch's default parameter: {@code calculate_gain(name)}} For {@link
   * #LEAKY_RELU} that is a slope of {@value #DEFAULT_NEGATIVE_SLOPE}, unlike {@code kaiming_*_},
   * whose {@code a} defaults to 0: {@code LEAKY_RELU.gain()} differs from {@code
   * LEAKY_RELU.gain(0)}.
   */
  public double gain() {
    return gain(DEFAULT_NEGATIVE_SLOPE);
  }

  /**
   * {@return PyTorch's name, as {@code calculate_gain} takes it: {@code "leaky_relu"}, {@code
   * "conv2d"}}
   */
  public String torchName() {
    return torchName;
  }

  /**
   * {@return the nonlinearity PyTorch calls {@code name}}
   *
   * @param name PyTorch's name of a nonlinearity, as {@link #torchName()} gives it (case matters)
   * @throws IllegalArgumentException with PyTorch's message ({@code "Unsupported nonlinearity
   *     gelu"}) for a name {@code calculate_gain} does not know
   */
  public static Nonlinearity fromTorchName(String name) {
    for (Nonlinearity nonlinearity : values()) {
      if (nonlinearity.torchName.equals(name)) {
        return nonlinearity;
      }
    }
    throw new IllegalArgumentException("Unsupported nonlinearity " + name);
  }
}
