package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The (semi-)orthogonal initialisation of Saxe, McClelland and Ganguli, "Exact solutions to the
 * nonlinear dynamics of learning in deep linear neural networks", ICLR 2014: PyTorch's {@code
 * orthogonal_}, for recurrent weights and deep linear stacks.
 *
 * <p>The tensor is seen as a matrix {@code [rows][cols]}, {@code rows = shape[0]} and {@code cols}
 * the product of the other sizes. As in PyTorch:
 *
 * <pre>
 *   A = a rows × cols matrix of N(0, 1) samples, drawn as normal_ draws them
 *   Q R = A (or Aᵀ when rows &lt; cols), the QR decomposition
 *   Q · diag(sign(diag(R)))            (Mezzadri, "How to generate random matrices from the
 *                                        classical compact groups", 2007: Q then has Haar measure)
 *   w = gain · Q (or Qᵀ)
 * </pre>
 *
 * <p>so the rows of {@code w} ({@code rows <= cols}) or its columns ({@code rows > cols}) are
 * orthonormal, times the gain. The sign correction makes {@code Q} the unique orthogonal factor
 * whose {@code R} has a positive diagonal, whatever algorithm computes it: PyTorch calls LAPACK in
 * float, kinit Householder reflections in double, so the values agree with PyTorch's to about float
 * precision, not bit for bit; the generator moves exactly as PyTorch's does (one normal fill of
 * {@code rows · cols} elements), so later fills on it match.
 *
 * <pre>{@code
 * float[][] recurrent = new float[256][256];
 * Orthogonal.fill(FloatTensor.of("recurrent", recurrent), 1.0, random);
 * }</pre>
 *
 * <p>The work is {@code O(rows · cols · min(rows, cols))} on the calling thread, in a {@code
 * double} copy of the matrix.
 */
public final class Orthogonal {

  private Orthogonal() {}

  /**
   * Fills {@code tensor} (2 or more dimensions) with a (semi-)orthogonal matrix times {@code gain}:
   * PyTorch's {@code orthogonal_(tensor, gain)}. A tensor with no elements is left as it is.
   *
   * @param random the source of the normal matrix; if it implements {@link TensorSampler} it
   *     samples that matrix itself
   * @throws IllegalArgumentException with PyTorch's message ({@code "Only tensors with 2 or more
   *     dimensions are supported"}) for a tensor of fewer than 2 dimensions; if {@code gain} is not
   *     finite and positive, or not finite in the element type; before any element is written
   */
  public static void fill(Tensor tensor, double gain, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Init.orthogonal(gain).fill(Objects.requireNonNull(tensor, "tensor"), random);
  }

  /** {@code orthogonal_} as a value ({@link Init#orthogonal}). */
  record Spec(double gain) implements Init {

    /** The largest matrix a Java array holds. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    Spec {
      Rules.require(Rules.gainProblem(gain));
    }

    @Override
    public void check(Tensor tensor) {
      Shapes.require(tensor, Rules.orthogonalRankProblem(tensor.shape().length));
      if (tensor.size() > MAX_ELEMENTS) {
        throw new IllegalArgumentException(
            tensor.name()
                + ": shape "
                + Arrays.toString(tensor.shape())
                + " has "
                + tensor.size()
                + " elements; expected at most "
                + MAX_ELEMENTS
                + " for orthogonal_, which works on a copy of the matrix");
      }
      Rules.require(Rules.constantProblem(tensor.name(), ElementType.of(tensor), gain));
    }

    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      Objects.requireNonNull(random, "random");
      check(tensor);
      if (tensor.size() == 0) {
        return; // PyTorch: "no-op"
      }
      int rows = tensor.shape()[0];
      int cols = (int) (tensor.size() / rows);
      double[][] columns = normalColumns(tensor, rows, cols, TensorSampler.of(random));
      double[][] q = orthogonalFactor(columns);
      // q has orthonormal columns: those of the matrix when rows >= cols, of its transpose else
      boolean transposed = rows < cols;
      long[] position = {0};
      if (tensor instanceof FloatTensor) {
        float floatGain = (float) gain; // PyTorch: q in float, then mul_(gain)
        tensor.setAll(
            () -> {
              long p = position[0]++;
              int i = (int) (p / cols);
              int j = (int) (p % cols);
              return (float) (transposed ? q[i][j] : q[j][i]) * floatGain;
            });
      } else {
        tensor.setAll(
            () -> {
              long p = position[0]++;
              int i = (int) (p / cols);
              int j = (int) (p % cols);
              return (transposed ? q[i][j] : q[j][i]) * gain;
            });
      }
    }

    @Override
    public boolean draws(Tensor tensor) {
      return tensor.size() > 0;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return tensor.size() > 0
          ? new Sampling.Unshardable(
              "orthogonal_ decomposes the whole matrix (QR), so no slice is filled alone", true)
          : new Sampling.Unchanged();
    }

    @Override
    public String describe(Tensor tensor) {
      return "orthogonal_(gain=" + gain + ")";
    }
  }

  /**
   * A {@code rows × cols} matrix of {@code N(0, 1)} samples, drawn by one normal fill of a tensor
   * of the element type of {@code tensor} (PyTorch: {@code tensor.new(rows, cols).normal_(0, 1)}),
   * as the columns of the matrix to decompose: the matrix's columns when {@code rows >= cols}, its
   * rows (the columns of its transpose) otherwise.
   */
  private static double[][] normalColumns(
      Tensor tensor, int rows, int cols, TensorSampler sampler) {
    int size = rows * cols;
    double[] values = new double[size];
    String name = tensor.name() + " (the normal matrix of orthogonal_)";
    if (tensor instanceof FloatTensor) {
      float[] floats = new float[size];
      sampler.normal(FloatTensor.of(name, floats, rows, cols), 0.0, 1.0);
      for (int i = 0; i < size; i++) {
        values[i] = floats[i];
      }
    } else {
      sampler.normal(DoubleTensor.of(name, values, rows, cols), 0.0, 1.0);
    }
    boolean transposed = rows < cols;
    int height = Math.max(rows, cols);
    int width = Math.min(rows, cols);
    double[][] columns = new double[width][height];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (transposed) {
          columns[i][j] = values[i * cols + j];
        } else {
          columns[j][i] = values[i * cols + j];
        }
      }
    }
    return columns;
  }

  /**
   * The orthogonal factor {@code Q} of the thin QR decomposition of the matrix whose columns are
   * {@code a} (at least as tall as wide), with each column multiplied by the sign of {@code R}'s
   * diagonal element (0 for a zero one, as PyTorch's {@code sign}). Householder reflections, as
   * LAPACK's {@code geqrf}/{@code orgqr}; {@code a} is overwritten.
   */
  static double[][] orthogonalFactor(double[][] a) {
    int width = a.length;
    int height = a[0].length;
    double[] tau = new double[width];
    double[] sign = new double[width];
    for (int k = 0; k < width; k++) {
      double[] v = a[k];
      double alpha = v[k];
      double tail = 0; // the squared norm below the diagonal: N(0, 1) columns cannot overflow it
      for (int i = k + 1; i < height; i++) {
        tail += v[i] * v[i];
      }
      if (tail == 0) {
        sign[k] = Math.signum(alpha); // the reflection is the identity: R's element is alpha
        continue;
      }
      double beta = -Math.copySign(Math.sqrt(alpha * alpha + tail), alpha); // R's diagonal
      sign[k] = Math.signum(beta);
      tau[k] = (beta - alpha) / beta;
      double scale = 1 / (alpha - beta);
      for (int i = k + 1; i < height; i++) {
        v[i] *= scale;
      }
      v[k] = 1; // v is now the Householder vector, H = I - tau·v·vᵀ
      for (int j = k + 1; j < width; j++) {
        reflect(v, tau[k], a[j], k);
      }
    }
    double[][] q = new double[width][height];
    for (int k = width - 1; k >= 0; k--) {
      q[k][k] = 1;
      if (tau[k] != 0) {
        for (int j = k; j < width; j++) {
          reflect(a[k], tau[k], q[j], k);
        }
      }
    }
    for (int k = 0; k < width; k++) {
      for (int i = 0; i < height; i++) {
        q[k][i] *= sign[k];
      }
    }
    return q;
  }

  /** {@code column = (I - tau·v·vᵀ) column} on the rows from {@code k}, where {@code v[k] = 1}. */
  private static void reflect(double[] v, double tau, double[] column, int k) {
    double dot = column[k];
    for (int i = k + 1; i < v.length; i++) {
      dot += v[i] * column[i];
    }
    double factor = tau * dot;
    column[k] -= factor;
    for (int i = k + 1; i < v.length; i++) {
      column[i] -= factor * v[i];
    }
  }
}
