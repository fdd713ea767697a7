package dev.kinit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FansTest {

  static Stream<JsonObject> torchCases() {
    return TorchReference.cases("fans.json").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("torchCases")
  void matchesPyTorch(JsonObject c) {
    int[] shape = TorchReference.shape(c, "shape");
    if (c.has("error")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Fans.of(shape));
      assertEquals(c.get("error").getAsString(), e.getMessage());
    } else {
      assertEquals(
          new Fans(c.get("fan_in").getAsLong(), c.get("fan_out").getAsLong()),
          Fans.of(shape),
          Arrays.toString(shape));
    }
  }

  @Test
  void receptiveFieldIsTheProductOfTheTrailingSizes() {
    assertEquals(new Fans(3 * 2 * 5 * 7, 4 * 2 * 5 * 7), Fans.of(4, 3, 2, 5, 7));
    assertEquals(new Fans(3 * 2 * 5 * 7 * 11, 4 * 2 * 5 * 7 * 11), Fans.of(4, 3, 2, 5, 7, 11));
  }

  @Test
  void largeSizesDoNotOverflowInt() {
    int big = Integer.MAX_VALUE;
    assertEquals(new Fans((long) big * big, (long) big * big), Fans.of(big, big, big));
  }

  @Test
  void fansBeyondLongAreRejected() {
    int big = Integer.MAX_VALUE;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fans.of(big, big, big, big, big));
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  @Test
  void aZeroSizeMakesTheFanZeroHoweverLargeTheOtherSizes() {
    // PyTorch multiplies Python ints: 0 * anything is 0, never an overflow.
    int big = Integer.MAX_VALUE - 1;
    assertEquals(new Fans(0, 0), Fans.of(3, 0, big, big, 4, 0));
    assertEquals(new Fans(0, 0), Fans.of(0, 0, big, big, big));
    // Keras' [k…][in][out]: an empty input or output side is a fan of 0, not an overflow
    assertEquals(new Fans(0, 5), Fans.of(WeightLayout.KERAS, 0, 5));
    assertEquals(new Fans(5, 0), Fans.of(WeightLayout.KERAS, 5, 0));
  }

  @Test
  void negativeSizeIsRejectedWithItsDimension() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fans.of(6, -2));
    assertEquals(
        "shape: shape [6, -2] has size -2 at dimension 1; expected sizes >= 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Fans.of(WeightLayout.KERAS, 3, 3, 6, -2));
    assertEquals(
        "shape: shape [3, 3, 6, -2] has size -2 at dimension 3; expected sizes >= 0",
        e.getMessage());
  }

  @Test
  void nullShapeIsNamed() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> Fans.of((int[]) null));
    assertEquals("shape", e.getMessage());
  }

  @Test
  void negativeFansAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Fans(-1, 3));
  }

  @Test
  void modeSelectsTheFan() {
    Fans fans = Fans.of(64, 3, 3, 3);
    assertEquals(27, FanMode.FAN_IN.of(fans));
    assertEquals(576, FanMode.FAN_OUT.of(fans));
  }

  @Test
  void modeNamesFollowPyTorch() {
    assertEquals(FanMode.FAN_OUT, FanMode.fromTorchName("fan_out"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FanMode.fromTorchName("fan_avg"));
    assertEquals(
        "Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']", e.getMessage());
  }
}
