package dev.kinit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kinit.DoubleTensor;
import dev.kinit.FloatTensor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RulesTest {

  private static final double SQRT_MAX = Math.sqrt(Double.MAX_VALUE); // 1.3407807929942596E154

  @Test
  void aSlopeIsFiniteWithAFiniteSquare() {
    assertNull(Rules.slopeProblem(0, null));
    assertNull(Rules.slopeProblem(-1e150, "w"));
    assertNull(Rules.slopeProblem(SQRT_MAX, null));
    assertEquals(
        "a = Infinity for Net.weight is not a valid negative slope; expected a finite number",
        Rules.slopeProblem(Double.POSITIVE_INFINITY, "Net.weight"));
    assertEquals(
        "a = NaN is not a valid negative slope; expected a finite number",
        Rules.slopeProblem(Double.NaN, null));
    assertEquals(
        "a = 1.3407807929942597E154 for w is too large: a^2 overflows a double;"
            + " expected |a| < 1.34E154",
        Rules.slopeProblem(Math.nextUp(SQRT_MAX), "w"));
  }

  @Test
  void fansNeedTwoDimensions() {
    assertEquals(
        "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
        Rules.fanRankProblem(1));
    assertNotNull(Rules.fanRankProblem(0));
    assertNull(Rules.fanRankProblem(2));
    assertNull(Rules.fanRankProblem(7));
  }

  @Test
  void theNestedTensorFactoriesGoUpToMaxRank() {
    for (Class<?> type : new Class<?>[] {FloatTensor.class, DoubleTensor.class}) {
      Set<Integer> ranks = new TreeSet<>();
      for (Method method : type.getMethods()) {
        if (method.getName().equals("of") && Modifier.isStatic(method.getModifiers())) {
          for (Class<?> parameter : method.getParameterTypes()) {
            int rank = 0;
            for (Class<?> c = parameter; c.isArray(); c = c.getComponentType()) {
              rank++;
            }
            if (rank > 0 && parameter != int[].class) {
              ranks.add(rank);
            }
          }
        }
      }
      assertEquals(Set.of(1, 2, 3, 4, 5), ranks, type.getSimpleName());
      assertEquals(Rules.MAX_RANK, ((TreeSet<Integer>) ranks).last(), type.getSimpleName());
    }
  }

  @ParameterizedTest
  @EnumSource(ElementType.class)
  void aStdIsANormalNumberOfTheElementType(ElementType type) {
    double min = type == ElementType.FLOAT ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    double max = type == ElementType.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
    assertNull(Rules.stdProblem("w", type, min));
    assertNull(Rules.stdProblem("w", type, 1));
    assertNull(Rules.stdProblem("w", type, max));
    for (double bad :
        new double[] {
          Math.nextDown(min), 0, -1, Math.nextUp(max), Double.NaN, Double.POSITIVE_INFINITY
        }) {
      assertNotNull(Rules.stdProblem("w", type, bad), type + " " + bad);
    }
  }

  @Test
  void aStdProblemNamesTheTensorTheValueAndTheRange() {
    assertEquals(
        "w: std 1.0E-40 is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <= std"
            + " <= Float.MAX_VALUE (3.4028235E38)",
        Rules.stdProblem("w", ElementType.FLOAT, 1e-40));
    assertEquals(
        "Net.w: std 0.0 is not a normal double;"
            + " expected Double.MIN_NORMAL (2.2250738585072014E-308) <= std <= Double.MAX_VALUE"
            + " (1.7976931348623157E308)",
        Rules.stdProblem("Net.w", ElementType.DOUBLE, 0));
  }

  @ParameterizedTest
  @EnumSource(ElementType.class)
  void aBoundIsANormalNumberWithAFiniteRange(ElementType type) {
    double min = type == ElementType.FLOAT ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    double max = type == ElementType.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
    assertNull(Rules.boundProblem("w", type, min));
    assertNull(Rules.boundProblem("w", type, max / 2));
    assertNotNull(Rules.boundProblem("w", type, Math.nextDown(min)));
    assertNotNull(Rules.boundProblem("w", type, Math.nextUp(max / 2)));
    assertNotNull(Rules.boundProblem("w", type, Double.NaN));
  }

  @Test
  void aBoundProblemNamesTheTensorTheValueAndTheRange() {
    assertEquals(
        "w: bound 2.0E38 is not a normal float with a finite width 2 * bound;"
            + " expected Float.MIN_NORMAL (1.1754944E-38) <= bound <= Float.MAX_VALUE / 2"
            + " (1.7014117E38)",
        Rules.boundProblem("w", ElementType.FLOAT, 2e38));
  }

  @Test
  void aNormalFillHasAFiniteMean() {
    assertNull(Rules.normalProblem("w", ElementType.FLOAT, -Float.MAX_VALUE, 1));
    assertNotNull(
        Rules.normalProblem("w", ElementType.FLOAT, Math.nextUp((double) Float.MAX_VALUE), 1));
    assertEquals(
        "w: mean 1.0E39 is not a finite float; expected |mean| <= Float.MAX_VALUE (3.4028235E38)",
        Rules.normalProblem("w", ElementType.FLOAT, 1e39, 1));
    assertNull(Rules.normalProblem("w", ElementType.DOUBLE, 1e39, 1));
    assertEquals(
        "w: mean NaN is not a finite double; expected |mean| <= Double.MAX_VALUE"
            + " (1.7976931348623157E308)",
        Rules.normalProblem("w", ElementType.DOUBLE, Double.NaN, 1));
    assertEquals(
        Rules.stdProblem("w", ElementType.DOUBLE, -1),
        Rules.normalProblem("w", ElementType.DOUBLE, 0, -1));
  }

  @Test
  void aUniformFillHasAnOrderedFiniteRangeWithANormalHalfWidth() {
    assertNull(Rules.uniformProblem("w", ElementType.FLOAT, -0.5, 2));
    assertNull(Rules.uniformProblem("w", ElementType.FLOAT, 0, 2 * (double) Float.MIN_NORMAL));
    assertNull(Rules.uniformProblem("w", ElementType.FLOAT, -Float.MAX_VALUE / 2, 1e38));
    assertEquals(
        "w: to 1.0E39 is not a finite float; expected |to| <= Float.MAX_VALUE (3.4028235E38)",
        Rules.uniformProblem("w", ElementType.FLOAT, 0, 1e39));
    assertEquals(
        "w: from -Infinity is not a finite double; expected |from| <= Double.MAX_VALUE"
            + " (1.7976931348623157E308)",
        Rules.uniformProblem("w", ElementType.DOUBLE, Double.NEGATIVE_INFINITY, 0));
    assertEquals(
        "w: U(1.0, 1.0) is empty; expected from < to",
        Rules.uniformProblem("w", ElementType.DOUBLE, 1, 1));
    assertEquals(
        "w: U(2.0, 1.0) is empty; expected from < to",
        Rules.uniformProblem("w", ElementType.DOUBLE, 2, 1));
    assertEquals(
        "w: U(-1.0E-40, 1.0E-40) has half-width 1.0E-40, not a normal float;"
            + " expected (to - from) / 2 >= Float.MIN_NORMAL (1.1754944E-38)",
        Rules.uniformProblem("w", ElementType.FLOAT, -1e-40, 1e-40));
    assertNull(Rules.uniformProblem("w", ElementType.DOUBLE, -1e-40, 1e-40));
    assertEquals(
        "w: U(-3.0E38, 3.0E38) is too wide for float: to - from = 6.0E38;"
            + " expected to - from <= Float.MAX_VALUE (3.4028235E38)",
        Rules.uniformProblem("w", ElementType.FLOAT, -3e38, 3e38));
    assertNull(Rules.uniformProblem("w", ElementType.DOUBLE, -3e38, 3e38));
    assertEquals(
        "w: U(-1.7976931348623157E308, 1.7976931348623157E308) is too wide for double:"
            + " to - from = Infinity; expected to - from <= Double.MAX_VALUE"
            + " (1.7976931348623157E308)",
        Rules.uniformProblem("w", ElementType.DOUBLE, -Double.MAX_VALUE, Double.MAX_VALUE));
    // A wide range far from 0 is fine: its width, not the sum of its ends, must be finite.
    for (ElementType type : ElementType.values()) {
      assertNull(Rules.uniformProblem("w", type, 0.5 * type.max(), 0.9 * type.max()), "" + type);
    }
  }

  @Test
  void aUniformRangeIsAsWideAsTheElementTypeComputesIt() {
    // to - from is Float.MAX_VALUE in double, but from rounds (to even) away from to in float,
    // where to - from = Float.MAX_VALUE + 2^103 rounds to Infinity: too wide for a float tensor.
    double to = 0x3p103;
    double from = to - Float.MAX_VALUE;
    assertEquals(Float.MAX_VALUE, to - from);
    assertEquals(Float.POSITIVE_INFINITY, (float) to - (float) from);
    assertEquals(
        "w: U("
            + from
            + ", "
            + to
            + ") is too wide for float: to - from = Infinity;"
            + " expected to - from <= Float.MAX_VALUE (3.4028235E38)",
        Rules.uniformProblem("w", ElementType.FLOAT, from, to));
    assertNull(Rules.uniformProblem("w", ElementType.DOUBLE, from, to));
  }

  @Test
  void aSymmetricRangeIsValidExactlyWhenItsBoundIs() {
    for (ElementType type : ElementType.values()) {
      for (double bound :
          new double[] {
            Float.MIN_NORMAL,
            Math.nextDown((double) Float.MIN_NORMAL),
            Float.MAX_VALUE / 2,
            Math.nextUp(Float.MAX_VALUE / 2),
            Math.nextUp((double) Float.MAX_VALUE / 2), // rounds to Float.MAX_VALUE / 2
            Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE / 2,
            Math.nextUp(Double.MAX_VALUE / 2),
            1e-300,
            1e300
          }) {
        assertEquals(
            Rules.boundProblem("w", type, bound) == null,
            Rules.uniformProblem("w", type, -bound, bound) == null,
            type + " " + bound);
      }
    }
  }

  @Test
  void aBiasIsOneDimensionalOfTheWeightsOutputSize() {
    assertNull(Rules.biasProblem("b", new int[] {8}, "w", new int[] {8, 3, 3, 3}));
    assertNull(Rules.biasProblem("b", new int[] {0}, "w", new int[] {0, 4}));
    assertNull(Rules.biasProblem("b", new int[] {3}, "w", new int[] {}));
    assertEquals(
        "Net.bias: shape [6] does not fit Net.weight of shape [8, 3, 3, 3]; expected a 1-D bias"
            + " of length 8, the weight's output size shape[0]",
        Rules.biasProblem("Net.bias", new int[] {6}, "Net.weight", new int[] {8, 3, 3, 3}));
    assertNotNull(Rules.biasProblem("b", new int[] {2, 4}, "w", new int[] {8, 3}));
  }

  @Test
  void requireThrowsTheProblem() {
    Rules.require(null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rules.require("w: bad"));
    assertEquals("w: bad", e.getMessage());
  }

  @Test
  void theElementTypeOfATensor() {
    assertEquals(ElementType.FLOAT, ElementType.of(FloatTensor.of(new float[1])));
    assertEquals(ElementType.DOUBLE, ElementType.of(DoubleTensor.of(new double[1][1])));
    assertEquals("float", ElementType.FLOAT.toString());
  }

  @Test
  void gainsAndScalesAreFinitePositiveNumbers() {
    assertNull(Rules.gainProblem(1e-300));
    assertNull(Rules.gainProblem(Double.MAX_VALUE));
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertEquals(
          "gain: " + bad + " is not a valid gain; expected a finite positive number",
          Rules.gainProblem(bad));
      assertEquals(
          "scale: " + bad + " is not a valid scale; expected a finite positive number",
          Rules.scaleProblem(bad));
    }
    assertNull(Rules.scaleProblem(2));
  }

  @Test
  void identityShapesHavePyTorchsRanksAndGroups() {
    assertNull(Rules.eyeRankProblem(2));
    assertEquals("Only tensors with 2 dimensions are supported", Rules.eyeRankProblem(3));
    assertEquals(Rules.EYE_RANK, Rules.eyeRankProblem(1));
    for (int rank = 0; rank <= 6; rank++) {
      assertEquals(
          rank >= 3 && rank <= 5 ? null : "Only tensors with 3, 4, or 5 dimensions are supported",
          Rules.diracRankProblem(rank));
      assertEquals(
          rank >= 2 ? null : "Only tensors with 2 or more dimensions are supported",
          Rules.orthogonalRankProblem(rank));
    }
    assertNull(Rules.diracGroupsProblem(3, 6));
    assertNull(Rules.diracGroupsProblem(1, 5), "one group, PyTorch's default");
    assertNull(Rules.diracGroupsProblem(3, null));
    assertNull(Rules.diracGroupsProblem(2, 0));
    assertEquals("dim 0 must be divisible by groups", Rules.diracGroupsProblem(2, 5));
    assertEquals(
        "groups: 0 is not a valid number of groups; expected groups >= 1",
        Rules.diracGroupsProblem(0, 4));
    assertNotNull(Rules.diracGroupsProblem(-2, null));
  }

  @Test
  void aConstantIsFiniteInTheElementType() {
    assertNull(Rules.constantProblem("b", ElementType.FLOAT, -3.4e38));
    assertNull(Rules.constantProblem("b", ElementType.FLOAT, 1e-45));
    assertNull(Rules.constantProblem("b", ElementType.DOUBLE, 1e300));
    assertEquals(
        "b: value 1.0E39 is not a finite float; expected |value| <= Float.MAX_VALUE"
            + " (3.4028235E38)",
        Rules.constantProblem("b", ElementType.FLOAT, 1e39));
    assertNotNull(Rules.constantProblem("b", ElementType.DOUBLE, Double.NaN));
  }

  @Test
  void aTruncatedNormalNeedsAnOrderedIntervalWithProbabilityTheTypeResolves() {
    ElementType f = ElementType.FLOAT;
    ElementType d = ElementType.DOUBLE;
    assertNull(Rules.truncatedNormalProblem("w", f, 0, 0.02, -2, 2));
    assertNull(Rules.truncatedNormalProblem("w", f, 0.5, 0.3, 0, 1));
    assertNull(Rules.truncatedNormalProblem("w", f, 0, 1, -5, -2.5));
    assertEquals(
        "w: std 0.0 is not a normal float; expected Float.MIN_NORMAL (1.1754944E-38) <= std <="
            + " Float.MAX_VALUE (3.4028235E38)",
        Rules.truncatedNormalProblem("w", f, 0, 0, -2, 2));
    assertEquals(
        "w: mean NaN is not a finite float; expected |mean| <= Float.MAX_VALUE (3.4028235E38)",
        Rules.truncatedNormalProblem("w", f, Double.NaN, 1, -2, 2));
    assertEquals(
        "w: b Infinity is not a finite double; expected |b| <= Double.MAX_VALUE"
            + " (1.7976931348623157E308)",
        Rules.truncatedNormalProblem("w", d, 0, 1, -2, Double.POSITIVE_INFINITY));
    assertEquals(
        "w: N(0.0, 1.0^2) truncated to [1.0, 1.0] is empty; expected a < b",
        Rules.truncatedNormalProblem("w", f, 0, 1, 1, 1));
    // Φ(9) and Φ(10) are both 1 in double
    assertEquals(
        "w: N(0.0, 1.0^2) truncated to [9.0, 10.0] holds no probability in double:"
            + " Phi((a - mean) / std) = Phi((b - mean) / std) = 1.0; expected an interval nearer"
            + " the mean",
        Rules.truncatedNormalProblem("w", d, 0, 1, 9, 10));
    // 2Φ(6) - 1 and 2Φ(7) - 1 differ in double, not in float
    assertNull(Rules.truncatedNormalProblem("w", d, 0, 1, 6, 7));
    String floatProblem = Rules.truncatedNormalProblem("w", f, 0, 1, 6, 7);
    assertNotNull(floatProblem);
    assertTrue(
        floatProblem.startsWith(
            "w: N(0.0, 1.0^2) truncated to [6.0, 7.0] holds too little probability for float:"
                + " PyTorch's algorithm draws U(2 * Phi((a - mean) / std) - 1,"),
        floatProblem);
    // the left tail keeps its precision longer: Φ(-37) > 0, but 2Φ(-37) - 1 = -1
    assertNotNull(Rules.truncatedNormalProblem("w", d, 0, 1, -38, -37));
    assertNull(Rules.truncatedNormalProblem("w", d, 0, 1, -8, -7.9));
    // [a, b] is measured in std from the mean: [4, 5] is 40 to 50 std away when std = 0.1
    assertNotNull(Rules.truncatedNormalProblem("w", d, 0, 0.1, 4, 5));
    assertNotNull(Rules.truncatedNormalProblem("w", d, 0, 0.1, -5, -4));
    assertNull(Rules.truncatedNormalProblem("w", d, -10, 1, -11, -9));
    assertNull(Rules.truncatedNormalProblem("w", d, 10, 0.5, 9, 11));
    // 2Φ(5) - 1 and 2Φ(5.00001) - 1 are one float, below 1
    assertNull(Rules.truncatedNormalProblem("w", d, 0, 1, 5, 5.00001));
    assertNotNull(Rules.truncatedNormalProblem("w", f, 0, 1, 5, 5.00001));
  }
}
