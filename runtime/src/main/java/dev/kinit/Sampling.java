package dev.kinit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one initialisation writes into one tensor, as plain numbers: {@link Init#sampling} computes
 * it from the whole tensor (its shape gives the fans, hence the std or bound), so that whoever
 * holds a slice of the tensor, and not the tensor, can fill that slice. A sampler that fills any
 * range of a tensor's positions alone does the random ones; {@code dev.kinit.block.BlockSampler}'s
 * {@code fill(fill, from, shard, sampling)} does all that can be done by slices:
 *
 * <pre>{@code
 * Sampling what = Init.kaimingNormal(FanMode.FAN_OUT, Nonlinearity.RELU.gain(0))
 *     .sampling(FloatTensor.of("weight", new float[64][3][7][7]));   // Normal[mean=0.0, std=0.0168…]
 * }</pre>
 *
 * <ul>
 *   <li>{@link Normal}, {@link Uniform}, {@link TruncatedNormal}: a random fill with these numbers;
 *       it takes a fill number of the generator ({@link #draws()});
 *   <li>{@link Fixed} ({@link Constant}, {@link Eye}, {@link Dirac}): nothing drawn, each element's
 *       value follows from its position ({@link Fixed#valueAt});
 *   <li>{@link Unchanged}: the fill writes nothing (a tensor without elements, a bias whose weight
 *       has fan_in 0);
 *   <li>{@link Unshardable}: the values of a slice depend on the whole tensor ({@code
 *       orthogonal_}), or the initialisation does not say.
 * </ul>
 */
public sealed interface Sampling {

  /** {@return whether the fill draws from the generator} It then takes one fill number. */
  boolean draws();

  /**
   * Every element from {@code N(mean, std²)}, as {@link TensorSampler#normal}.
   *
   * @param mean the mean
   * @param std the standard deviation
   */
  record Normal(double mean, double std) implements Sampling {
    @Override
    public boolean draws() {
      return true;
    }
  }

  /**
   * Every element from {@code U(from, to)}, as {@link TensorSampler#uniform}.
   *
   * @param from the lower end
   * @param to the upper end
   */
  record Uniform(double from, double to) implements Sampling {
    @Override
    public boolean draws() {
      return true;
    }
  }

  /**
   * Every element from {@code N(mean, std²)} conditioned on {@code [a, b]}, as {@link
   * TensorSampler#truncatedNormal}.
   *
   * @param mean the mean
   * @param std the standard deviation
   * @param a the lower end of the interval, a value
   * @param b the upper end
   */
  record TruncatedNormal(double mean, double std, double a, double b) implements Sampling {
    @Override
    public boolean draws() {
      return true;
    }
  }

  /** Nothing drawn: each element's value follows from its row-major position in the tensor. */
  sealed interface Fixed extends Sampling {

    /**
     * {@return the value at row-major position {@code position} of the whole tensor}
     *
     * @param position the row-major position in the whole tensor, from 0 to its size (excluded)
     */
    double valueAt(long position);

    /**
     * Writes into {@code shard}, in row-major order, the values of positions {@code [from, from +
     * shard.size())} of the whole tensor.
     *
     * @param shard the elements to write; its shape does not matter, only its element count
     * @param from the position in the whole tensor of the shard's first element, at least 0
     */
    default void write(Tensor shard, long from) {
      long[] position = {from};
      shard.setAll(() -> valueAt(position[0]++));
    }

    @Override
    default boolean draws() {
      return false;
    }
  }

  /**
   * Every element {@code value} ({@code constant_}, {@code zeros_}, {@code ones_}).
   *
   * @param value the value
   */
  record Constant(double value) implements Fixed {
    @Override
    public double valueAt(long position) {
      return value;
    }
  }

  /**
   * The identity matrix of a {@code [rows][columns]} tensor ({@code eye_}): 1 where the row is the
   * column.
   *
   * @param rows the first size
   * @param columns the second size
   */
  record Eye(int rows, int columns) implements Fixed {
    @Override
    public double valueAt(long position) {
      return position / columns == position % columns ? 1.0 : 0.0;
    }
  }

  /**
   * The Dirac delta of a convolution weight {@code [out][in][k…]} in {@code groups} groups ({@code
   * dirac_}): 1 at {@code [g · out/groups + d][d][k₁/2][k₂/2]…} for {@code d < min(out/groups,
   * in)}.
   *
   * @param shape the weight's shape, 3 to 5 sizes
   * @param groups the number of groups, which divides {@code shape[0]}
   */
  record Dirac(List<Integer> shape, int groups) implements Fixed {

    /**
     * Copies {@code shape}.
     *
     * @param shape the weight's shape, 3 to 5 sizes
     * @param groups the number of groups, which divides {@code shape[0]}
     * @throws NullPointerException if {@code shape} is or holds {@code null}
     */
    public Dirac {
      shape = List.copyOf(shape);
    }

    @Override
    public double valueAt(long position) {
      int inputs = shape.get(1);
      long kernel = 1; // the elements of one kernel, and the row-major offset of its centre
      long centre = 0;
      for (int i = 2; i < shape.size(); i++) {
        kernel *= shape.get(i);
        centre = centre * shape.get(i) + shape.get(i) / 2;
      }
      int outPerGroup = shape.get(0) / groups;
      long output = position / (inputs * kernel);
      long input = position / kernel % inputs;
      long inGroup = output % outPerGroup;
      // d < min(out/groups, in) holds whenever input == inGroup: input < in, inGroup < out/groups
      return input == inGroup && position % kernel == centre ? 1.0 : 0.0;
    }

    /** The Dirac delta of a tensor of {@code shape}. */
    static Dirac of(int[] shape, int groups) {
      return new Dirac(Arrays.stream(shape).boxed().toList(), groups);
    }
  }

  /** The fill writes nothing: the tensor keeps its values. */
  record Unchanged() implements Sampling {
    @Override
    public boolean draws() {
      return false;
    }
  }

  /**
   * The values of a slice depend on the whole tensor, or the initialisation does not say what it
   * draws: fill the whole tensor in one place.
   *
   * @param reason why, for messages: {@code "orthogonal_ decomposes the whole matrix"}
   * @param draws whether the fill draws from the generator (and takes a fill number)
   */
  record Unshardable(String reason, boolean draws) implements Sampling {
    /**
     * Checks that there is a reason.
     *
     * @param reason why, for messages
     * @param draws whether the fill draws from the generator
     * @throws NullPointerException if {@code reason} is {@code null}
     */
    public Unshardable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
