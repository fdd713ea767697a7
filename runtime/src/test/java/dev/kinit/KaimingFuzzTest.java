package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.internal.Rules;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Random shapes, layouts and arguments for {@link FloatTensor}, {@link DoubleTensor} and {@link
 * Kaiming}: jagged and null sub-arrays, lengths that do not match the shape, sizes whose product
 * overflows {@code int} or {@code long}, negative sizes, fewer than two dimensions, extreme and
 * invalid gains, null arguments. Every call must either fill exactly the values the documentation
 * promises ({@link TensorSampler#of}: {@code std · nextGaussian()} or {@code nextDouble(-bound,
 * bound)} per element in row-major order, rounded to the element type) or throw the documented
 * exception, whose message names the problem, with every element untouched.
 *
 * <p>The expected outcome is derived from the documented rules alone: the fan rule of {@link Fans},
 * {@code std = gain / sqrt(fan)}, {@code bound = sqrt(3) · std}, and the checks the factories and
 * {@link Kaiming} list. Where the documentation leaves the order of two problems open (an invalid
 * gain on a tensor with no elements), either documented outcome is accepted.
 *
 * <p>Reproducible: {@code -Dkinit.fuzz.seed=<long>} and {@code -Dkinit.fuzz.cases=<n>} change the
 * run; a failure names the case's inputs.
 */
class KaimingFuzzTest {

  private static final long SEED = Long.getLong("kinit.fuzz.seed", 20260101L);
  private static final int CASES = Integer.getInteger("kinit.fuzz.cases", 6000);

  /** Outcomes that are not exceptions. */
  private static final String FILLS = "fills";

  private static final String NO_OP = "no-op";

  private static final List<Integer> HUGE_SIZES =
      List.of(65536, 1 << 20, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
  private static final List<Double> BAD_GAINS =
      List.of(
          0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e-300);

  /**
   * Valid gains: PyTorch's, and finite positive extremes, some near the ends of the normal floats
   * (whose std or bound may then fall outside them).
   */
  private static final List<Double> GAINS =
      List.of(
          1.0,
          5.0 / 3,
          Math.sqrt(2.0),
          0.75,
          Nonlinearity.LEAKY_RELU.gain(0.2),
          Double.MIN_VALUE,
          1e-300,
          2e-38,
          3e38,
          1e300,
          Double.MAX_VALUE);

  /** What is wrong with one case's input, if anything. */
  private enum Defect {
    NONE,
    JAGGED,
    NULL_ROW,
    NULL_DATA,
    LENGTH_MISMATCH,
    NEGATIVE_SIZE,
    OVERFLOW,
    BAD_GAIN,
    NULL_MODE,
    NULL_RANDOM
  }

  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void everyFillWritesTheDocumentedValuesOrThrowsWithTheDataUntouched() {
    Logger kaimingLog = Logger.getLogger(Kaiming.class.getName());
    Level level = kaimingLog.getLevel();
    kaimingLog.setLevel(Level.OFF); // zero-element tensors log a warning each
    try {
      for (int id = 0; id < CASES; id++) {
        check(new Input(id, new SplittableRandom(SEED * 1_000_003L + id)));
      }
    } finally {
      kaimingLog.setLevel(level);
    }
    System.out.printf(
        Locale.ROOT, "KaimingFuzzTest: seed %d, %d fills: %s%n", SEED, CASES, outcomes);
    assertTrue(
        failures.isEmpty(),
        () ->
            failures.size()
                + " case(s) failed (seed "
                + SEED
                + "):\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /**
   * One drawn case: an array (damaged by its {@link Defect}), the shape a flat view is given, the
   * fill's arguments, and what creating the view must do.
   */
  private static final class Input {
    final String name;
    final boolean doubles;
    final boolean nested;
    final int[] dims;
    int[] shape;
    Object data;
    Defect defect;

    /** {@link #FILLS} if the view is valid, else the exception it must throw and its message. */
    String viewOutcome = FILLS;

    FanMode mode;
    double gain;
    final boolean uniform;
    final long seed;
    RandomGenerator random;
    String argumentProblem;
    final List<Object> leaves = new ArrayList<>();

    Input(int id, SplittableRandom draw) {
      name = "w" + id;
      doubles = draw.nextBoolean();
      nested = draw.nextBoolean();
      dims = new int[nested ? 2 + draw.nextInt(4) : draw.nextInt(7)];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = draw.nextInt(10) == 0 ? 0 : 1 + draw.nextInt(4);
      }
      shape = dims.clone();
      data = nested ? nested(doubles, dims, 0) : flat(doubles, product(dims).intValueExact());
      defect =
          draw.nextInt(3) == 0
              ? Defect.NONE
              : Defect.values()[draw.nextInt(Defect.values().length)];
      mode = draw.nextBoolean() ? FanMode.FAN_IN : FanMode.FAN_OUT;
      gain = GAINS.get(draw.nextInt(GAINS.size()));
      uniform = draw.nextBoolean();
      seed = draw.nextLong();
      random = new SplittableRandom(seed);
      if (!damage(draw)) {
        defect = Defect.NONE;
      }
      if (!nested && data != null && viewOutcome.equals(FILLS)) {
        viewOutcome = flatViewOutcome();
      }
      if (data != null) {
        leaves(data, leaves);
        leaves.forEach(KaimingFuzzTest::fillWithNaN); // NaN: what no Kaiming draw gives
      }
    }

    /** Applies the defect; returns whether it applies to this layout. */
    private boolean damage(SplittableRandom draw) {
      switch (defect) {
        case JAGGED -> viewOutcome = nested ? jag(name, data, draw) : FILLS;
        case NULL_ROW -> viewOutcome = nested ? nullRow(name, data, draw) : FILLS;
        case NULL_DATA -> {
          data = null;
          viewOutcome = "NullPointerException " + name + " is null";
        }
        case LENGTH_MISMATCH -> {
          if (nested) {
            return false;
          }
          int wanted = product(shape).intValueExact();
          data = flat(doubles, wanted > 0 && draw.nextBoolean() ? wanted - 1 : wanted + 1);
        }
        case NEGATIVE_SIZE -> {
          if (nested || shape.length == 0) {
            return false;
          }
          shape[draw.nextInt(shape.length)] = draw.nextBoolean() ? -1 : Integer.MIN_VALUE;
        }
        case OVERFLOW -> {
          if (nested || shape.length == 0) {
            return false;
          }
          for (int i = 0; i < shape.length; i++) {
            if (i == 0 || draw.nextBoolean()) {
              shape[i] = HUGE_SIZES.get(draw.nextInt(HUGE_SIZES.size()));
            }
          }
        }
        case BAD_GAIN -> {
          gain = BAD_GAINS.get(draw.nextInt(BAD_GAINS.size()));
          argumentProblem = "IllegalArgumentException gain: " + gain + " is not a valid gain";
        }
        case NULL_MODE -> {
          mode = null;
          argumentProblem = "NullPointerException mode";
        }
        case NULL_RANDOM -> {
          random = null;
          argumentProblem = "NullPointerException random";
        }
        case NONE -> {}
      }
      return defect != Defect.JAGGED && defect != Defect.NULL_ROW || !viewOutcome.equals(FILLS);
    }

    /**
     * What a flat view of {@code data} with {@code shape} must do (FloatTensor's documentation).
     */
    private String flatViewOutcome() {
      for (int i = 0; i < shape.length; i++) {
        if (shape[i] < 0) {
          return String.format(
              Locale.ROOT,
              "IllegalArgumentException %s: shape %s has size %d at dimension %d; expected sizes"
                  + " >= 0",
              name,
              Arrays.toString(shape),
              shape[i],
              i);
        }
      }
      int length = Array.getLength(data);
      if (!product(shape).equals(BigInteger.valueOf(length))) {
        return "IllegalArgumentException " + name + ": shape " + Arrays.toString(shape) + " has ";
      }
      return FILLS;
    }

    Tensor view() {
      if (!nested) {
        return doubles
            ? DoubleTensor.of(name, (double[]) data, shape)
            : FloatTensor.of(name, (float[]) data, shape);
      }
      if (doubles) {
        return switch (dims.length) {
          case 2 -> DoubleTensor.of(name, (double[][]) data);
          case 3 -> DoubleTensor.of(name, (double[][][]) data);
          case 4 -> DoubleTensor.of(name, (double[][][][]) data);
          default -> DoubleTensor.of(name, (double[][][][][]) data);
        };
      }
      return switch (dims.length) {
        case 2 -> FloatTensor.of(name, (float[][]) data);
        case 3 -> FloatTensor.of(name, (float[][][]) data);
        case 4 -> FloatTensor.of(name, (float[][][][]) data);
        default -> FloatTensor.of(name, (float[][][][][]) data);
      };
    }

    void fill(Tensor tensor) {
      if (uniform) {
        Kaiming.uniform(tensor, mode, gain, random);
      } else {
        Kaiming.normal(tensor, mode, gain, random);
      }
    }

    long elements() {
      return leaves.stream().mapToLong(Array::getLength).sum();
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: %s %s %s, shape %s, %s, %s, gain %s, %s",
          name,
          doubles ? "double" : "float",
          nested ? "nested" : "flat",
          Arrays.toString(dims),
          Arrays.toString(shape),
          defect,
          mode,
          gain,
          uniform ? "uniform" : "normal");
    }
  }

  private void check(Input input) {
    Tensor tensor;
    try {
      tensor = input.view();
    } catch (RuntimeException e) {
      checkThrown(input, List.of(input.viewOutcome), e);
      return;
    }
    if (!input.viewOutcome.equals(FILLS)) {
      failures.add(input + ": creating the view did not throw " + input.viewOutcome);
      return;
    }
    List<String> acceptable = fillOutcomes(input, tensor.shape());
    try {
      input.fill(tensor);
    } catch (RuntimeException e) {
      checkThrown(input, acceptable, e);
      return;
    }
    if (acceptable.contains(FILLS)) {
      checkValues(input, tensor.shape());
    } else if (acceptable.contains(NO_OP)) {
      checkUntouched(input, NO_OP);
    } else {
      failures.add(input + ": expected " + acceptable + ", but the fill returned");
    }
  }

  /**
   * What filling a valid view may do. An invalid argument is found before anything is written;
   * whether before or after noticing that there is nothing to write (or no fan) is not documented,
   * so both are accepted.
   */
  private static List<String> fillOutcomes(Input input, int[] shape) {
    List<String> acceptable = new ArrayList<>();
    if (input.argumentProblem != null) {
      acceptable.add(input.argumentProblem);
    }
    if (input.elements() == 0) {
      acceptable.add(NO_OP); // as PyTorch: a tensor with no elements is left alone
    } else if (shape.length < 2) {
      acceptable.add(
          "IllegalArgumentException "
              + input.name
              + ": "
              + Rules.FEWER_THAN_TWO_DIMENSIONS
              + "; shape "
              + Arrays.toString(shape));
    } else if (input.argumentProblem == null) {
      String quantity = input.uniform ? "bound " : "std ";
      acceptable.add(
          usable(input, shape)
              ? FILLS
              : "IllegalArgumentException " + input.name + ": " + quantity);
    }
    return acceptable;
  }

  /**
   * The rule of {@link TensorSampler}: the std of a normal fill, or the bound of a uniform one, is
   * a normal number of the element type; a uniform's range, of width {@code 2 · bound}, is finite
   * in it.
   */
  private static boolean usable(Input input, int[] shape) {
    double min = input.doubles ? Double.MIN_NORMAL : Float.MIN_NORMAL;
    double max = input.doubles ? Double.MAX_VALUE : Float.MAX_VALUE;
    double std = std(shape, input.mode, input.gain);
    if (!input.uniform) {
      return min <= std && std <= max;
    }
    double bound = Math.sqrt(3.0) * std;
    return min <= bound && 2 * bound <= max;
  }

  /** {@code gain / sqrt(fan)}, with the fan of {@link Fans}, for a shape of small sizes. */
  private static double std(int[] shape, FanMode mode, double gain) {
    long receptiveField = 1;
    for (int i = 2; i < shape.length; i++) {
      receptiveField *= shape[i];
    }
    long fan = (mode == FanMode.FAN_IN ? shape[1] : shape[0]) * receptiveField;
    return gain / Math.sqrt(fan);
  }

  /** The exception must be one of the acceptable ones, and nothing may have been written. */
  private void checkThrown(Input input, List<String> acceptable, RuntimeException e) {
    String actual = e.getClass().getSimpleName() + " " + e.getMessage();
    if (acceptable.stream()
        .noneMatch(outcome -> outcome.contains(" ") && actual.startsWith(outcome))) {
      failures.add(input + ": expected " + acceptable + ", got " + actual);
      return;
    }
    checkUntouched(input, e.getClass().getSimpleName());
  }

  private void checkUntouched(Input input, String outcome) {
    for (Object leaf : input.leaves) {
      for (int i = 0; i < Array.getLength(leaf); i++) {
        if (!Double.isNaN(Array.getDouble(leaf, i))) {
          failures.add(input + ": " + outcome + ", yet element " + i + " of a row was written");
          return;
        }
      }
    }
    count(input, outcome);
  }

  /**
   * Every element must be the documented draw of a generator with the same seed, in row-major
   * order: {@code std · nextGaussian()} or {@code nextDouble(-bound, bound)}.
   */
  private void checkValues(Input input, int[] shape) {
    double std = std(shape, input.mode, input.gain);
    double bound = Math.sqrt(3.0) * std;
    SplittableRandom expected = new SplittableRandom(input.seed);
    for (Object leaf : input.leaves) {
      for (int i = 0; i < Array.getLength(leaf); i++) {
        double draw =
            input.uniform ? expected.nextDouble(-bound, bound) : std * expected.nextGaussian();
        double want = input.doubles ? draw : (float) draw;
        double value = Array.getDouble(leaf, i);
        if (value != want) {
          failures.add(input + ": an element is " + value + ", expected " + want);
          return;
        }
      }
    }
    count(input, FILLS);
  }

  private void count(Input input, String outcome) {
    outcomes.merge(input.defect + " " + outcome, 1, Integer::sum);
  }

  /**
   * Makes one array below the top one element longer or shorter than its first sibling; returns the
   * exception the view must throw, or {@link #FILLS} if this array has no such row.
   */
  private static String jag(String name, Object data, SplittableRandom draw) {
    List<Object[]> parents = new ArrayList<>();
    parents(data, parents);
    parents.removeIf(parent -> parent.length < 2);
    if (parents.isEmpty()) {
      return FILLS;
    }
    Object[] parent = parents.get(draw.nextInt(parents.size()));
    int row = 1 + draw.nextInt(parent.length - 1);
    Object child = parent[row];
    int length = Array.getLength(child);
    Object jagged =
        Array.newInstance(
            child.getClass().getComponentType(),
            length == 0 || draw.nextBoolean() ? length + 1 : length - 1);
    if (jagged instanceof Object[] rows) {
      if (length == 0) {
        return FILLS; // rows of unknown shape: leave the array well-formed
      }
      for (int i = 0; i < rows.length; i++) {
        rows[i] = copy(((Object[]) child)[0]);
      }
    }
    parent[row] = jagged;
    return "IllegalArgumentException " + name + ": jagged array: ";
  }

  /** Sets one sub-array to null; returns the exception the view must throw. */
  private static String nullRow(String name, Object data, SplittableRandom draw) {
    List<Object[]> parents = new ArrayList<>();
    parents(data, parents);
    parents.removeIf(parent -> parent.length == 0);
    if (parents.isEmpty()) {
      return FILLS;
    }
    Object[] parent = parents.get(draw.nextInt(parents.size()));
    parent[draw.nextInt(parent.length)] = null;
    return "NullPointerException " + name + "[";
  }

  private static void parents(Object node, List<Object[]> parents) {
    if (node instanceof Object[] children) {
      parents.add(children);
      for (Object child : children) {
        parents(child, parents);
      }
    }
  }

  private static Object copy(Object node) {
    if (node instanceof Object[] children) {
      Object[] copy = children.clone();
      for (int i = 0; i < copy.length; i++) {
        copy[i] = copy(children[i]);
      }
      return copy;
    }
    return node instanceof float[] floats ? floats.clone() : ((double[]) node).clone();
  }

  private static void leaves(Object node, List<Object> leaves) {
    if (node instanceof Object[] children) {
      for (Object child : children) {
        if (child != null) {
          leaves(child, leaves);
        }
      }
    } else {
      leaves.add(node);
    }
  }

  private static Object nested(boolean doubles, int[] dims, int depth) {
    if (depth == dims.length - 1) {
      return flat(doubles, dims[depth]);
    }
    Class<?> rowType = doubles ? double.class : float.class;
    for (int i = depth + 1; i < dims.length; i++) {
      rowType = rowType.arrayType();
    }
    Object[] rows = (Object[]) Array.newInstance(rowType, dims[depth]);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = nested(doubles, dims, depth + 1);
    }
    return rows;
  }

  private static Object flat(boolean doubles, int length) {
    return doubles ? new double[length] : new float[length];
  }

  private static void fillWithNaN(Object leaf) {
    if (leaf instanceof float[] floats) {
      Arrays.fill(floats, Float.NaN);
    } else {
      Arrays.fill((double[]) leaf, Double.NaN);
    }
  }

  /** The exact product of the sizes (1 for none). */
  private static BigInteger product(int[] sizes) {
    BigInteger product = BigInteger.ONE;
    for (int size : sizes) {
      product = product.multiply(BigInteger.valueOf(size));
    }
    return product;
  }

  @Test
  void stdOfAnyShapeIsGainOverTheRootOfItsFanOrTheDocumentedError() {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> counts = new TreeMap<>();
    for (int id = 0; id < CASES; id++) {
      int[] shape = new int[random.nextInt(7)];
      for (int i = 0; i < shape.length; i++) {
        int draw = random.nextInt(20);
        shape[i] =
            draw == 0
                ? -1 - random.nextInt(3)
                : draw < 4 ? HUGE_SIZES.get(random.nextInt(HUGE_SIZES.size())) : random.nextInt(5);
      }
      FanMode mode = random.nextBoolean() ? FanMode.FAN_IN : FanMode.FAN_OUT;
      double gain = GAINS.get(random.nextInt(GAINS.size()));
      String actual;
      try {
        actual = "std " + Kaiming.std(shape, mode, gain);
      } catch (IllegalArgumentException e) {
        actual = e.getMessage();
      }
      Map.Entry<String, String> expected = expectedStd(shape, mode, gain);
      assertEquals(
          expected.getValue(), actual, Arrays.toString(shape) + " " + mode + " gain " + gain);
      counts.merge(expected.getKey(), 1, Integer::sum);
    }
    System.out.printf(
        Locale.ROOT, "KaimingFuzzTest: seed %d, %d shapes: %s%n", SEED, CASES, counts);
  }

  /**
   * What {@link Kaiming#std} must give, by its documentation and that of {@link Fans#of}, with the
   * fans computed exactly: a kind of outcome and the result or message.
   */
  private static Map.Entry<String, String> expectedStd(int[] shape, FanMode mode, double gain) {
    if (shape.length < 2) {
      return Map.entry("fewer than 2 dimensions", Rules.FEWER_THAN_TWO_DIMENSIONS);
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        return Map.entry(
            "negative size",
            "shape: shape "
                + Arrays.toString(shape)
                + " has size "
                + shape[i]
                + " at dimension "
                + i
                + "; expected sizes >= 0");
      }
    }
    BigInteger receptiveField = product(Arrays.copyOfRange(shape, 2, shape.length));
    BigInteger fan =
        receptiveField.multiply(BigInteger.valueOf(shape[mode == FanMode.FAN_IN ? 1 : 0]));
    BigInteger other =
        receptiveField.multiply(BigInteger.valueOf(shape[mode == FanMode.FAN_IN ? 0 : 1]));
    BigInteger longMax = BigInteger.valueOf(Long.MAX_VALUE);
    if (fan.compareTo(longMax) > 0 || other.compareTo(longMax) > 0) {
      return Map.entry(
          "fans overflow a long",
          "shape " + Arrays.toString(shape) + " is too large: its fans overflow a long");
    }
    if (fan.signum() == 0) {
      return Map.entry(
          "fan 0",
          "shape "
              + Arrays.toString(shape)
              + " has "
              + mode.torchName()
              + " 0; expected a positive fan, since std = gain / sqrt(fan)");
    }
    return Map.entry("std", "std " + gain / Math.sqrt(fan.longValueExact()));
  }
}
