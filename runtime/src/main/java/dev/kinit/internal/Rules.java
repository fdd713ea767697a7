package dev.kinit.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The rules that the runtime checks when it runs and the annotation processor checks again at
 * compile time, each stated once, here. A check returns the problem, a sentence that names the
 * subject, the value and what was expected, or {@code null} when there is none: the runtime throws
 * an {@link IllegalArgumentException} with that sentence ({@link #require}), the processor reports
 * it under its {@code [kinit.…]} tag. Not API (see the package comment of {@code
 * dev.kinit.internal}).
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

  /** PyTorch's message for {@code eye_} on a shape that is not 2-D. */
  public static final String EYE_RANK = "Only tensors with 2 dimensions are supported";

  /** PyTorch's message for {@code dirac_} on a shape of fewer than 3 or more than 5 dimensions. */
  public static final String DIRAC_RANK = "Only tensors with 3, 4, or 5 dimensions are supported";

  /** PyTorch's message for {@code dirac_} when the groups do not divide {@code shape[0]}. */
  public static final String DIRAC_GROUPS = "dim 0 must be divisible by groups";

  /** PyTorch's message for {@code orthogonal_} on a shape of fewer than 2 dimensions. */
  public static final String ORTHOGONAL_RANK =
      "Only tensors with 2 or more dimensions are supported";

  /** The largest slope whose square is finite: {@code sqrt(Double.MAX_VALUE)}, about 1.34E154. */
  private static final String SLOPE_LIMIT = "1.34E154";

  private Rules() {}

  /** What {@link #isMemberName} accepts, for messages: "a name that is …". */
  public static final String MEMBER_NAME =
      "not empty and has no '.' (the separator of a path's names), whitespace or control"
          + " character";

  /**
   * Whether {@code name} can name a module's member in a parameter path ({@code @Name}, a {@code
   * ModuleDict}'s key): not empty, no {@code .} (a path's separator), no whitespace or control
   * character.
   *
   * @param name a member's name, or a key
   * @return whether a parameter path can hold it
   */
  public static boolean isMemberName(String name) {
    return !name.isEmpty()
        && name.codePoints()
            .noneMatch(c -> c == '.' || Character.isWhitespace(c) || Character.isISOControl(c));
  }

  /**
   * Throws an {@link IllegalArgumentException} with {@code problem} unless it is {@code null}.
   *
   * @param problem what one of this class's checks returned
   * @throws IllegalArgumentException with {@code problem} as its message, if there is one
   */
  public static void require(@Nullable String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * The negative slope {@code a} of a leaky ReLU must be finite, and small enough that {@code a²}
   * is finite too (PyTorch raises {@code OverflowError} there).
   *
   * @param a the negative slope
   * @param subject what the slope is for, such as a field ({@code "a = NaN for Net.weight is
   *     ..."}), or {@code null} ({@code "a = NaN is ..."})
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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
   *
   * @param rank the number of dimensions of the shape
   * @return PyTorch's message, or {@code null} if there is none
   */
  public static @Nullable String fanRankProblem(int rank) {
    return rank < MIN_FAN_RANK ? FEWER_THAN_TWO_DIMENSIONS : null;
  }

  /**
   * A gain multiplies the scale of a fill: finite and positive.
   *
   * @param gain the gain
   * @return {@code "gain: 0.0 is not a valid gain; expected a finite positive number"}, or {@code
   *     null}
   */
  public static @Nullable String gainProblem(double gain) {
    return positiveProblem("gain", gain);
  }

  /**
   * The {@code scale} of Keras' {@code VarianceScaling}, the variance times the fan: finite and
   * positive (Keras: "Argument `scale` must be positive float").
   *
   * @param scale the scale
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
   */
  public static @Nullable String scaleProblem(double scale) {
    return positiveProblem("scale", scale);
  }

  /**
   * {@code eye_} fills 2-D shapes only; the problem is PyTorch's message ({@link #EYE_RANK}).
   *
   * @param rank the number of dimensions of the shape
   * @return PyTorch's message, or {@code null} if there is none
   */
  public static @Nullable String eyeRankProblem(int rank) {
    return rank == 2 ? null : EYE_RANK;
  }

  /**
   * {@code dirac_} fills convolution weights of 3 to 5 dimensions only; the problem is PyTorch's
   * message ({@link #DIRAC_RANK}).
   *
   * @param rank the number of dimensions of the shape
   * @return PyTorch's message, or {@code null} if there is none
   */
  public static @Nullable String diracRankProblem(int rank) {
    return rank >= 3 && rank <= 5 ? null : DIRAC_RANK;
  }

  /**
   * The groups of a {@code dirac_} convolution: at least 1 (PyTorch divides by them), and dividing
   * the output channels {@code shape[0]}, PyTorch's message then ({@link #DIRAC_GROUPS}).
   *
   * @param groups the number of groups
   * @param outChannels {@code shape[0]}, or {@code null} when it is not known (yet): then only
   *     {@code groups >= 1} is checked
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
   */
  public static @Nullable String diracGroupsProblem(int groups, @Nullable Integer outChannels) {
    if (groups < 1) {
      return "groups: " + groups + " is not a valid number of groups; expected groups >= 1";
    }
    return outChannels == null || outChannels % groups == 0 ? null : DIRAC_GROUPS;
  }

  /**
   * {@code orthogonal_} needs a matrix: at least 2 dimensions, the trailing ones flattened. The
   * problem is PyTorch's message ({@link #ORTHOGONAL_RANK}).
   *
   * @param rank the number of dimensions of the shape
   * @return PyTorch's message, or {@code null} if there is none
   */
  public static @Nullable String orthogonalRankProblem(int rank) {
    return rank >= 2 ? null : ORTHOGONAL_RANK;
  }

  /**
   * A constant fill's value must be finite in the element type ({@code |value| <=} {@link
   * ElementType#max()}).
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param value the constant
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
   */
  public static @Nullable String constantProblem(String tensor, ElementType type, double value) {
    return finiteProblem(tensor, type, "value", value);
  }

  /**
   * A truncated normal fill, {@code N(mean, std²)} conditioned on {@code [a, b]}: {@code mean} and
   * {@code std} as {@link #normalProblem}, {@code a} and {@code b} finite in the element type with
   * {@code a < b}, and the interval must hold probability that PyTorch's algorithm can draw from.
   * That algorithm ({@code trunc_normal_}) draws {@code U(2l − 1, 2u − 1)} with {@code l = Φ((a −
   * mean) / std)} and {@code u = Φ((b − mean) / std)} computed in double ({@link
   * TorchMath#normCdf}), then maps it back through the inverse error function in the element type:
   * so {@code u − l} must be positive in double, and that uniform range must pass {@link
   * #uniformProblem} in the element type. An interval too far in a tail fails: {@code std = 1, a =
   * 9, b = 10} has {@code l = u = 1} in double; {@code a = 6, b = 7} gives {@code U(1.0, 1.0)} in
   * float, where PyTorch would return {@code b} everywhere.
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param mean the mean before truncation
   * @param std the standard deviation before truncation
   * @param a the lower end of the interval, a value
   * @param b the upper end of the interval
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
   */
  public static @Nullable String truncatedNormalProblem(
      String tensor, ElementType type, double mean, double std, double a, double b) {
    String problem = normalProblem(tensor, type, mean, std);
    if (problem == null) {
      problem = finiteProblem(tensor, type, "a", a);
    }
    if (problem == null) {
      problem = finiteProblem(tensor, type, "b", b);
    }
    if (problem != null) {
      return problem;
    }
    String truncated =
        tensor + ": N(" + mean + ", " + std + "^2) truncated to [" + a + ", " + b + "]";
    if (!(a < b)) {
      return truncated + " is empty; expected a < b";
    }
    double lower = TorchMath.normCdf((a - mean) / std);
    double upper = TorchMath.normCdf((b - mean) / std);
    if (!(upper > lower)) {
      return truncated
          + " holds no probability in double: Phi((a - mean) / std) = Phi((b - mean) / std) = "
          + lower
          + "; expected an interval nearer the mean";
    }
    double from = 2 * lower - 1;
    double to = 2 * upper - 1;
    if (uniformProblem(tensor, type, from, to) != null || !(type.round(from) < type.round(to))) {
      return truncated
          + " holds too little probability for "
          + type
          + ": PyTorch's algorithm draws U(2 * Phi((a - mean) / std) - 1, 2 * Phi((b - mean) / std)"
          + " - 1) = U("
          + from
          + ", "
          + to
          + "), no range in "
          + type
          + "; expected an interval nearer the mean";
    }
    return null;
  }

  /**
   * The standard deviation of a normal fill must be a normal number of the element type: from
   * {@link ElementType#minNormal()} to {@link ElementType#max()}. Below, the values would be
   * subnormal or 0 (all alike); above, infinite.
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param std the standard deviation
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param bound the bound {@code b}
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param mean the mean
   * @param std the standard deviation
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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
   *
   * @param tensor the tensor's name, which the problem starts with
   * @param type the tensor's element type
   * @param from the lower end
   * @param to the upper end
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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
   *
   * @param bias the bias's name, which the problem starts with
   * @param biasShape the bias's shape
   * @param weight the weight's name
   * @param weightShape the weight's shape, {@code [out, in, k…]}
   * @return the problem, a sentence for an {@link IllegalArgumentException} or a diagnostic, or
   *     {@code null} if there is none
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

  private static @Nullable String positiveProblem(String name, double value) {
    if (value > 0 && value < Double.POSITIVE_INFINITY) {
      return null;
    }
    return name + ": " + value + " is not a valid " + name + "; expected a finite positive number";
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
