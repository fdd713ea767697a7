package dev.kinit;

import dev.kinit.internal.Rules;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Weights that pass their input through: PyTorch's {@code eye_} for linear layers and {@code
 * dirac_} for convolutions, used to start residual branches and deep plain networks as identities.
 * No randomness: nothing is drawn from a generator.
 *
 * <pre>{@code
 * Identity.eye(FloatTensor.of("weight", new float[64][64]));
 * Identity.dirac(FloatTensor.of("weight", new float[64][64][3][3]), 1);
 * }</pre>
 *
 * <p>The shape is checked before any element is written, with PyTorch's messages.
 */
public final class Identity {

  static final Init EYE = new Eye();

  private Identity() {}

  /**
   * Makes the 2-D {@code tensor} {@code [out][in]} the identity matrix, ones on the diagonal and
   * zeros elsewhere: PyTorch's {@code eye_}. A linear layer so initialised passes its first {@code
   * min(out, in)} inputs to its first outputs.
   *
   * @param tensor the 2-D weight {@code [out][in]} to overwrite
   * @throws IllegalArgumentException with PyTorch's message ({@code "Only tensors with 2 dimensions
   *     are supported"}) for a tensor that is not 2-D; before any element is written
   */
  public static void eye(Tensor tensor) {
    ((Eye) EYE).write(Objects.requireNonNull(tensor, "tensor"));
  }

  /**
   * Makes the convolution weight {@code tensor} {@code [out][in][k…]} (3 to 5 dimensions) the Dirac
   * delta: PyTorch's {@code dirac_(tensor, groups)}. In each of the {@code groups} groups of {@code
   * out / groups} output channels, output channel {@code d} gets a 1 at the centre ({@code k / 2}
   * in each kernel dimension) of input channel {@code d}, for {@code d < min(out / groups, in)};
   * every other element is 0. The convolution then passes as many input channels through as it can.
   *
   * <pre>
   *   w[g · out/groups + d][d][k₁/2][k₂/2]… = 1
   * </pre>
   *
   * @param tensor the 3- to 5-D convolution weight {@code [out][in][k…]} to overwrite
   * @param groups the number of groups of the convolution, at least 1, dividing {@code out}
   * @throws IllegalArgumentException with PyTorch's messages for a tensor of fewer than 3 or more
   *     than 5 dimensions, or a {@code shape[0]} that {@code groups} does not divide; if {@code
   *     groups < 1}; before any element is written
   */
  public static void dirac(Tensor tensor, int groups) {
    new Dirac(groups).write(Objects.requireNonNull(tensor, "tensor"));
  }

  /** Writes each element's value, which follows from its position. */
  private static void write(Tensor tensor, Sampling sampling) {
    ((Sampling.Fixed) sampling).write(tensor, 0);
  }

  /** {@code eye_} as a value ({@link Init#eye}). */
  private static final class Eye implements Init {

    @Override
    public void check(Tensor tensor) {
      Shapes.require(tensor, Rules.eyeRankProblem(tensor.shape().length));
    }

    /** Writes the identity; {@code random} is not used. */
    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      write(tensor);
    }

    void write(Tensor tensor) {
      Identity.write(tensor, sampling(tensor));
    }

    @Override
    public boolean draws(Tensor tensor) {
      return false;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return new Sampling.Eye(tensor.shape()[0], tensor.shape()[1]);
    }

    @Override
    public String describe(Tensor tensor) {
      return "eye_()";
    }
  }

  /** {@code dirac_} as a value ({@link Init#dirac}). */
  record Dirac(int groups) implements Init {

    Dirac {
      Rules.require(Rules.diracGroupsProblem(groups, null));
    }

    @Override
    public void check(Tensor tensor) {
      int[] shape = tensor.shape();
      Shapes.require(tensor, Rules.diracRankProblem(shape.length));
      Shapes.require(tensor, Rules.diracGroupsProblem(groups, shape[0]));
    }

    /** Writes the Dirac delta; {@code random} is not used. */
    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      write(tensor);
    }

    void write(Tensor tensor) {
      Identity.write(tensor, sampling(tensor));
    }

    @Override
    public boolean draws(Tensor tensor) {
      return false;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return Sampling.Dirac.of(tensor.shape(), groups);
    }

    @Override
    public String describe(Tensor tensor) {
      return "dirac_(groups=" + groups + ")";
    }
  }
}
