package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KaimingStdTest {

  static Stream<JsonObject> torchCases() {
    return TorchReference.cases("kaiming_std.json").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("torchCases")
  void stdAndBoundMatchPyTorchToTheLastBit(JsonObject c) {
    int[] shape = TorchReference.shape(c, "shape");
    FanMode mode = FanMode.fromTorchName(c.get("mode").getAsString());
    double gain =
        Nonlinearity.fromTorchName(c.get("nonlinearity").getAsString())
            .gain(c.get("a").getAsDouble());
    assertAll(
        () -> assertEquals(c.get("fan").getAsLong(), mode.of(Fans.of(shape))),
        () -> assertEquals(c.get("std").getAsDouble(), Kaiming.std(shape, mode, gain), 0.0),
        () -> assertEquals(c.get("bound").getAsDouble(), Kaiming.bound(shape, mode, gain), 0.0));
  }

  @Test
  void zeroFanHasNoStd() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Kaiming.std(new int[] {7, 0}, FanMode.FAN_IN, 1.0));
    assertEquals(
        "shape [7, 0] has fan_in 0; expected a positive fan, since std = gain / sqrt(fan)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void gainMustBeFiniteAndPositive(double gain) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Kaiming.std(new int[] {3, 5}, FanMode.FAN_IN, gain));
    assertEquals(
        "gain: " + gain + " is not a valid gain; expected a finite positive number",
        e.getMessage());
  }
}
