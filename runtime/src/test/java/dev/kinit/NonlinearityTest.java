package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonlinearityTest {

  static Stream<JsonObject> torchCases() {
    return TorchReference.cases("gains.json").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("torchCases")
  void gainMatchesPyTorchToTheLastBit(JsonObject c) {
    String name = c.get("nonlinearity").getAsString();
    if (c.has("error")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Nonlinearity.fromTorchName(name));
      assertEquals(c.get("error").getAsString(), e.getMessage());
      return;
    }
    Nonlinearity nonlinearity = Nonlinearity.fromTorchName(name);
    double gain =
        TorchReference.isNull(c, "param")
            ? nonlinearity.gain()
            : nonlinearity.gain(c.get("param").getAsDouble());
    assertEquals(c.get("gain").getAsDouble(), gain, 0.0);
  }

  @Test
  void everyNonlinearityHasAPyTorchCase() {
    for (Nonlinearity nonlinearity : Nonlinearity.values()) {
      assertTrue(
          torchCases()
              .anyMatch(c -> c.get("nonlinearity").getAsString().equals(nonlinearity.torchName())),
          nonlinearity + " is not covered by gains.json");
    }
  }

  @Test
  void kaimingDefaultSlopeDiffersFromCalculateGainDefault() {
    assertEquals(Math.sqrt(2.0), Nonlinearity.LEAKY_RELU.gain(0), 0.0);
    assertEquals(Math.sqrt(2.0 / (1 + 0.01 * 0.01)), Nonlinearity.LEAKY_RELU.gain(), 0.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteSlopeIsRejected(double a) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nonlinearity.LEAKY_RELU.gain(a));
    assertEquals(
        "a = " + a + " is not a valid negative slope; expected a finite number", e.getMessage());
  }

  @Test
  void slopeWhoseSquareOverflowsIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nonlinearity.LEAKY_RELU.gain(1e200));
    assertEquals(
        "a = 1.0E200 is too large: a^2 overflows a double; expected |a| < 1.34E154",
        e.getMessage());
  }
}
