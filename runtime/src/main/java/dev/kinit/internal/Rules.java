package dev.kinit.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The rules that the runtime checks when it runs and the annotation processor checks again at
 * compile time, each stated once, here. A check returns the problem, a sentence that names the
 * subject, the value and what was expected, or {@code null} when there is none: the runtime throws
 * an {@link IllegalArgumentException} with that sentence ({@link #require}), the processor reports
 * it under its {@code [kinit.…]} tag. Not API (see {@link dev.kinit.internal}).
 */
public final class Rules {

  /**
   * The most dimensions of a tensor viewed from a nested array: {@code FloatTensor.of} and {@code
   * DoubleTensor.of} take nested arrays up to {@code float[][][][][]} (a {@code Conv3d} weight).
   */
  public static final int MAX_RANK = 5;

  /**
   * The fewest dimensions of a weight: the fan rule needs an output size ({@code shape[0]}) and an
   * input size ({@code shape[1]}).
   */
  public static final int MIN_FAN_RANK = 2;

  /** PyTorch's message for a shape of fewer than {@link #MIN_FAN_RANK} dimensions. */
  public static final String FEWER_THAN_TWO_DIMENSIONS =
      "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions";

  /** The largest slope whose square is finite: {@code sqrt(Double.MAX_VALUE)}, about 1.34E154. */
  private static final String SLOPE_LIMIT = "1.34E154";

  private Rules() {}

  /** Throws an {@link IllegalArgumentException} with {@code problem} unless it is {@code null}. */
  public static void require(@Nullable String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * The negative slope {@code a} of a leaky ReLU must be finite, and small enough that {@code a²}
   * is finite too (PyTorch raises {@code OverflowError} there).
   *
   * @param subject what the slope is for, such as a field ({@code "a = NaN for Net.weight is
   *     ..."}), or {@code null} ({@code "a = NaN is ..."})
   */
  public static @Nullable String slopeProblem(double a, @Nullable String subject) {
    String slope = "a = " + a + (subject == null ? "" : " for " + subject);
    if (!Double.isFinite(a)) {
      return slope + " is not a valid negative slope; expected a finite number";
    }
    if (Double.isInfinite(a * a)) {
      return slope + " is too large: a^2 overflows a double; expected |a| < " + SLOPE_LIMIT;
    }
    return null;
  }

  /**
   * A shape has fans only with at least {@link #MIN_FAN_RANK} dimensions; the problem is PyTorch's
   * message ({@link #FEWER_THAN_TWO_DIMENSIONS}).
   */
  public static @Nullable String fanRankProblem(int rank) {
    return rank < MIN_FAN_RANK ? FEWER_THAN_TWO_DIMENSIONS : null;
  }

  /**
   * The standard deviation of a normal fill must be a normal number of the element type: from
   * {@link ElementType#minNormal()} to {@link ElementType#max()}. Below, the values would be
   * subnormal or 0 (all alike); above, infinite.
   */
  public static @Nullable String stdProblem(String tensor, ElementType type, double std) {
    if (std >= type.minNormal() && std <= type.max()) {
      return null;
    }
    return tensor
        + ": std "
        + std
        + " is not a normal "
        + type
        + "; expected "
        + type.minNormalText()
        + " <= std <= "
        + type.maxText();
  }

  /**
   * The bound {@code b} of a uniform fill {@code U(-b, b)} must be a normal number of the element
   * type whose range is finite in it: {@code b} from {@link ElementType#minNormal()} to half of
   * {@link ElementType#max()}. Below, the values would be subnormal or 0 (all alike); above, the
   * width {@code 2·b} overflows.
   */
  public static @Nullable String boundProblem(String tensor, ElementType type, double bound) {
    if (bound >= type.minNormal() && bound <= type.max() / 2) {
      return null;
    }
    return tensor
        + ": bound "
        + bound
        + " is not a normal "
        + type
        + " with a finite width 2 * bound; expected "
        + type.minNormalText()
        + " <= bound <= "
        + type.halfMaxText();
  }

  /**
   * A normal fill {@code N(mean, std²)}: {@code mean} finite in the element type ({@code |mean| <=}
   * {@link ElementType#max()}), {@code std} as {@link #stdProblem}.
   */
  public static @Nullable String normalProblem(
      String tensor, ElementType type, double mean, double std) {
    String problem = finiteProblem(tensor, type, "mean", mean);
    return problem != null ? problem : stdProblem(tensor, type, std);
  }

  /**
   * A uniform fill {@code U(from, to)}: {@code from < to}, both finite in the element type, with a
   * half-width {@code (to - from) / 2} (the bound of a symmetric range, {@link #boundProblem}) that
   * is a normal number of the element type and a width {@code to - from} that is finite in it. The
   * numbers are compared as they are, not rounded to the element type first, so that {@code U(-b,
   * b)} passes exactly when {@link #boundProblem} passes {@code b}.
   */
  public static @Nullable String uniformProblem(
      String tensor, ElementType type, double from, double to) {
    String problem = finiteProblem(tensor, type, "from", from);
    if (problem == null) {
      problem = finiteProblem(tensor, type, "to", to);
    }
    if (problem != null) {
      return problem;
    }
    String range = tensor + ": U(" + from + ", " + to + ")";
    if (!(from < to)) {
      return range + " is empty; expected from < to";
    }
    double halfWidth = (to - from) / 2;
    if (!(halfWidth >= type.minNormal())) {
      return range
          + " has half-width "
          + halfWidth
          + ", not a normal "
          + type
          + "; expected (to - from) / 2 >= "
          + type.minNormalText();
    }
    double width = to - from;
    if (width <= type.max()) {
      // As the element type computes it: from and to rounded to it first may still overflow.
      width = type.difference(to, from);
    }
    if (!(width <= type.max())) {
      return range
          + " is too wide for "
          + type
          + ": to - from = "
          + width
          + "; expected to - from <= "
          + type.maxText();
    }
    return null;
  }

  /**
   * A bias belongs to a weight laid out {@code [out][in][k…]} ({@code nn.Linear}, {@code
   * nn.Conv*d}): it is 1-D, of length {@code out}, the weight's {@code shape[0]}. No problem is
   * reported for a weight without dimensions (the fan rule reports it).
   */
  public static @Nullable String biasProblem(
      String bias, int[] biasShape, String weight, int[] weightShape) {
    if (weightShape.length == 0 || (biasShape.length == 1 && biasShape[0] == weightShape[0])) {
      return null;
    }
    return bias
        + ": shape "
        + Arrays.toString(biasShape)
        + " does not fit "
        + weight
        + " of shape "
        + Arrays.toString(weightShape)
        + "; expected a 1-D bias of length "
        + weightShape[0]
        + ", the weight's output size shape[0]";
  }

  private static @Nullable String finiteProblem(
      String tensor, ElementType type, String name, double value) {
    if (Math.abs(value) <= type.max()) {
      return null;
    }
    return tensor
        + ": "
        + name
        + " "
        + value
        + " is not a finite "
        + type
        + "; expected |"
        + name
        + "| <= "
        + type.maxText();
  }
}
