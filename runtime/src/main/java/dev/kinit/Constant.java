package dev.kinit;

import dev.kinit.internal.ElementType;
import dev.kinit.internal.Rules;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Fills with one value: PyTorch's {@code constant_}, {@code zeros_} and {@code ones_}, for biases
 * ({@code zeros}) and the scale and shift of normalisation layers ({@code ones}, {@code zeros}). No
 * randomness and no fan: any shape works, and nothing is drawn from a generator.
 *
 * <pre>{@code
 * Constant.zeros(FloatTensor.of("bias", bias));
 * Constant.ones(FloatTensor.of("gamma", gamma));
 * Constant.fill(FloatTensor.of("bias", bias), 0.01);
 * }</pre>
 */
public final class Constant {

  static final Init ZEROS = new Spec(0.0, "zeros_()");
  static final Init ONES = new Spec(1.0, "ones_()");

  private Constant() {}

  /**
   * Sets every element to {@code value}, rounded to the element type: PyTorch's {@code
   * constant_(tensor, value)}.
   *
   * @throws IllegalArgumentException unless {@code value} is finite in the element type ({@code
   *     |value| <= Float.MAX_VALUE} for a {@link FloatTensor}); before any element is written
   */
  public static void fill(Tensor tensor, double value) {
    new Spec(value, call(value)).write(Objects.requireNonNull(tensor, "tensor"));
  }

  /** Sets every element to 0: PyTorch's {@code zeros_(tensor)}. */
  public static void zeros(Tensor tensor) {
    ((Spec) ZEROS).write(Objects.requireNonNull(tensor, "tensor"));
  }

  /** Sets every element to 1: PyTorch's {@code ones_(tensor)}. */
  public static void ones(Tensor tensor) {
    ((Spec) ONES).write(Objects.requireNonNull(tensor, "tensor"));
  }

  static String call(double value) {
    return "constant_(val=" + value + ")";
  }

  /** A constant fill as a value ({@link Init#constant}, {@link Init#zeros}, {@link Init#ones}). */
  record Spec(double value, String call) implements Init {

    @Override
    public void check(Tensor tensor) {
      Rules.require(Rules.constantProblem(tensor.name(), ElementType.of(tensor), value));
    }

    /** Writes {@code value} everywhere; {@code random} is not used. */
    @Override
    public void fill(Tensor tensor, RandomGenerator random) {
      write(tensor);
    }

    void write(Tensor tensor) {
      check(tensor);
      tensor.setAll(() -> value);
    }

    @Override
    public boolean draws(Tensor tensor) {
      return false;
    }

    @Override
    public Sampling sampling(Tensor tensor) {
      check(tensor);
      return new Sampling.Constant(value);
    }

    @Override
    public String describe(Tensor tensor) {
      return call;
    }
  }
}
